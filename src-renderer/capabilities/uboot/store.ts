import { create } from 'zustand';
import type { UbootRun, UbootStep } from '../../../src-shared/capabilities/uboot/contract';
import type { z } from 'zod';
import type { UbootProgressSchema } from '../../../src-shared/capabilities/uboot/contract';

import type { CommandInput } from '../../../src-shared/contract';
import type { RbApi } from '../../api/types';

type Progress = z.infer<typeof UbootProgressSchema>;

/** The order the step panel shows, whatever order events arrive in. */
export const STEP_ORDER: UbootStep['step'][] = ['check-file', 'stop-autoboot', 'read-env', 'read-memory', 'choose-load-address', 'set-network', 'start-server', 'tftpboot', 'verify', 'boot', 'follow-boot'];

interface UbootStore {
  /** Newest run per serial session. */
  bySession: Record<string, UbootRun>;
  setRun(r: UbootRun): void;
  onStep(s: UbootStep): void;
  onProgress(p: Progress): void;
  replace(runs: UbootRun[]): void;
  /**
   * uboot.run: the run enters the store only through its uboot.state event (sent before the reply), the one
   * writer of runs; the reply is awaited for its error alone, which this throws for the view to show.
   */
  start(api: RbApi, req: CommandInput<'uboot.run'>): Promise<void>;
  /** uboot.cancel: the run's end arrives as its uboot.state event. */
  cancel(api: RbApi, runId: string): Promise<void>;
}

function withRun(st: UbootStore, runId: string, fn: (r: UbootRun) => UbootRun): Partial<UbootStore> {
  const entry = Object.values(st.bySession).find((r) => r.runId === runId);
  if (!entry) return {};
  return { bySession: { ...st.bySession, [entry.sessionId]: fn(entry) } };
}

export const useUboot = create<UbootStore>((set) => ({
  bySession: {},
  setRun: (r) =>
    set((st) => {
      const prev = st.bySession[r.sessionId];
      // a run event may arrive before or after its step events: keep the richer step list
      const steps = prev && prev.runId === r.runId && prev.steps.length > r.steps.length ? prev.steps : r.steps;
      const progress = r.progress ?? (prev && prev.runId === r.runId ? prev.progress : undefined);
      return { bySession: { ...st.bySession, [r.sessionId]: { ...r, steps, ...(progress ? { progress } : {}) } } };
    }),
  onStep: (s) =>
    set((st) =>
      withRun(st, s.runId, (r) => {
        const steps = r.steps.filter((x) => x.step !== s.step);
        steps.push(s);
        steps.sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
        return { ...r, steps };
      }),
    ),
  onProgress: (p) => set((st) => withRun(st, p.runId, (r) => ({ ...r, progress: p }))),
  replace: (runs) =>
    set(() => {
      const bySession: Record<string, UbootRun> = {};
      for (const r of [...runs].reverse()) bySession[r.sessionId] = r;
      return { bySession };
    }),
  start: async (api, req) => {
    await api.invoke('uboot.run', req);
  },
  cancel: async (api, runId) => {
    await api.invoke('uboot.cancel', { runId });
  },
}));
