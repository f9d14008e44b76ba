import { z } from 'zod';
import { command, event, Empty, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

/**
 * Job records (issue 17): every real playbook run becomes a job — which router, what was done step by step,
 * which images (with SHA-256) and backups (with their manifests), and how it ended. The playbook journal is
 * the source of truth; the job database (SQLite in the data folder, and a shop's PostgreSQL when one is named
 * in the settings) is built from it and can be rebuilt from it (decision 0105). Practice runs never become
 * jobs (decision 0091).
 */
export const JobStateSchema = z.enum(['running', 'done', 'failed', 'stopped', 'interrupted']);
export type JobState = z.infer<typeof JobStateSchema>;

/** Where the router's MAC address came from: U-Boot's `ethaddr`, the Netgear recovery (NMRP), this computer's ARP table, or the router's own words. */
export const MacSourceSchema = z.enum(['uboot', 'nmrp', 'arp', 'router']);

export const RouterIdentitySchema = z.object({
  mac: z.string().max(17).optional(),
  macSource: MacSourceSchema.optional(),
  board: z.string().max(128).optional(),
  model: z.string().max(256).optional(),
  serial: z.string().max(128).optional(),
  address: z.string().max(64).optional(),
});
export type RouterIdentity = z.infer<typeof RouterIdentitySchema>;

export const JobStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(['pending', 'active', 'done', 'failed', 'skipped']),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  attempts: z.number().int().nonnegative(),
  /** The run's evidence; `msg` where the words are ours (decision 0188: the Jobs view and the report say them in their language). */
  evidence: z.array(z.object({ at: z.number(), text: z.string(), msg: SaidMessageSchema.optional() })),
  error: RbErrorSchema.optional(),
});
export type JobStep = z.infer<typeof JobStepSchema>;

