import { z } from 'zod';
import { command, event, Empty, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

/**
 * The recovery-timeline engine's wire shapes. A playbook (src-shared/playbook/) is data; the runner
 * (src-main/services/playbook/) executes it and reports a whole-run snapshot on every change, so a UI that
 * (re)connects needs one read, and the journal in the data folder can be replayed into the same snapshot.
 */
export const StepKindSchema = z.enum(['instruction', 'wait-event', 'action', 'decision', 'verify']);
export const StepStateSchema = z.enum(['pending', 'active', 'done', 'failed', 'skipped']);
export const RunStateSchema = z.enum(['running', 'done', 'failed', 'stopped', 'interrupted']);

export const EvidenceSchema = z.object({
  at: z.number(),
  text: z.string().max(4000),
  /** The same words as catalogue id + values, when they are ours (decision 0130); a router's own words have none. */
  msg: SaidMessageSchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A question the runner is waiting on. `input` asks for text (e.g. a new password: never journaled). */
export const PromptSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  text: z.string().max(2000),
  detail: z.string().max(4000).optional(),
  choices: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      detail: z.string().max(1000).optional(),
      primary: z.boolean().optional(),
      destructive: z.boolean().optional(),
      labelMsg: SaidMessageSchema.optional(),
      /** The detail's id + values (decision 0188: a failsafe fix's explanation). */
      detailMsg: SaidMessageSchema.optional(),
    }),
  ),
  input: z.object({ label: z.string(), secret: z.boolean(), minLength: z.number().int().nonnegative(), labelMsg: SaidMessageSchema.optional() }).optional(),
  /** `text` and `detail` as catalogue id + values (decision 0130); the English above stays for the journal. */
  msg: SaidMessageSchema.optional(),
  detailMsg: SaidMessageSchema.optional(),
});
export type Prompt = z.infer<typeof PromptSchema>;

/** What a step wants shown beyond words: the full-window cue, or the LED guide. */
export const StepHintSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cue'), shownAt: z.number(), deadline: z.number(), windowMs: z.number(), source: z.enum(['network', 'serial']) }),
  z.object({ kind: z.literal('led'), pattern: z.enum(['preinit', 'regular', 'failsafe', 'off']) }),
]);
export type StepHint = z.infer<typeof StepHintSchema>;

export const StepStatusSchema = z.object({
  id: z.string(),
  kind: StepKindSchema,
  title: z.string(),
  state: StepStateSchema,
  /** The one thing the user must do now, in large plain words. */
  doNow: z.string(),
  /** `doNow` as catalogue id + values when the step replaced it while running (decision 0130). */
  doNowMsg: SaidMessageSchema.optional(),
  explain: z.string(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  attempts: z.number().int().nonnegative(),
  evidence: z.array(EvidenceSchema),
  error: RbErrorSchema.optional(),
  hint: StepHintSchema.optional(),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const RunSnapshotSchema = z.object({
  runId: z.string(),
  playbookId: z.string(),
  title: z.string(),
  state: RunStateSchema,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  /** Index of the active (or last) step. */
  current: z.number().int().nonnegative(),
  steps: z.array(StepStatusSchema),
  prompt: PromptSchema.optional(),
  /** Final words: success text, or the advice after a failure. */
  summary: z.string().optional(),
  summaryMsg: SaidMessageSchema.optional(),
  options: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])),
  /**
   * How far the run has come: the number of its journal records that changed it (decision 0175), the same for the
   * live run and its journal read back. A playbook.step applies onto the run of revision `from` only.
   */
  revision: z.number().int().nonnegative().optional(),
});
export type RunSnapshot = z.infer<typeof RunSnapshotSchema>;

/**
 * A change of a live run's steps and nothing else (decision 0175): each changed step by place, without its
 * evidence, and its evidence from place `evidenceFrom` on (evidence only grows: usually one new line), and the
 * active step's place. It turns the run of revision `from` into the run of revision `revision`; a screen that
 * holds another revision (or another run) reads the whole run again (playbook.status) instead.
 */
export const RunStepsChangeSchema = z.object({
  runId: z.string(),
  from: z.number().int().nonnegative(),
  revision: z.number().int().nonnegative(),
  current: z.number().int().nonnegative(),
  steps: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      step: StepStatusSchema.omit({ evidence: true }),
      evidenceFrom: z.number().int().nonnegative(),
      evidence: z.array(EvidenceSchema),
    }),
  ),
});
export type RunStepsChange = z.infer<typeof RunStepsChangeSchema>;

