/**
 * Executes one playbook run: step by step, each through the executor its data names. Every change becomes a
 * journal record (append-only JSON lines in the data folder) and goes through the same pure reducer the
 * replay uses (src-shared/playbook/journal.ts), then out as a `playbook.run` snapshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Prompt, RunSnapshot, RunStepsChange, StepHint, TranscriptLine } from '../../../src-shared/capabilities/playbook/contract';
import { stepsChange } from '../../../src-shared/capabilities/playbook/updates';
import type { PlaybookDef, StepDef } from '../../../src-shared/capabilities/playbook/model';
import { applyRecord, startRecord, type JournalRecord } from '../../../src-shared/capabilities/playbook/journal';
import { RbFault, fault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import { said, wordsMsg, wordsText, type Words } from '../../../src-shared/i18n/said';
import { faultWords } from '../../../src-shared/i18n/errors';

export interface Answer {
  choice: string;
  input?: string;
}

export interface StepContext {
  runId: string;
  /** The playbook being run (its step words' catalogue ids start with it). Optional for contexts made by hand. */
  playbookId?: string;
  step: StepDef;
  /** 1 for the first attempt at this step in this run. */
  attempt: number;
  options: RunSnapshot['options'];
  signal: AbortSignal;
  /** Run-scoped state shared between steps (sessions, flags); not journaled. */
  bag: Map<string, unknown>;
  /** Finished English, or `said(id, values)` so the screen and the CLI can say it in the person's language (decision 0130). */
  evidence(text: Words, at?: number): void;
  setDoNow(text: Words): void;
  setHint(hint?: StepHint): void;
  ask(p: PromptIn): Promise<Answer>;
  /** A line sent, received, or our own note; a note may be `said(id, values)` so the screen says it in its language (decision 0188). */
  transcript(dir: TranscriptLine['dir'], text: Words): void;
  /** How far a long step is (bytes copied of the total): not journaled, the step's evidence keeps the result. Optional for contexts made by hand. */
  progress?(done: number, total: number): void;
  now(): number;
}

export type StepOutcome = { ok: true; skipped?: boolean; summary?: Words } | { ok: false; error: RbErrorShape };

/** A question as a step asks it: every text either finished English or a said message (decision 0130). */
export interface PromptIn {
  text: Words;
  detail?: Words;
  choices: { id: string; label: Words; detail?: Words; primary?: boolean; destructive?: boolean }[];
  input?: { label: Words; secret: boolean; minLength: number };
}

/** The wire form of a question: the English as before, each said text's id and values beside it. */
export function promptOf(p: PromptIn): Omit<Prompt, 'id' | 'stepId'> {
  const out: Omit<Prompt, 'id' | 'stepId'> = {
    text: wordsText(p.text),
    choices: p.choices.map((c) => {
      const { detail, ...rest } = c;
      const labelMsg = wordsMsg(c.label);
      const detailMsg = detail === undefined ? undefined : wordsMsg(detail);
      return { ...rest, label: wordsText(c.label), ...(labelMsg ? { labelMsg } : {}), ...(detail !== undefined ? { detail: wordsText(detail) } : {}), ...(detailMsg ? { detailMsg } : {}) };
    }),
  };
  const msg = wordsMsg(p.text);
  if (msg) out.msg = msg;
  if (p.detail !== undefined) {
    out.detail = wordsText(p.detail);
    const detailMsg = wordsMsg(p.detail);
    if (detailMsg) out.detailMsg = detailMsg;
  }
  if (p.input) {
    const labelMsg = wordsMsg(p.input.label);
    out.input = { ...p.input, label: wordsText(p.input.label), ...(labelMsg ? { labelMsg } : {}) };
  }
  return out;
}

/** A journal record's words: the English, and the said message beside it when there is one. */
function wordsRecord(w: Words): { text: string; msg?: NonNullable<Prompt['msg']> } {
  const msg = wordsMsg(w);
  return msg ? { text: wordsText(w), msg } : { text: wordsText(w) };
}
export type StepExecutor = (ctx: StepContext) => Promise<StepOutcome>;

