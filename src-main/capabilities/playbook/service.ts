/**
 * One playbook run at a time per workstation for the app's guides; besides it, any number of runs for the bench
 * station's slots (startFor: one per slot, each with its own journal and hooks; decision 0113). Journals live in <data dir>/journals/<runId>.jsonl. On the first
 * status read after a start-up, the newest journal without an end record is reported as an interrupted run,
 * with "you were at step N of M" and, where the playbook allows it, a resume from the last safe step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InterruptedRun, RunOptions, RunSnapshot, TranscriptLine } from '../../../src-shared/capabilities/playbook/contract';
import type { PlaybookDef } from '../../../src-shared/capabilities/playbook/model';
import { explainInterrupted, parseJournal, replayJournal, type JournalRecord } from '../../../src-shared/capabilities/playbook/journal';
import { RbFault, fault } from '../../../src-shared/errors';
import { newRunId, PlaybookRun, type RunnerHooks, type StepExecutor } from './runner';

export interface RegisteredPlaybook {
  def: PlaybookDef;
  executors: Record<string, StepExecutor>;
}

export class PlaybookService {
  private run: PlaybookRun | undefined;
  /** The bench station's runs, by slot id: each slot has at most one, and they never block the single run above. */
  private readonly slotRuns = new Map<string, PlaybookRun>();
  private interrupted: InterruptedRun | undefined;
  private scanned = false;
  private readonly dismissed = new Set<string>();

  constructor(
    private readonly dataDir: string,
    private readonly playbooks: Record<string, RegisteredPlaybook>,
    private readonly hooks: RunnerHooks,
    private readonly now: () => number = Date.now,
  ) {}

  get journalDir(): string {
    return path.join(this.dataDir, 'journals');
  }

  list() {
    return Object.values(this.playbooks).map(({ def }) => ({ id: def.id, title: def.title, summary: def.summary, steps: def.steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title })) }));
  }

  private find(id: string): RegisteredPlaybook {
    const p = this.playbooks[id];
    if (!p) throw fault('NO_SUCH_PLAYBOOK', { id });
    return p;
  }

  private busy(): void {
    if (this.run?.running) {
      throw fault('RUN_IN_PROGRESS', { title: this.run.playbook.title });
    }
  }

  start(playbookId: string, options: RunOptions): RunSnapshot {
    this.busy();
    const p = this.find(playbookId);
    const runId = newRunId(this.now());
    // a practice run (the practice router) keeps its journal apart: never in the real history (decision 0091)
    const dir = options.practice === true ? path.join(this.dataDir, 'practice', 'journals') : this.journalDir;
    this.run = new PlaybookRun(runId, p.def, path.join(dir, `${runId}.jsonl`), p.executors, this.hooks, this.now);
    const opts: RunSnapshot['options'] = {};
    for (const [k, v] of Object.entries(options)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') opts[k] = v;
    this.run.start(opts);
    if (this.interrupted) this.dismissed.add(this.interrupted.runId);
    this.interrupted = undefined;
    return this.run.snap!;
  }

  respond(runId: string, promptId: string, choice: string, input?: string): RunSnapshot {
    const run = this.current(runId);
    run.respond(promptId, input === undefined ? { choice } : { choice, input });
    return run.snap!;
  }

  private current(runId: string): PlaybookRun {
    if (!this.run || this.run.runId !== runId) throw fault('NO_SUCH_RUN', { interrupted: 'no' });
    return this.run;
  }

  async stop(): Promise<RunSnapshot | undefined> {
    await this.run?.stop();
    return this.run?.snap;
  }

  status(): { run?: RunSnapshot; transcript: TranscriptLine[]; interrupted?: InterruptedRun } {
    if (!this.scanned) this.scan();
    const out: { run?: RunSnapshot; transcript: TranscriptLine[]; interrupted?: InterruptedRun } = { transcript: this.run ? this.run.transcriptLines.slice(-1000) : [] };
    if (this.run?.snap) out.run = this.run.snap;
    if (this.interrupted && !this.dismissed.has(this.interrupted.runId)) out.interrupted = this.interrupted;
    return out;
  }

  /** The newest journal that never ended, unless it belongs to the run in this process. */
  scan(): InterruptedRun | undefined {
    this.scanned = true;
    let files: string[] = [];
    try {
      files = fs.readdirSync(this.journalDir).filter((f) => f.endsWith('.jsonl')).sort();
    } catch {
      return undefined;
    }
    const last = files[files.length - 1];
    if (!last) return undefined;
    const runId = last.replace(/\.jsonl$/, '');
    if (this.run?.runId === runId || this.dismissed.has(runId)) return undefined;
    const records = parseJournal(fs.readFileSync(path.join(this.journalDir, last), 'utf8'));
    const snap = replayJournal(records);
    if (!snap || snap.state !== 'running') return undefined;
    const lastAt = records[records.length - 1]!.at;
    const interruptedSnap: RunSnapshot = { ...snap, state: 'interrupted' };
    this.interrupted = { runId, title: snap.title, explanation: explainInterrupted(snap, lastAt), snapshot: interruptedSnap, resumable: !!this.playbooks[snap.playbookId] };
    return this.interrupted;
  }

  resume(runId: string): RunSnapshot {
    this.busy();
    if (!this.scanned) this.scan();
    const it = this.interrupted;
    if (!it || it.runId !== runId) throw fault('NO_SUCH_RUN', { interrupted: 'yes' });
    const p = this.find(it.snapshot.playbookId);
    const file = path.join(this.journalDir, `${runId}.jsonl`);
    const run = new PlaybookRun(runId, p.def, file, p.executors, this.hooks, this.now);
    run.load(parseJournal(fs.readFileSync(file, 'utf8')));
    this.run = run;
    this.interrupted = undefined;
    run.resume();
    return run.snap!;
  }

  dismiss(runId: string): void {
    this.dismissed.add(runId);
    if (this.interrupted?.runId === runId) this.interrupted = undefined;
  }

  /*
   * The public hook for the job records (issue 17, the jobs capability): the real runs' journals, read only.
   * Practice journals (<data>/practice/journals) are never listed (decision 0091).
   */
  /** The run ids of every journal in <data>/journals, oldest first. */
  journalIds(): string[] {
    try {
      return fs
        .readdirSync(this.journalDir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => f.slice(0, -'.jsonl'.length))
        .sort();
    } catch {
      return [];
    }
  }

  /** One real run's journal records (a torn last line ignored), or undefined when there is no such journal. */
  readJournal(runId: string): JournalRecord[] | undefined {
    if (!/^[0-9A-Za-z-]{1,64}$/.test(runId)) return undefined;
    try {
      return parseJournal(fs.readFileSync(path.join(this.journalDir, `${runId}.jsonl`), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Whether `runId` is a run going on in this process now (the single run or a slot's). */
  isLive(runId: string): boolean {
    if (this.run?.runId === runId && this.run.running) return true;
    for (const r of this.slotRuns.values()) if (r.runId === runId && r.running) return true;
    return false;
  }

  /*
   * The bench station's runs (issue 17): one per slot, several at once, each with its own journal in the same
   * folder (so every one becomes a job) and its own hooks (its events carry the slot). The single-run API above
   * neither sees nor blocks them.
   */
  /** Start `playbookId` for slot `slot`; refused while that slot's previous run is still going. */
  startFor(slot: string, playbookId: string, options: RunOptions, hooks: RunnerHooks): PlaybookRun {
    const before = this.slotRuns.get(slot);
    if (before?.running) {
      throw fault('SLOT_BUSY', { where: 'place', title: before.playbook.title });
    }
    const p = this.find(playbookId);
    const runId = newRunId(this.now());
    const dir = options.practice === true ? path.join(this.dataDir, 'practice', 'journals') : this.journalDir;
    const run = new PlaybookRun(runId, p.def, path.join(dir, `${runId}.jsonl`), p.executors, hooks, this.now);
    const opts: RunSnapshot['options'] = {};
    for (const [k, v] of Object.entries(options)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') opts[k] = v;
    this.slotRuns.set(slot, run);
    run.start(opts);
    return run;
  }

  /** The run of a slot (going or ended), if it had one in this process. */
  runFor(slot: string): PlaybookRun | undefined {
    return this.slotRuns.get(slot);
  }

  /** Forget a slot's ended run (the slot was removed); a going run is stopped first. */
  async forget(slot: string): Promise<void> {
    await this.slotRuns.get(slot)?.stop();
    this.slotRuns.delete(slot);
  }

  async dispose(): Promise<void> {
    await Promise.all([this.run?.stop(), ...[...this.slotRuns.values()].map((r) => r.stop())]);
  }

  /** For tests and the CLI: wait until the current run ends. */
  async settled(): Promise<void> {
    await this.run?.done;
  }
}