export const TranscriptLineSchema = z.object({
  runId: z.string(),
  stepId: z.string(),
  at: z.number(),
  dir: z.enum(['sent', 'received', 'note']),
  text: z.string().max(20000),
  /** A note's words as catalogue id + values when they are ours (decision 0188); the router's lines have none. */
  msg: SaidMessageSchema.optional(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

export const PlaybookInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  steps: z.array(z.object({ id: z.string(), kind: StepKindSchema, title: z.string() })),
});

/** A run found in the journal folder that never finished: what we can say about it. */
export const InterruptedRunSchema = z.object({
  runId: z.string(),
  title: z.string(),
  explanation: z.string(),
  snapshot: RunSnapshotSchema,
  resumable: z.boolean(),
});
export type InterruptedRun = z.infer<typeof InterruptedRunSchema>;

export const RunOptionsSchema = z.object({
  /** Address the router uses in rescue mode (OpenWrt default 192.168.1.1). */
  routerAddress: z.string().default('192.168.1.1'),
  /** Local address to listen for broadcasts on (0.0.0.0 = all). */
  bind: z.string().default('0.0.0.0'),
  port: z.number().int().min(1).max(65535).default(4919),
  /** Serial port to watch for the preinit console prompt (optional). */
  serialPath: z.string().max(512).optional(),
  serialBaud: z.number().int().positive().default(115200),
  /** Send `f` + Enter automatically when the serial prompt arrives. */
  autoSendF: z.boolean().default(true),
  /** How long to wait for the first broadcast after "switch it on" (seconds). */
  watchTimeoutS: z.number().positive().max(600).default(120),
  /** Preinit's wait window (TARGET_PREINIT_TIMEOUT, default 2 s). */
  windowS: z.number().positive().max(30).default(2),
  /** How long to look for a failsafe login after the window (seconds). */
  loginProbeS: z.number().positive().max(120).default(25),
  sshPort: z.number().int().min(1).max(65535).default(22),
  telnetPort: z.number().int().min(1).max(65535).default(23),
  /** firstboot can hang (a known bug): after this many seconds the overlay files are deleted instead. */
  firstbootTimeoutS: z.number().positive().max(600).default(45),
  /** Router model id from the device profiles, for LED/button notes. */
  deviceId: z.string().max(128).optional(),
  /** A run against the practice router: its journal is kept apart from the real history, and every screen says PRACTICE. */
  practice: z.boolean().optional(),
  /**
   * A router on one card of several (a bench station slot, or `--interface`; issue 17): the card, and this
   * computer's own address on it (its per-card route is set up by the net capability before the run). The run's
   * connections go out from that address, its listening is on that card only.
   */
  interface: z.string().max(64).optional(),
  sourceAddress: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'an address like 192.168.1.60').optional(),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

export const playbookCommands = {
  'playbook.list': command('The playbooks this workstation can run', Empty, z.object({ playbooks: z.array(PlaybookInfoSchema) })),
  'playbook.start': command(
    'Start a playbook run (one at a time); returns its first snapshot',
    z.object({ playbookId: z.string().max(64), options: RunOptionsSchema.partial().default({}) }),
    RunSnapshotSchema,
  ),
  'playbook.respond': command(
    'Answer the question the run is waiting on (a choice, and text where asked)',
    z.object({ runId: z.string().max(64), promptId: z.string().max(64), choice: z.string().max(64), input: z.string().max(256).optional() }),
    RunSnapshotSchema,
  ),
  'playbook.stop': command('Stop the current run', Empty, z.object({ run: RunSnapshotSchema.optional() })),
  'playbook.status': command(
    'The current or last run, its transcript, and any run that was interrupted (for a UI that (re)connects)',
    Empty,
    z.object({ run: RunSnapshotSchema.optional(), transcript: z.array(TranscriptLineSchema), interrupted: InterruptedRunSchema.optional() }),
  ),
  'playbook.resume': command(
    'Continue an interrupted run from the last safe step',
    z.object({ runId: z.string().max(64) }),
    RunSnapshotSchema,
  ),
  'playbook.dismiss': command('Forget an interrupted run (it stays in the journal folder)', z.object({ runId: z.string().max(64) }), z.object({ ok: z.literal(true) })),
};
export const playbookEvents = {
  'playbook.run': event(
    'A playbook run changed: the whole timeline (to screens at its start and end and when more than its steps changed; to listeners in the workstation on every change)',
    RunSnapshotSchema,
  ),
  'playbook.step': event('Only steps of the live run changed: those steps, onto the run of revision `from` (a screen holding another reads playbook.status)', RunStepsChangeSchema),
  'playbook.transcript': event('One line sent to or received from the router during a run', TranscriptLineSchema),
};
