import { create } from 'zustand';
import type { InterruptedRun, RunSnapshot, TranscriptLine } from '../../../src-shared/capabilities/playbook/contract';
import type { RbApi } from '../../api/types';

/** How many transcript lines the screen keeps (the journal in the data folder keeps all of them). */
export const MAX_TRANSCRIPT = 2000;

interface PlaybookStore {
  run: RunSnapshot | undefined;
  transcript: TranscriptLine[];
  interrupted: InterruptedRun | undefined;
  setRun(r: RunSnapshot): void;
  addTranscript(l: TranscriptLine): void;
  setStatus(s: { run?: RunSnapshot; transcript: TranscriptLine[]; interrupted?: InterruptedRun }): void;
  clearInterrupted(): void;
  /** playbook.resume: once the workstation took it, the interrupted run is no longer offered (its events follow). */
  resume(api: RbApi, runId: string): Promise<void>;
  /** playbook.dismiss: once the workstation forgot it, it is no longer offered. */
  dismiss(api: RbApi, runId: string): Promise<void>;
}

export const usePlaybook = create<PlaybookStore>((set, get) => ({
  run: undefined,
  transcript: [],
  interrupted: undefined,
  setRun: (run) =>
    set((s) => {
      // a new run starts a new transcript
      if (s.run && s.run.runId !== run.runId) return { run, transcript: [], interrupted: undefined };
      return { run };
    }),
  addTranscript: (l) =>
    set((s) => {
      if (s.run && l.runId !== s.run.runId) return s;
      const next = s.transcript.length >= MAX_TRANSCRIPT ? s.transcript.slice(-MAX_TRANSCRIPT + 1) : s.transcript.slice();
      next.push(l);
      return { transcript: next };
    }),
  setStatus: (st) => set({ run: st.run, transcript: st.transcript.slice(-MAX_TRANSCRIPT), interrupted: st.interrupted }),
  clearInterrupted: () => set({ interrupted: undefined }),
  resume: async (api, runId) => {
    await api.invoke('playbook.resume', { runId });
    get().clearInterrupted();
  },
  dismiss: async (api, runId) => {
    await api.invoke('playbook.dismiss', { runId });
    get().clearInterrupted();
  },
}));

/** The step the user is on: the active one, else the one the run stopped at. */
export function currentStep(run: RunSnapshot | undefined) {
  if (!run) return undefined;
  return run.steps.find((s) => s.state === 'active') ?? run.steps[run.current];
}