export interface RunnerHooks {
  /**
   * The whole run, on every change. `covered`: only steps changed and `change` (below) was just told the same,
   * so a transport to a screen need not send the whole run (decision 0175).
   */
  snapshot(s: RunSnapshot, covered: boolean): void;
  /** Optional: only steps changed, these (sent before `snapshot`; decision 0175). */
  change?(c: RunStepsChange): void;
  transcript(l: TranscriptLine): void;
  /** A long step's progress (the bench station's bars); optional: the single-run screens take progress from their own events. */
  progress?(p: StepProgress): void;
}

export interface StepProgress {
  runId: string;
  stepId: string;
  done: number;
  total: number;
  at: number;
}

export class StoppedError extends Error {
  constructor() {
    super('stopped');
  }
}

export function newRunId(now: number): string {
  const d = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${d}-${crypto.randomBytes(3).toString('hex')}`;
}

export class PlaybookRun {
  snap: RunSnapshot | undefined;
  readonly transcriptLines: TranscriptLine[] = [];
  private readonly abort = new AbortController();
  private pending: { prompt: Prompt; resolve(a: Answer): void; reject(e: unknown): void } | undefined;
  private promptSeq = 0;
  readonly bag = new Map<string, unknown>();
  private finished: Promise<void> | undefined;
  private fd: number;
  /** While set, the run waits before its next step (the bench station's slot lost its cable; decision 0113). */
  private gate: { promise: Promise<void>; open(): void } | undefined;

  constructor(
    readonly runId: string,
    readonly playbook: PlaybookDef,
    readonly journalFile: string,
    private readonly executors: Record<string, StepExecutor>,
    private readonly hooks: RunnerHooks,
    private readonly now: () => number = Date.now,
  ) {
    fs.mkdirSync(path.dirname(journalFile), { recursive: true });
    this.fd = fs.openSync(journalFile, 'a');
  }

  /** Load an existing journal into this run (for resume). */
  load(records: JournalRecord[]): void {
    for (const r of records) {
      this.apply(r);
      if (r.type === 'transcript') this.transcriptLines.push({ runId: this.runId, stepId: r.stepId, at: r.at, dir: r.dir, text: r.text, ...(r.msg ? { msg: r.msg } : {}) });
    }
  }

  private record(r: JournalRecord): void {
    try {
      fs.writeSync(this.fd, `${JSON.stringify(r)}\n`);
    } catch {
      // a full disk must not stop a rescue in progress; the live timeline still works
    }
    this.apply(r);
    if (r.type === 'hint' && r.hint?.kind === 'cue') this.emitNow();
    else if (r.type !== 'transcript') this.scheduleEmit();
  }

  /** applyRecord gives every change the next revision (decision 0175). */
  private apply(r: JournalRecord): void {
    this.snap = applyRecord(this.snap, r);
  }

  /**
   * One snapshot per burst of records: a datagram that ends the watch step produces five records in the same
   * turn of the event loop (evidence, done, active, hint…); the screen gets them as one update, at once.
   */
  private emitScheduled = false;
  private lastEmitted: RunSnapshot | undefined;
  private scheduleEmit(): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    setImmediate(() => {
      this.emitScheduled = false;
      this.emitNow();
    });
  }
  /** The cue cannot wait for the end of the burst: it goes out at once (the user has about two seconds). */
  private emitNow(): void {
    if (!this.snap || this.snap === this.lastEmitted) return;
    const prev = this.lastEmitted;
    this.lastEmitted = this.snap;
    const change = this.hooks.change && prev ? stepsChange(prev, this.snap) : undefined;
    if (change) this.hooks.change!(change);
    this.hooks.snapshot(this.snap, change !== undefined);
  }

  start(options: RunSnapshot['options']): void {
    this.record(startRecord(this.runId, this.playbook, options, this.now()));
    this.finished = this.loop(0);
  }

  resume(): void {
    const snap = this.snap;
    if (!snap) throw new Error('nothing to resume');
    const active = snap.steps.findIndex((s) => s.state === 'active' || s.state === 'failed');
    const at = active >= 0 ? active : snap.steps.findIndex((s) => s.state === 'pending');
    const def = this.playbook.steps[Math.max(0, at)]!;
    const target = def.resumeAt ?? def.id;
    const idx = this.playbook.steps.findIndex((s) => s.id === target);
    this.record({ type: 'resume', at: this.now(), stepId: target });
    for (let i = idx + 1; i < this.playbook.steps.length; i++) {
      const st = this.snap!.steps[i]!;
      if (st.state !== 'pending') this.record({ type: 'step', at: this.now(), stepId: st.id, state: 'pending' });
    }
    this.finished = this.loop(idx);
  }

  get done(): Promise<void> {
    return this.finished ?? Promise.resolve();
  }

  get running(): boolean {
    return this.snap?.state === 'running';
  }

  respond(promptId: string, a: Answer): void {
    const p = this.pending;
    if (!p || p.prompt.id !== promptId) {
      throw fault('NO_SUCH_QUESTION');
    }
    if (!p.prompt.choices.some((c) => c.id === a.choice)) {
      throw fault('BAD_CHOICE');
    }
    this.pending = undefined;
    this.record({ type: 'answer', at: this.now(), promptId, choice: a.choice });
    p.resolve(a);
  }

  /** Evidence on the active step from outside the step (the station: a cable lost, a router moved). */
  note(text: Words): void {
    if (!this.running) return;
    const active = this.snap?.steps.find((s) => s.state === 'active') ?? this.snap?.steps[this.snap.current];
    if (active) this.record({ type: 'evidence', at: this.now(), stepId: active.id, ...wordsRecord(text) });
  }

  /** Hold the run before its next step (the step going on now finishes or fails on its own); journaled as evidence. */
  pause(text: Words): void {
    if (!this.running || this.gate) return;
    let open = (): void => undefined;
    const promise = new Promise<void>((r) => (open = r));
    this.gate = { promise, open };
    this.note(text);
  }

  /** Let a held run go on. */
  unpause(text: Words): void {
    const g = this.gate;
    if (!g) return;
    this.gate = undefined;
    this.note(text);
    g.open();
  }

  get paused(): boolean {
    return this.gate !== undefined;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.abort.abort();
    const g = this.gate;
    this.gate = undefined;
    g?.open();
    this.pending?.reject(new StoppedError());
    this.pending = undefined;
    await this.done;
  }

  private ask(stepId: string, p: PromptIn): Promise<Answer> {
    if (this.abort.signal.aborted) return Promise.reject(new StoppedError());
    const prompt: Prompt = { ...promptOf(p), id: `q${++this.promptSeq}-${crypto.randomBytes(2).toString('hex')}`, stepId };
    return new Promise<Answer>((resolve, reject) => {
      this.pending = { prompt, resolve, reject };
      this.record({ type: 'prompt', at: this.now(), prompt });
    });
  }

  private ctxFor(def: StepDef, attempt: number): StepContext {
    return {
      runId: this.runId,
      playbookId: this.playbook.id,
      step: def,
      attempt,
      options: this.snap!.options,
      signal: this.abort.signal,
      bag: this.bag,
      evidence: (text, at) => this.record({ type: 'evidence', at: at ?? this.now(), stepId: def.id, ...wordsRecord(text) }),
      setDoNow: (text) => this.record({ type: 'doNow', at: this.now(), stepId: def.id, ...wordsRecord(text) }),
      setHint: (hint) => this.record(hint ? { type: 'hint', at: this.now(), stepId: def.id, hint } : { type: 'hint', at: this.now(), stepId: def.id }),
      ask: (p) => this.ask(def.id, p),
      transcript: (dir, text) => {
        const at = this.now();
        const words = wordsRecord(text);
        this.record({ type: 'transcript', at, stepId: def.id, dir, ...words });
        const line: TranscriptLine = { runId: this.runId, stepId: def.id, at, dir, ...words };
        this.transcriptLines.push(line);
        if (this.transcriptLines.length > 5000) this.transcriptLines.splice(0, 1000);
        this.hooks.transcript(line);
      },
      progress: (done, total) => this.hooks.progress?.({ runId: this.runId, stepId: def.id, done, total, at: this.now() }),
      now: this.now,
    };
  }

  private end(state: 'done' | 'failed' | 'stopped', summary?: Words): void {
    const msg = summary === undefined ? undefined : wordsMsg(summary);
    this.record(summary === undefined ? { type: 'end', at: this.now(), state } : { type: 'end', at: this.now(), state, summary: wordsText(summary), ...(msg ? { summaryMsg: msg } : {}) });
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
    const closers = [...this.bag.values()].filter((v): v is { close(): unknown } => !!v && typeof (v as { close?: unknown }).close === 'function');
    for (const c of closers) {
      try {
        void c.close();
      } catch {
        /* closing is best effort */
      }
    }
  }

  private async loop(startAt: number): Promise<void> {
    const steps = this.playbook.steps;
    let i = startAt;
    try {
      while (i < steps.length) {
        const def = steps[i]!;
        const unmet = def.preconditions.filter((p) => this.snap!.steps.find((s) => s.id === p)?.state !== 'done' && this.snap!.steps.find((s) => s.id === p)?.state !== 'skipped');
        if (unmet.length) {
          this.record({ type: 'step', at: this.now(), stepId: def.id, state: 'failed', error: fault('PRECONDITION', { steps: unmet.join('", "') }).toShape() });
          this.end('failed', said('playbook.said.preconditionFault'));
          return;
        }
        if (this.gate) {
          await this.gate.promise;
          if (this.abort.signal.aborted) throw new StoppedError();
        }
        this.record({ type: 'step', at: this.now(), stepId: def.id, state: 'active' });
        const attempt = this.snap!.steps[i]!.attempts;
        const executor = this.executors[def.run];
        let outcome: StepOutcome;
        try {
          if (!executor) throw fault('NO_EXECUTOR', { title: def.title }, { details: `executor ${def.run}` });
          outcome = await executor(this.ctxFor(def, attempt));
        } catch (err) {
          if (err instanceof StoppedError || this.abort.signal.aborted) throw new StoppedError();
          outcome = { ok: false, error: toErrorShape(err) };
        }
        if (this.abort.signal.aborted) throw new StoppedError();
        if (outcome.ok) {
          if (outcome.summary && wordsText(outcome.summary)) this.record({ type: 'evidence', at: this.now(), stepId: def.id, ...wordsRecord(outcome.summary) });
          this.record({ type: 'step', at: this.now(), stepId: def.id, state: outcome.skipped ? 'skipped' : 'done' });
          i++;
          continue;
        }
        this.record({ type: 'step', at: this.now(), stepId: def.id, state: 'failed', error: outcome.error });
        const advice = [outcome.error.message, outcome.error.fix].filter(Boolean).join(' ');
        const of = def.onFailure;
        if (of.kind === 'abort' || (of.kind === 'retry' && attempt >= of.max)) {
          this.end('failed', advice || def.failure);
          return;
        }
        const a = await this.ask(def.id, {
          // the fault's own words from its catalogue entry where they are its English (decision 0180), else as they came
          text: faultWords(outcome.error),
          ...(outcome.error.fix ? { detail: faultWords(outcome.error, 'fix') } : {}),
          choices: [
            { id: 'again', label: of.label, primary: true },
            { id: 'stop', label: said('playbook.said.stopHere') },
          ],
        });
        if (a.choice === 'stop') {
          this.end('stopped', advice || def.failure);
          return;
        }
        if (of.kind === 'branch') {
          const to = steps.findIndex((s) => s.id === of.to);
          for (let k = to; k < steps.length; k++) {
            if (this.snap!.steps[k]!.state !== 'pending') this.record({ type: 'step', at: this.now(), stepId: steps[k]!.id, state: 'pending' });
          }
          i = to;
        }
      }
      this.end('done', this.playbook.steps[this.playbook.steps.length - 1]!.success);
    } catch (err) {
      const active = this.snap?.steps.find((s) => s.state === 'active');
      if (active) this.record({ type: 'step', at: this.now(), stepId: active.id, state: 'skipped' });
      if (err instanceof StoppedError) this.end('stopped', said('playbook.said.youStopped'));
      else this.end('failed', toErrorShape(err).message);
    }
  }
}