export const JobImageSchema = z.object({
  fileName: z.string().max(1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.string().max(64).optional(),
  at: z.number(),
});
export type JobImage = z.infer<typeof JobImageSchema>;

export const BackupFileSchema = z.object({ name: z.string(), bytes: z.number().int().nonnegative().optional(), sha256: z.string().nullable() });

export const JobBackupSchema = z.object({
  kind: z.enum(['full', 'settings']),
  /** The folder (full backup) or file (settings) on the computer that ran the job. */
  location: z.string().max(4096),
  bytes: z.number().int().nonnegative().optional(),
  at: z.number(),
  /** The backup's manifest as it was when the job was recorded (full backups). */
  manifest: z.object({ createdAt: z.string(), complete: z.boolean(), files: z.array(BackupFileSchema) }).optional(),
  /** Why there is no manifest (the folder was moved, or the backup did not finish). */
  manifestNote: z.string().max(1000).optional(),
});
export type JobBackup = z.infer<typeof JobBackupSchema>;

/** What the technician typed about the job: whose router, which ticket, anything else. */
export const JobNoteSchema = z.object({
  customer: z.string().max(256).optional(),
  ticket: z.string().max(128).optional(),
  text: z.string().max(4000).optional(),
});
export type JobNote = z.infer<typeof JobNoteSchema>;

export const JobSchema = z.object({
  id: z.string().max(64),
  /** Which workstation ran it (its name in the shop). */
  station: z.string().max(128),
  playbookId: z.string(),
  title: z.string(),
  state: JobStateSchema,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  router: RouterIdentitySchema,
  note: JobNoteSchema,
  steps: z.array(JobStepSchema),
  images: z.array(JobImageSchema),
  backups: z.array(JobBackupSchema),
  /** The run's last words: what was done, or the advice after a failure. */
  outcome: z.string().optional(),
  /** The newest record the job was built from. */
  updatedAt: z.number(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobSummarySchema = z.object({
  id: z.string(),
  station: z.string(),
  title: z.string(),
  state: JobStateSchema,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  mac: z.string().optional(),
  board: z.string().optional(),
  model: z.string().optional(),
  serial: z.string().optional(),
  customer: z.string().optional(),
  ticket: z.string().optional(),
  images: z.number().int().nonnegative(),
  backups: z.number().int().nonnegative(),
  outcome: z.string().optional(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

/** One earlier job for the same router: "seen before: 2026-11-03, backup taken". */
export const SeenBeforeSchema = z.object({
  id: z.string(),
  station: z.string(),
  at: z.number(),
  title: z.string(),
  state: JobStateSchema,
  backupTaken: z.boolean(),
  text: z.string(),
});
export type SeenBefore = z.infer<typeof SeenBeforeSchema>;

/** The shop server (PostgreSQL): named or not, reachable or not, how many jobs wait to reach it. */
export const ShopSyncSchema = z.object({
  configured: z.boolean(),
  /** The server's address without its password. */
  server: z.string().optional(),
  reachable: z.boolean().optional(),
  queued: z.number().int().nonnegative(),
  lastSyncAt: z.number().optional(),
  error: RbErrorSchema.optional(),
  /** In plain words, e.g. "3 jobs wait to reach the shop server (it does not answer); they are kept on this computer." */
  text: z.string(),
});
export type ShopSync = z.infer<typeof ShopSyncSchema>;

export const JobsStatusSchema = z.object({
  station: z.string(),
  database: z.object({ path: z.string(), ok: z.boolean(), schemaVersion: z.number().int().optional(), error: RbErrorSchema.optional() }),
  shop: ShopSyncSchema,
});
export type JobsStatus = z.infer<typeof JobsStatusSchema>;

export const ReportFormatSchema = z.enum(['html', 'pdf']);

export const jobsCommands = {
  'jobs.list': command(
    'Jobs, newest first; `query` finds a router by MAC, board, serial number, customer or ticket',
    z.object({ query: z.string().max(200).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({
      jobs: z.array(JobSummarySchema),
      source: z.enum(['this-station', 'shop']),
      /** Why only this station's jobs are shown (English, for --json and logs). */
      note: z.string().optional(),
      /** The shop server's state beside the note, so the screen and the CLI say it in the language shown (decision 0170). */
      shop: ShopSyncSchema.optional(),
    }),
  ),
  'jobs.show': command('One job: the router, every step with its times and evidence, images, backups, outcome', z.object({ id: z.string().max(64) }), JobSchema),
  'jobs.history': command(
    'Earlier jobs for the same router (by MAC, else serial number, else board), oldest first',
    z.object({ id: z.string().max(64) }),
    z.object({ seenBefore: z.array(SeenBeforeSchema), text: z.string() }),
  ),
  'jobs.note': command(
    "Write the customer, ticket, the router's serial number or a note on a job (kept in the data folder beside the journals)",
    z.object({ id: z.string().max(64), note: JobNoteSchema.partial(), serial: z.string().max(128).optional() }),
    JobSchema,
  ),
  'jobs.report': command(
    'A job as a self-contained HTML page or a PDF, for the customer and the shop',
    z.object({
      id: z.string().max(64),
      format: ReportFormatSchema,
      /** The language of the report's own words (the screen's language; the CLI's --lang or LANG). English when not given. */
      lang: z.enum(['en', 'de', 'es', 'en-XA']).optional(),
    }),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), running: z.boolean() }),
  ),
  'jobs.rebuild': command(
    'Build the job database again from the journals (after a corrupt file, or to start clean)',
    Empty,
    z.object({ jobs: z.number().int().nonnegative(), movedAside: z.string().optional(), text: z.string() }),
  ),
  'jobs.status': command('Where the jobs are kept: the database file, and the shop server with its queue', Empty, JobsStatusSchema),
  'jobs.settings': command(
    "Name (or forget, with null) the shop's PostgreSQL server, and this station's name",
    z.object({ shopServer: z.string().max(1024).nullable().optional(), station: z.string().min(1).max(128).optional() }),
    JobsStatusSchema,
  ),
};

export const jobsEvents = {
  'jobs.changed': event('A job was recorded or updated', JobSummarySchema),
  'jobs.sync': event('The shop server became reachable or not, or its queue changed', ShopSyncSchema),
};
