/**
 * A playbook is data: an ordered list of steps, each with a kind, plain-language texts, preconditions, what
 * success and failure look like and what to do on failure. The runner (src-main/services/playbook) executes
 * a step by calling the executor named in `run`; it knows nothing about failsafe or any other flow.
 */
import type { Words } from '../../i18n/said';

export type StepKind = 'instruction' | 'wait-event' | 'action' | 'decision' | 'verify';

export type OnFailure =
  /** Offer "try again" on the same step (the user decides; at most `max` attempts). The button's words are
   *  `said('playbook.again.…')` so the screen and the CLI say them in the person's language (decision 0151). */
  | { kind: 'retry'; max: number; label: Words }
  /** Offer to go back to an earlier step (e.g. "watch again" after a missed attempt). */
  | { kind: 'branch'; to: string; label: Words }
  /** End the run; the failure's advice is the last word. */
  | { kind: 'abort' };

export interface StepDef {
  id: string;
  kind: StepKind;
  /** Short name on the timeline. */
  title: string;
  /** The one thing to do now, in large plain words (may be replaced while the step runs). */
  doNow: string;
  /** Why, in one or two sentences; jargon explained. */
  explain: string;
  /** Steps that must be done before this one may start. */
  preconditions: string[];
  /** What success looks like (shown once the step is done). */
  success: string;
  /** What failure looks like, and the generic advice when the executor gives none. */
  failure: string;
  onFailure: OnFailure;
  /** Executor name the runner looks up. */
  run: string;
  /** If a run is interrupted while this step is active, continue from this step (default: the step itself). */
  resumeAt?: string;
  /** The user may skip this step. */
  skippable?: boolean;
}

export interface PlaybookDef {
  id: string;
  title: string;
  summary: string;
  steps: StepDef[];
}

/** Check a playbook's internal consistency: unique ids, known branch targets, preconditions that come earlier. */
export function validatePlaybook(p: PlaybookDef): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const ids = new Set(p.steps.map((s) => s.id));
  for (const s of p.steps) {
    if (seen.has(s.id)) problems.push(`duplicate step id ${s.id}`);
    for (const pre of s.preconditions) if (!seen.has(pre)) problems.push(`${s.id}: precondition ${pre} is not an earlier step`);
    seen.add(s.id);
    if (s.onFailure.kind === 'branch' && !ids.has(s.onFailure.to)) problems.push(`${s.id}: branch target ${s.onFailure.to} unknown`);
    if (s.resumeAt && !ids.has(s.resumeAt)) problems.push(`${s.id}: resumeAt ${s.resumeAt} unknown`);
    if (!s.doNow.trim() || !s.title.trim()) problems.push(`${s.id}: empty text`);
  }
  if (p.steps.length === 0) problems.push('no steps');
  return problems;
}
