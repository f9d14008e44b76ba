/**
 * A live run's step changes (decision 0175): what the runner says changed, and what a screen makes of it — only
 * onto the revision it was made from; anything else must be read whole.
 */
import { describe, expect, it } from 'vitest';
import { applyRecord, startRecord, type JournalRecord } from '../../../../src-shared/capabilities/playbook/journal';
import { applyStepsChange, stepsChange } from '../../../../src-shared/capabilities/playbook/updates';
import type { RunSnapshot } from '../../../../src-shared/capabilities/playbook/contract';
import type { PlaybookDef } from '../../../../src-shared/capabilities/playbook/model';

const def: PlaybookDef = {
  id: 'p',
  title: 'P',
  summary: '',
  steps: ['a', 'b', 'c'].map((id) => ({ id, kind: 'action', title: id, doNow: `do ${id}`, explain: '', preconditions: [], success: 'ok', failure: 'no', onFailure: { kind: 'abort' }, run: id })),
};
const fold = (records: JournalRecord[], from?: RunSnapshot): RunSnapshot => records.reduce<RunSnapshot | undefined>((s, r) => applyRecord(s, r), from)!;
const started = fold([startRecord('r1', def, {}, 1)]);

describe('run revisions and step changes', () => {
  it('every record that changes the run gives it the next revision; one that does not, none', () => {
    expect(started.revision).toBe(1);
    const a = fold([{ type: 'step', at: 2, stepId: 'a', state: 'active' }], started);
    expect(a.revision).toBe(2);
    expect(applyRecord(a, { type: 'transcript', at: 3, stepId: 'a', dir: 'note', text: 'x' })).toBe(a);
    expect(applyRecord(a, { type: 'step', at: 3, stepId: 'nope', state: 'done' })).toBe(a);
  });

  it('only steps changed: the changed steps by place and the active place, which make the same run again', () => {
    const prev = fold([{ type: 'step', at: 2, stepId: 'a', state: 'active' }], started);
    const next = fold(
      [
        { type: 'evidence', at: 3, stepId: 'a', text: 'seen' },
        { type: 'step', at: 4, stepId: 'a', state: 'done' },
        { type: 'step', at: 4, stepId: 'b', state: 'active' },
      ],
      prev,
    );
    const c = stepsChange(prev, next)!;
    expect(c).toMatchObject({ runId: 'r1', from: prev.revision, revision: next.revision, current: 1 });
    expect(c.steps.map((s) => [s.index, s.step.id, s.step.state])).toEqual([
      [0, 'a', 'done'],
      [1, 'b', 'active'],
    ]);
    expect(applyStepsChange(prev, c)).toEqual(next);
  });

  it('anything beyond steps is no step change: a prompt, the end, another run', () => {
    const prompt = { id: 'q', stepId: 'a', text: 'Sure?', choices: [{ id: 'go', label: 'Go' }] };
    expect(stepsChange(started, fold([{ type: 'prompt', at: 2, prompt }], started))).toBeUndefined();
    expect(stepsChange(started, fold([{ type: 'end', at: 2, state: 'done' }], started))).toBeUndefined();
    expect(stepsChange(started, fold([startRecord('r2', def, {}, 2)], started))).toBeUndefined();
    const asked = fold([{ type: 'prompt', at: 2, prompt }], started);
    expect(stepsChange(asked, fold([{ type: 'answer', at: 3, promptId: 'q', choice: 'go' }], asked))).toBeUndefined();
  });

  it('applies onto the revision it was made from only', () => {
    const one = fold([{ type: 'step', at: 2, stepId: 'a', state: 'active' }], started);
    const two = fold([{ type: 'evidence', at: 3, stepId: 'a', text: 'seen' }], one);
    const three = fold([{ type: 'evidence', at: 4, stepId: 'a', text: 'again' }], two);
    const c = stepsChange(two, three)!;
    // only the new evidence travels
    expect(c.steps).toEqual([{ index: 0, step: expect.not.objectContaining({ evidence: expect.anything() }), evidenceFrom: 1, evidence: [{ at: 4, text: 'again' }] }]);
    expect(applyStepsChange(two, c)).toEqual(three);
    expect(applyStepsChange(one, c)).toBeUndefined(); // a change missed in between
    expect(applyStepsChange(three, c)).toBeUndefined(); // already there
    expect(applyStepsChange(undefined, c)).toBeUndefined();
    expect(applyStepsChange({ ...two, runId: 'other' }, c)).toBeUndefined();
    // a step that is not where the change says: read it whole
    expect(applyStepsChange(two, { ...c, steps: [{ ...c.steps[0]!, index: 1 }] })).toBeUndefined();
    // evidence from a place the screen's step has not reached: read it whole
    expect(applyStepsChange(two, { ...c, steps: [{ ...c.steps[0]!, evidenceFrom: 5 }] })).toBeUndefined();
  });
});
