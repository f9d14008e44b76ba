/**
 * The journal of a playbook run is append-only JSON lines. Every change to a run's timeline is one record;
 * the live runner and the replay of a journal after a crash both go through `applyRecord`, so what the user
 * saw and what the journal explains afterwards cannot drift apart. Secrets (typed passwords) never become
 * records: prompts record only the chosen answer.
 */
import type { Evidence, Prompt, RunSnapshot, StepHint, StepStatus } from './contract';
import type { RbErrorShape } from '../../errors';
import type { SaidMessage } from '../../contract/common';
import type { PlaybookDef, StepKind } from './model';

export type JournalRecord =
  | { type: 'start'; at: number; runId: string; playbookId: string; title: string; steps: { id: string; kind: StepKind; title: string; doNow: string; explain: string }[]; options: RunSnapshot['options'] }
  | { type: 'step'; at: number; stepId: string; state: StepStatus['state']; error?: RbErrorShape }
  | { type: 'evidence'; at: number; stepId: string; text: string; msg?: SaidMessage }
  | { type: 'doNow'; at: number; stepId: string; text: string; msg?: SaidMessage }
  | { type: 'hint'; at: number; stepId: string; hint?: StepHint }
  | { type: 'prompt'; at: number; prompt: Prompt }
  | { type: 'answer'; at: number; promptId: string; choice: string }
  | { type: 'transcript'; at: number; stepId: string; dir: 'sent' | 'received' | 'note'; text: string; msg?: SaidMessage }
  | { type: 'resume'; at: number; stepId: string }
  | { type: 'end'; at: number; state: 'done' | 'failed' | 'stopped'; summary?: string; summaryMsg?: SaidMessage };

export function startRecord(runId: string, p: PlaybookDef, options: RunSnapshot['options'], at: number): JournalRecord {
  return {
    type: 'start',
    at,
    runId,
    playbookId: p.id,
    title: p.title,
    steps: p.steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title, doNow: s.doNow, explain: s.explain })),
    options,
  };
}

function withStep(snap: RunSnapshot, stepId: string, f: (s: StepStatus) => StepStatus): RunSnapshot {
  const i = snap.steps.findIndex((s) => s.id === stepId);
  if (i < 0) return snap;
  const steps = snap.steps.slice();
  steps[i] = f(steps[i]!);
  return { ...snap, steps };
}

/**
 * Apply one record to a snapshot (pure). Unknown or out-of-order records leave the snapshot unchanged. Every
 * record that changes it gives it the next revision (decision 0175): the live run and its journal read back
 * agree on it, and a screen applies a playbook.step onto the revision it was made from only.
 */
export function applyRecord(snap: RunSnapshot | undefined, r: JournalRecord): RunSnapshot | undefined {
  const next = changeBy(snap, r);
  return next && next !== snap ? { ...next, revision: (snap?.revision ?? 0) + 1 } : next;
}

function changeBy(snap: RunSnapshot | undefined, r: JournalRecord): RunSnapshot | undefined {
  if (r.type === 'start') {
    return {
      runId: r.runId,
      playbookId: r.playbookId,
      title: r.title,
      state: 'running',
      startedAt: r.at,
      current: 0,
      steps: r.steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title, doNow: s.doNow, explain: s.explain, state: 'pending', attempts: 0, evidence: [] })),
      options: r.options,
    };
  }
  if (!snap) return snap;
  switch (r.type) {
    case 'step': {
      const idx = snap.steps.findIndex((s) => s.id === r.stepId);
      if (idx < 0) return snap;
      const next = withStep(snap, r.stepId, (s) => {
        const out: StepStatus = { ...s, state: r.state };
        if (r.state === 'active') {
          out.startedAt = r.at;
          delete out.endedAt;
          delete out.error;
          out.attempts = s.attempts + 1;
        } else if (r.state === 'pending') {
          delete out.endedAt;
          delete out.hint;
        } else {
          out.endedAt = r.at;
          // a failed step keeps its LED picture (what a missed attempt looks like); a cue never outlives its step
          if (r.state !== 'failed' || out.hint?.kind !== 'led') delete out.hint;
          if (r.error) out.error = r.error;
        }
        return out;
      });
      return r.state === 'active' ? { ...next, current: idx } : next;
    }
    case 'evidence':
      return withStep(snap, r.stepId, (s) => ({ ...s, evidence: [...s.evidence, (r.msg ? { at: r.at, text: r.text, msg: r.msg } : { at: r.at, text: r.text }) satisfies Evidence] }));
    case 'doNow':
      return withStep(snap, r.stepId, (s) => {
        const out: StepStatus = { ...s, doNow: r.text };
        if (r.msg) out.doNowMsg = r.msg;
        else delete out.doNowMsg;
        return out;
      });
    case 'hint':
      return withStep(snap, r.stepId, (s) => {
        const out = { ...s };
        if (r.hint) out.hint = r.hint;
        else delete out.hint;
        return out;
      });
    case 'prompt':
      return { ...snap, prompt: r.prompt };
    case 'answer': {
      if (snap.prompt?.id !== r.promptId) return snap;
      const { prompt: _p, ...rest } = snap;
      return rest;
    }
    case 'transcript':
      return snap;
    case 'resume': {
      const { prompt: _p, ...rest } = snap;
      const idx = snap.steps.findIndex((s) => s.id === r.stepId);
      const steps = snap.steps.map((s, i) => (i >= idx && (s.state === 'active' || s.state === 'failed') ? { ...s, state: 'pending' as const } : s));
      return { ...rest, state: 'running', current: Math.max(0, idx), steps };
    }
    case 'end': {
      const { prompt: _p, ...rest } = snap;
      const out: RunSnapshot = { ...rest, state: r.state, endedAt: r.at };
      if (r.summary !== undefined) out.summary = r.summary;
      if (r.summaryMsg !== undefined) out.summaryMsg = r.summaryMsg;
      return out;
    }
  }
}

/** Parse journal text (JSON lines). A torn last line (crash mid-write) is ignored, not fatal. */
export function parseJournal(text: string): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' && typeof (v as { at?: unknown }).at === 'number') out.push(v as JournalRecord);
    } catch {
      // a line cut short by a crash: everything before it still counts
    }
  }
  return out;
}

export function replayJournal(records: JournalRecord[]): RunSnapshot | undefined {
  let snap: RunSnapshot | undefined;
  for (const r of records) snap = applyRecord(snap, r);
  return snap;
}

/** Local wall-clock time, "14:02:11", or with milliseconds for evidence, "14:02:11.204". */
export function clock(at: number, ms = false): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${ms ? `.${p(d.getMilliseconds(), 3)}` : ''}`;
}

/** "You were at step 4 of 7 (Press the button) …" for a run whose journal has no end record. */
export function explainInterrupted(snap: RunSnapshot, lastAt: number): string {
  const total = snap.steps.length;
  const active = snap.steps.findIndex((s) => s.state === 'active');
  const idx = active >= 0 ? active : snap.current;
  const step = snap.steps[idx];
  const done = snap.steps.filter((s) => s.state === 'done').length;
  const where = step ? `You were at step ${idx + 1} of ${total} (${step.title}).` : `The run had ${total} steps.`;
  return `${where} ${done} step${done === 1 ? ' was' : 's were'} done. Rescue Bench stopped at ${clock(lastAt)} before "${snap.title}" finished — the window was closed or the program ended.`;
}
