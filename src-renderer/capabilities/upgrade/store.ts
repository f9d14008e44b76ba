import { create } from 'zustand';
import type { BootSlotResult, StockReport, UpgradeOutcome, UpgradeProgress, UpgradeStart } from '../../../src-shared/capabilities/upgrade/contract';
import type { SessionTarget } from '../../../src-shared/capabilities/device';
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
  /** The recovery action after a failed Linksys flash: the router's boot settings read (preview), then changed. */
  slot: { slot: 1 | 2; check?: BootSlotResult; done?: BootSlotResult; error?: RbErrorShape; busy: boolean } | undefined;
  onProgress(p: UpgradeProgress): void;
  start(api: RbApi, req: UpgradeStart): Promise<void>;
  planStock(api: RbApi, req: Pick<UpgradeStart, 'target' | 'file' | 'sha256' | 'intermediate' | 'intermediateSha256'>): Promise<void>;
  refreshOutcome(api: RbApi): Promise<void>;
  clearError(): void;
  /** Read boot_part/bootcmd (changes nothing); the card shows its action only when this answered. */
  checkSlot(api: RbApi, target: SessionTarget, slot: 1 | 2): Promise<void>;
  setSlot(api: RbApi, target: SessionTarget, slot: 1 | 2, confirm: string): Promise<void>;
}

export const useUpgrade = create<UpgradeStore>((set) => ({
  progress: undefined,
  plan: undefined,
  outcome: undefined,
  error: undefined,
  busy: false,
  slot: undefined,
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
  async checkSlot(api, target, slot) {
    set({ slot: { slot, busy: true } });
    try {
      set({ slot: { slot, busy: false, check: await api.invoke('upgrade.bootSlot', { target, slot, confirm: '', preview: true }) } });
    } catch (err) {
      set({ slot: { slot, busy: false, error: toErrorShape(err) } });
    }
  },
  async setSlot(api, target, slot, confirm) {
    set((s) => ({ slot: { ...(s.slot ?? { slot }), slot, busy: true } }));
    try {
      const done = await api.invoke('upgrade.bootSlot', { target, slot, confirm });
      set((s) => ({ slot: { ...(s.slot ?? { slot }), busy: false, done } }));
    } catch (err) {
      set((s) => ({ slot: { ...(s.slot ?? { slot }), busy: false, error: toErrorShape(err) } }));
    }
  },
}));
