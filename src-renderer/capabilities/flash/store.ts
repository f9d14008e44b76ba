import { create } from 'zustand';
import type { BackupProgress, BackupResult, ManifestPartition, RestorePlan, RestoreResult } from '../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo, SessionTarget } from '../../../src-shared/capabilities/device';
import type { CommandInput } from '../../../src-shared/contract';
import type { SaidMessage } from '../../../src-shared/contract/common';
import type { RbApi } from '../../api/types';

export interface RestoreProgressRow {
  partition: string;
  phase: 'checking' | 'uploading' | 'writing' | 'reading-back' | 'done' | 'failed';
  done: number;
  size: number;
  message?: string | undefined;
  /** The message's id + values (decision 0167). */
  msg?: SaidMessage | undefined;
}

interface FlashStore {
  /** The last router we read, and how we reached it (reused by backup and restore). */
  target: SessionTarget | undefined;
  device: DeviceInfo | undefined;
  /** The running backup's latest progress (undefined when idle). */
  progress: BackupProgress | undefined;
  /** Finished partitions of the running/last backup, by index. */
  parts: Record<number, ManifestPartition>;
  result: BackupResult | undefined;
  plan: RestorePlan | undefined;
  restore: RestoreResult | undefined;
  restoreRows: Record<string, RestoreProgressRow>;
  setDevice(target: SessionTarget, d: DeviceInfo): void;
  clearDevice(): void;
  onProgress(p: BackupProgress): void;
  onPartition(backupId: string, p: ManifestPartition): void;
  onDone(r: BackupResult): void;
  startedBackup(): void;
  setPlan(p: RestorePlan | undefined): void;
  setRestore(r: RestoreResult | undefined): void;
  onRestoreProgress(p: RestoreProgressRow): void;
  resync(s: { active?: BackupProgress | undefined; last?: BackupResult | undefined }): void;
  /*
   * Commands. A view calls these and never writes a reply itself: each reply enters the store here, in one
   * place, and only when no event carries it (a backup's progress and result arrive as flash.backup.* events,
   * a restore's rows as flash.restore.progress; its result and the plan come only as replies). They throw the
   * command's error for the view to show.
   */
  /** device.inspect: read the router; its reply becomes the device, with the target that reached it. */
  inspect(api: RbApi, target: SessionTarget): Promise<void>;
  /** flash.backup.start: the reply ({ backupId, dir }) is not kept, the backup's events fill the store. */
  startBackup(api: RbApi, req: CommandInput<'flash.backup.start'>): Promise<void>;
  /** flash.restore.plan (a dry run): its reply is the plan. */
  planRestore(api: RbApi, req: CommandInput<'flash.restore.plan'>): Promise<void>;
  /** flash.restore.run: its reply is the restore's result (the rows come as events meanwhile). */
  runRestore(api: RbApi, req: CommandInput<'flash.restore.run'>): Promise<void>;
}

export const useFlash = create<FlashStore>((set, get) => ({
  target: undefined,
  device: undefined,
  progress: undefined,
  parts: {},
  result: undefined,
  plan: undefined,
  restore: undefined,
  restoreRows: {},
  setDevice: (target, device) => set({ target, device, plan: undefined, restore: undefined }),
  clearDevice: () => set({ device: undefined }),
  onProgress: (p) => set((s) => (p.phase === 'done' || p.phase === 'failed' ? { progress: undefined } : s.progress && s.progress.backupId !== p.backupId ? { progress: p, parts: {} } : { progress: p })),
  onPartition: (_id, p) => set((s) => ({ parts: { ...s.parts, [p.index]: p } })),
  onDone: (result) =>
    set(() => {
      const parts: Record<number, ManifestPartition> = {};
      for (const p of result.manifest.partitions) parts[p.index] = p;
      return { result, progress: undefined, parts };
    }),
  startedBackup: () => set({ result: undefined, parts: {} }),
  setPlan: (plan) => set({ plan, restore: undefined, restoreRows: {} }),
  setRestore: (restore) => set({ restore }),
  onRestoreProgress: (p) => set((s) => ({ restoreRows: { ...s.restoreRows, [p.partition]: p } })),
  resync: (st) => set((s) => ({ progress: st.active, result: st.last ?? s.result })),
  inspect: async (api, target) => {
    get().setDevice(target, await api.invoke('device.inspect', { target }));
  },
  startBackup: async (api, req) => {
    get().startedBackup();
    await api.invoke('flash.backup.start', req);
  },
  planRestore: async (api, req) => {
    get().setPlan(await api.invoke('flash.restore.plan', req));
  },
  runRestore: async (api, req) => {
    get().setRestore(await api.invoke('flash.restore.run', req));
  },
}));
