import { create } from 'zustand';
import type { InterruptedRun, RunSnapshot, RunStepsChange, TranscriptLine } from '../../../src-shared/capabilities/playbook/contract';
import { applyStepsChange } from '../../../src-shared/capabilities/playbook/updates';
import type { RbApi } from '../../api/types';

/** How many transcript lines the screen keeps (the journal in the data folder keeps all of them). */
export const MAX_TRANSCRIPT = 2000;

interface PlaybookStore {
  run: RunSnapshot | undefined;
  transcript: TranscriptLine[];
  interrupted: InterruptedRun | undefined;
  /** playbook.run: the whole run (an older revision of the run held is ignored: it came late). */
  setRun(r: RunSnapshot): void;
  /**
   * playbook.step (decision 0175): applied onto the run held when it was made from that revision; one already
   * seen is ignored; anything else (a revision missed, another run) reads the whole run again with
   * playbook.status, and the changes that arrive meanwhile are applied after it, in order.
   */
  stepsChanged(c: RunStepsChange, api: RbApi): void;
  addTranscript(l: TranscriptLine): void;
  setStatus(s: { run?: RunSnapshot; transcript: TranscriptLine[]; interrupted?: InterruptedRun }): void;
  clearInterrupted(): void;
  /** playbook.resume: once the workstation took it, the interrupted run is no longer offered (its events follow). */
  resume(api: RbApi, runId: string): Promise<void>;
  /** playbook.dismiss: once the workstation forgot it, it is no longer offered. */
  dismiss(api: RbApi, runId: string): Promise<void>;
}

/** How many step changes are kept while the whole run is read again (more: they are dropped, the read covers them). */
const MAX_WAITING = 1000;

/** Whether `c` is already in `run` (the same run, at its revision or later). */
const seen = (run: RunSnapshot | undefined, c: RunStepsChange): boolean =>
  !!run && run.runId === c.runId && run.revision !== undefined && c.revision <= run.revision;

export const usePlaybook = create<PlaybookStore>((set, get) => {
  /** While the whole run is being read again: the step changes that came meanwhile, applied after it. */
  let waiting: RunStepsChange[] | undefined;

  const readWhole = async (api: RbApi, first: RunStepsChange, tries = 3): Promise<void> => {
    waiting = [first];
    let later: RunStepsChange[] = [];
    try {
      const st = await api.invoke('playbook.status', {});
      if (st.run) get().setRun(st.run);
    } finally {
      later = waiting ?? [];
      waiting = undefined;
    }
    let again: RunStepsChange | undefined;
    for (const c of later) {
      const run = get().run;
      if (seen(run, c)) continue;
      const next = applyStepsChange(run, c);
      if (next) set({ run: next });
      else again = c;
    }
    // still a gap (a change older than the read was lost, or the run moved on meanwhile): once more
    if (again && tries > 1 && !seen(get().run, again)) await readWhole(api, again, tries - 1);
  };

  return {
    run: undefined,
    transcript: [],
    interrupted: undefined,
    setRun: (run) =>
      set((s) => {
        // a new run starts a new transcript
        if (s.run && s.run.runId !== run.runId) return { run, transcript: [], interrupted: undefined };
        // a whole run older than the one held (it came after a newer read) changes nothing
        if (s.run && s.run.revision !== undefined && run.revision !== undefined && run.revision < s.run.revision) return s;
        return { run };
      }),
    stepsChanged: (c, api) => {
      if (waiting) {
        if (waiting.length < MAX_WAITING) waiting.push(c);
        return;
      }
      const run = get().run;
      if (seen(run, c)) return;
      const next = applyStepsChange(run, c);
      if (next) return set({ run: next });
      readWhole(api, c).catch(() => undefined); // the connection's own resync reads it again when it comes back
    },
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
  };
});

/** The step the user is on: the active one, else the one the run stopped at. */
export function currentStep(run: RunSnapshot | undefined) {
  if (!run) return undefined;
  return run.steps.find((s) => s.state === 'active') ?? run.steps[run.current];
}
