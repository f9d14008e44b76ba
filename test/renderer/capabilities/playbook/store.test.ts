/**
 * An interrupted run is offered until the workstation has taken "continue" or "forget": the store's actions
 * clear it once the command succeeded, and keep it when the command was refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import type { InterruptedRun, RunSnapshot, RunStepsChange } from '../../../../src-shared/capabilities/playbook/contract';
import { applyRecord, startRecord, type JournalRecord } from '../../../../src-shared/capabilities/playbook/journal';
import type { PlaybookDef } from '../../../../src-shared/capabilities/playbook/model';
import { stepsChange } from '../../../../src-shared/capabilities/playbook/updates';

const interrupted = { runId: 'r1', title: 'Failsafe', explanation: 'The window closed.', resumable: true } as InterruptedRun;
const calls: Array<[string, unknown]> = [];
let refuse = false;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    if (refuse) throw new ApiError({ code: 'PLAYBOOK_BUSY', message: 'Another run is going.' });
    return { ok: true };
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

beforeEach(() => {
  calls.length = 0;
  refuse = false;
  usePlaybook.setState({ run: undefined, transcript: [], interrupted });
});

describe('playbook store commands', () => {
  it('clears the interrupted run once resume or dismiss succeeded', async () => {
    await usePlaybook.getState().resume(api, 'r1');
    expect(calls).toEqual([['playbook.resume', { runId: 'r1' }]]);
    expect(usePlaybook.getState().interrupted).toBeUndefined();
    usePlaybook.setState({ interrupted });
    await usePlaybook.getState().dismiss(api, 'r1');
    expect(calls.at(-1)).toEqual(['playbook.dismiss', { runId: 'r1' }]);
    expect(usePlaybook.getState().interrupted).toBeUndefined();
  });

  it('keeps offering it when the command was refused', async () => {
    refuse = true;
    await expect(usePlaybook.getState().resume(api, 'r1')).rejects.toBeInstanceOf(ApiError);
    expect(usePlaybook.getState().interrupted).toEqual(interrupted);
  });
});

/*
 * A live run's step changes (playbook.step, decision 0175): applied in order onto the revision they were made
 * from; one already seen is ignored; a gap (a change missed, another run) reads the whole run again, and the
 * changes that arrive meanwhile follow it in order. Nothing lost, nothing applied out of order.
 */
describe('playbook store: step changes', () => {
  const def: PlaybookDef = {
    id: 'p',
    title: 'P',
    summary: '',
    steps: ['a', 'b'].map((id) => ({ id, kind: 'action', title: id, doNow: `do ${id}`, explain: '', preconditions: [], success: 'ok', failure: 'no', onFailure: { kind: 'abort' }, run: id })),
  };
  /** The workstation's side: a run built from journal records, and the step change of every record after the first. */
  const live = (): { runs: RunSnapshot[]; changes: RunStepsChange[] } => {
    const records: JournalRecord[] = [
      startRecord('r1', def, {}, 1),
      { type: 'step', at: 2, stepId: 'a', state: 'active' },
      { type: 'evidence', at: 3, stepId: 'a', text: 'one' },
      { type: 'evidence', at: 4, stepId: 'a', text: 'two' },
      { type: 'step', at: 5, stepId: 'a', state: 'done' },
      { type: 'step', at: 5, stepId: 'b', state: 'active' },
      { type: 'evidence', at: 6, stepId: 'b', text: 'three' },
    ];
    const runs: RunSnapshot[] = [];
    for (const r of records) runs.push(applyRecord(runs.at(-1), r)!);
    return { runs, changes: runs.slice(1).map((s, i) => stepsChange(runs[i]!, s)!) };
  };
  /** An api whose playbook.status answers with `whole()` once `release()` is called (the read takes time). */
  const reading = (whole: () => RunSnapshot) => {
    const reads: string[] = [];
    let release!: () => void;
    const api: RbApi = {
      transport: 'websocket',
      invoke: (async (name: string) => {
        reads.push(name);
        await new Promise<void>((r) => (release = r));
        return { run: whole(), transcript: [] };
      }) as RbApi['invoke'],
      on: () => () => undefined,
    };
    return { api, reads, release: () => release() };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('applies each change onto the revision it was made from, and ignores one already seen', () => {
    const { runs, changes } = live();
    usePlaybook.getState().setRun(runs[0]!);
    const { api, reads } = reading(() => runs.at(-1)!);
    for (const c of changes) usePlaybook.getState().stepsChanged(c, api);
    expect(usePlaybook.getState().run).toEqual(runs.at(-1));
    usePlaybook.getState().stepsChanged(changes[2]!, api); // late and already in
    expect(usePlaybook.getState().run).toEqual(runs.at(-1));
    expect(reads).toEqual([]);
  });

  it('a missed revision reads the whole run, then applies what came meanwhile, in order', async () => {
    const { runs, changes } = live();
    usePlaybook.getState().setRun(runs[0]!);
    // the workstation is at revision of runs[3] when it answers the read
    const { api, reads, release } = reading(() => runs[3]!);
    usePlaybook.getState().stepsChanged(changes[0]!, api);
    usePlaybook.getState().stepsChanged(changes[2]!, api); // changes[1] never came: a gap
    expect(reads).toEqual(['playbook.status']);
    expect(usePlaybook.getState().run).toEqual(runs[1]); // nothing applied out of order
    usePlaybook.getState().stepsChanged(changes[3]!, api); // while the read is on its way
    usePlaybook.getState().stepsChanged(changes[4]!, api);
    expect(usePlaybook.getState().run).toEqual(runs[1]);
    release();
    await settle();
    expect(usePlaybook.getState().run).toEqual(runs[5]);
    expect(reads).toEqual(['playbook.status']);
  });

  it('a change for a run the screen does not hold reads the whole run', async () => {
    const { runs, changes } = live();
    usePlaybook.setState({ run: undefined });
    const { api, reads, release } = reading(() => runs[4]!);
    usePlaybook.getState().stepsChanged(changes[2]!, api);
    expect(reads).toEqual(['playbook.status']);
    release();
    await settle();
    expect(usePlaybook.getState().run).toEqual(runs[4]);
  });

  it('a whole run older than the one held changes nothing', () => {
    const { runs } = live();
    usePlaybook.getState().setRun(runs[4]!);
    usePlaybook.getState().setRun(runs[2]!);
    expect(usePlaybook.getState().run).toEqual(runs[4]);
  });
});
