/**
 * A live run's updates to screens (decision 0175): when only steps changed, the changed steps (playbook.step)
 * instead of the whole run (playbook.run). The runner says what changed between the run it sent last and the
 * run it has now; a screen applies that onto the run it holds, and only onto the revision it was made from.
 * Pure: the runner (main) and the screen's store (renderer) both use it.
 */
import type { RunSnapshot, RunStepsChange } from './contract';

/** The run's own fields that a playbook.step carries (everything else needs the whole run). */
const STEP_FIELDS = new Set<string>(['steps', 'current', 'revision']);

/**
 * What changed from `prev` to `next` when that was only steps (and which one is active), else undefined: another
 * run, a run without revisions, a different number of steps, or any other field changed (state, prompt, summary,
 * end…). Steps are compared by identity: the journal's records make a new object only for the step they change,
 * and a new evidence list that keeps the old lines: only the lines after them travel.
 */
export function stepsChange(prev: RunSnapshot, next: RunSnapshot): RunStepsChange | undefined {
  if (prev.runId !== next.runId || prev.revision === undefined || next.revision === undefined || next.revision <= prev.revision) return undefined;
  if (prev.steps.length !== next.steps.length) return undefined;
  const p = prev as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const k in n) if (!STEP_FIELDS.has(k) && n[k] !== p[k]) return undefined;
  for (const k in p) if (!STEP_FIELDS.has(k) && !(k in n)) return undefined;
  const steps: RunStepsChange['steps'] = [];
  next.steps.forEach((step, index) => {
    const before = prev.steps[index]!;
    if (step === before) return;
    // evidence is only ever added to (the records copy the list and append): send what is new
    let same = 0;
    while (same < before.evidence.length && same < step.evidence.length && before.evidence[same] === step.evidence[same]) same++;
    const { evidence, ...rest } = step;
    steps.push({ index, step: rest, evidenceFrom: same, evidence: evidence.slice(same) });
  });
  return { runId: next.runId, from: prev.revision, revision: next.revision, current: next.current, steps };
}

/**
 * The run that `change` makes of `run`, or undefined when it cannot be applied here: another run, another
 * revision than the one it was made from, or steps that are not where it says (the screen must read the whole run).
 */
export function applyStepsChange(run: RunSnapshot | undefined, change: RunStepsChange): RunSnapshot | undefined {
  if (!run || run.runId !== change.runId || run.revision !== change.from) return undefined;
  if (change.current >= run.steps.length) return undefined;
  const steps = run.steps.slice();
  for (const { index, step, evidenceFrom, evidence } of change.steps) {
    const held = run.steps[index];
    if (held?.id !== step.id || held.evidence.length < evidenceFrom) return undefined;
    steps[index] = { ...step, evidence: evidenceFrom === held.evidence.length && evidence.length === 0 ? held.evidence : [...held.evidence.slice(0, evidenceFrom), ...evidence] };
  }
  return { ...run, steps, current: change.current, revision: change.revision };
}

