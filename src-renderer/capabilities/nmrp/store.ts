import { create } from 'zustand';
import type { NmrpImageCheck, NmrpProgress, NmrpRun, NmrpStage } from '../../../src-shared/capabilities/nmrp/contract';

interface NmrpStore {
  run: NmrpRun;
  progress: NmrpProgress | undefined;
  check: NmrpImageCheck | undefined;
  onStage(s: NmrpStage): void;
  onProgress(p: NmrpProgress): void;
  replace(run: NmrpRun): void;
  setCheck(c: NmrpImageCheck | undefined): void;
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

export const useNmrp = create<NmrpStore>((set) => ({
  run: { state: 'idle', stages: [] },
  progress: undefined,
  check: undefined,
  onStage: (s) =>
    set((st) => {
      // a stage of a new run starts a fresh list
      const same = st.run.runId === s.runId;
      const stages = same ? [...st.run.stages, s] : [s];
      const state = s.stage === 'done' ? 'done' : s.stage === 'failed' ? 'failed' : s.stage === 'cancelled' ? 'cancelled' : FINAL.has(st.run.state) && same ? st.run.state : 'running';
      const run: NmrpRun = { ...(same ? st.run : { startedAt: s.at }), runId: s.runId, state, stages };
      if (s.fault) run.fault = s.fault;
      if (s.image) run.image = s.image;
      return { run, progress: same ? st.progress : undefined };
    }),
  onProgress: (p) => set((st) => (st.run.runId === undefined || st.run.runId === p.runId ? { progress: p } : st)),
  replace: (run) => set({ run }),
  setCheck: (check) => set({ check }),
}));

/** The latest stage, and the latest one that asks the user to do something. */
export function latest(run: NmrpRun): { stage: NmrpStage | undefined; doNow: NmrpStage | undefined } {
  const stage = run.stages.at(-1);
  const withDo = [...run.stages].reverse().find((s) => s.doNow);
  // an instruction holds until the conversation has moved past it
  const stale = withDo && stage && withDo !== stage && ['router-found', 'configured', 'upload-requested', 'uploading', 'uploaded', 'writing', 'failed', 'cancelled'].includes(stage.stage) && withDo.stage !== 'done';
  return { stage, doNow: stale ? undefined : withDo };
}

/** When the router got the whole file (the writing timer starts there). */
export function writingSince(run: NmrpRun): number | undefined {
  return run.stages.find((s) => s.stage === 'uploaded')?.at;
}
