import { create } from 'zustand';
import type { StockReport, UpgradeOutcome, UpgradeProgress, UpgradeStart } from '../../../src-shared/capabilities/upgrade/contract';
import type { RbErrorShape } from '../../../src-shared/errors';
import type { RbApi } from '../../api/types';
import { toErrorShape } from '../../../src-shared/errors';

/** The upgrade screen's state: the form, the byte-level progress, the plan (return to stock), the outcome. */
interface UpgradeStore {
  progress: UpgradeProgress | undefined;
  plan: StockReport | undefined;
  outcome: Partial<UpgradeOutcome> | undefined;
  error: RbErrorShape | undefined;
  busy: boolean;
  onProgress(p: UpgradeProgress): void;
  start(api: RbApi, req: UpgradeStart): Promise<void>;
  planStock(api: RbApi, req: Pick<UpgradeStart, 'target' | 'file' | 'sha256' | 'intermediate' | 'intermediateSha256'>): Promise<void>;
  refreshOutcome(api: RbApi): Promise<void>;
  clearError(): void;
}

export const useUpgrade = create<UpgradeStore>((set) => ({
  progress: undefined,
  plan: undefined,
  outcome: undefined,
  error: undefined,
  busy: false,
  onProgress: (p) => set({ progress: p }),
  async start(api, req) {
    set({ busy: true, error: undefined, progress: undefined, outcome: undefined });
    try {
      await api.invoke('upgrade.start', req);
    } catch (err) {
      set({ error: toErrorShape(err) });
    } finally {
      set({ busy: false });
    }
  },
  async planStock(api, req) {
    set({ busy: true, error: undefined, plan: undefined });
    try {
      set({ plan: await api.invoke('upgrade.plan', req) });
    } catch (err) {
      set({ error: toErrorShape(err) });
    } finally {
      set({ busy: false });
    }
  },
  async refreshOutcome(api) {
    try {
      set({ outcome: await api.invoke('upgrade.outcome', {}) });
    } catch {
      /* the screen keeps what it had */
    }
  },
  clearError: () => set({ error: undefined }),
}));
