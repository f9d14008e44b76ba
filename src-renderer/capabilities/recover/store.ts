import { create } from 'zustand';
import type { RecoverPlan, RecoverProgress, VendorFlow } from '../../../src-shared/capabilities/recover';
import type { RbError } from '../../../src-shared/contract';
import type { RbApi } from '../../api/types';
import { asRbError } from '../../api/types';

interface RecoverStore {
  flow: VendorFlow | undefined;
  model: string;
  file: string;
  plan: RecoverPlan | undefined;
  progress: RecoverProgress | undefined;
  error: RbError | undefined;
  busy: 'idle' | 'checking' | 'starting';
  /** Technician settings: how long the router writes, how long to wait for it afterwards (s); empty = the model's. */
  writeSeconds: string;
  verifyTimeoutS: string;
  setTuning(t: { writeSeconds?: string; verifyTimeoutS?: string }): void;
  choose(flow: VendorFlow): void;
  setModel(model: string): void;
  setFile(file: string): void;
  setProgress(p: RecoverProgress): void;
  replace(s: { plan?: RecoverPlan; progress?: RecoverProgress }): void;
  /** recover.check: what the router will get (cut or not) and whether the file is for this model. */
  check(api: RbApi): Promise<void>;
  /** recover.start: the guide runs; its steps arrive as playbook.run events. */
  /** `practice`: the practice router's address, login port and TFTP port (from the practice store). */
  start(api: RbApi, practice?: { practice: { routerAddress: string; afterPort: number }; tftpPort: number; writeSeconds: number }): Promise<void>;
}

export const useRecover = create<RecoverStore>((set, get) => ({
  flow: undefined,
  model: '',
  file: '',
  plan: undefined,
  progress: undefined,
  error: undefined,
  busy: 'idle',
  writeSeconds: '',
  verifyTimeoutS: '',
  setTuning: (t) => set(t),
  choose: (flow) => set((s) => (s.flow === flow ? s : { flow, model: '', plan: undefined, error: undefined })),
  setModel: (model) => set({ model, plan: undefined, error: undefined }),
  setFile: (file) => set({ file, plan: undefined, error: undefined }),
  setProgress: (progress) => set({ progress }),
  replace: (s) => set({ ...(s.plan ? { plan: s.plan, flow: s.plan.flow, model: s.plan.model ?? '', file: s.plan.file } : {}), progress: s.progress }),
  check: async (api) => {
    const { flow, model, file } = get();
    if (!flow || !file.trim()) return;
    set({ busy: 'checking', error: undefined });
    try {
      const plan = await api.invoke('recover.check', { flow, file: file.trim(), ...(model ? { model } : {}) });
      set({ plan });
    } catch (err) {
      set({ error: asRbError(err), plan: undefined });
    } finally {
      set({ busy: 'idle' });
    }
  },
  start: async (api, practice) => {
    const { flow, model, file, writeSeconds, verifyTimeoutS } = get();
    if (!flow || !file.trim()) return;
    set({ busy: 'starting', error: undefined, progress: undefined });
    const n = (v: string): number | undefined => (v.trim() !== '' && Number.isInteger(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
    const w = n(writeSeconds);
    const v = n(verifyTimeoutS);
    try {
      await api.invoke('recover.start', { flow, file: file.trim(), ...(model ? { model } : {}), ...(practice ?? {}), ...(w !== undefined ? { writeSeconds: w } : {}), ...(v !== undefined ? { verifyTimeoutS: v } : {}) });
    } catch (err) {
      set({ error: asRbError(err) });
    } finally {
      set({ busy: 'idle' });
    }
  },
}));
