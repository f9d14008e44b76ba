import { z } from 'zod';
import { command, event, Ok, RbErrorSchema, SaidMessageSchema } from '../../contract/common';
import { DeviceIdentitySchema, SessionTargetSchema } from '../device';

/** Flash backup and restore (flash.*): each command opens its own session to the router (device contract) and closes it again. */

/** manifest.json, written next to the partition files of every backup. */
export const ManifestPartitionSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  erasesize: z.number().int().nonnegative(),
  type: z.enum(['nor', 'nand', 'ubi', 'other']),
  offset: z.number().int().nullable().optional(),
  readOnly: z.boolean().optional(),
  /** File name inside the backup folder; null when the partition failed. */
  file: z.string().nullable(),
  sha256: z.string().nullable(),
  md5: z.string().nullable().optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** Offsets (inside the partition) of bad NAND blocks that nanddump skipped. */
  badBlocks: z.array(z.number().int().nonnegative()),
  /** How it was read: nanddump (bad blocks skipped), the mtd char device, ... */
  readWith: z.string().optional(),
  status: z.enum(['ok', 'failed']).optional(),
  /** The router's own hash of the same partition, when it has sha256sum/md5sum. */
  deviceHash: z.object({ algorithm: z.enum(['sha256', 'md5']), value: z.string(), matches: z.boolean() }).nullable().optional(),
  error: RbErrorSchema.optional(),
  warnings: z.array(z.string()).optional(),
  /** The same notes as catalogue id + values (decision 0182), said in the language shown; matched by their English. */
  warningsMsg: z.array(SaidMessageSchema).optional(),
});
export type ManifestPartition = z.infer<typeof ManifestPartitionSchema>;

export const ManifestSchema = z.object({
  format: z.literal('rescue-bench-backup/1'),
  tool: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  device: z.object({ host: z.string(), method: z.enum(['ssh', 'telnet']), identity: DeviceIdentitySchema, env: z.record(z.string(), z.string()).optional() }),
  partitions: z.array(ManifestPartitionSchema),
  complete: z.boolean(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const BackupPhaseSchema = z.enum(['connecting', 'discovering', 'hashing-on-router', 'copying', 'verifying', 'done', 'failed']);

export const BackupProgressSchema = z.object({
  backupId: z.string(),
  dir: z.string(),
  phase: BackupPhaseSchema,
  /** The partition being worked on (absent while connecting/discovering). */
  partition: z.object({ index: z.number().int(), name: z.string(), done: z.number(), size: z.number() }).optional(),
  /** Position of this partition in the job, 1-based, and how many there are. */
  position: z.number().int().optional(),
  count: z.number().int().optional(),
  totalDone: z.number(),
  totalSize: z.number(),
  /** Bytes per second over the last few seconds. */
  rate: z.number(),
  /** Estimated milliseconds left for the whole backup; null until the rate is known. */
  etaMs: z.number().nullable(),
});
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

export const BackupResultSchema = z.object({
  backupId: z.string(),
  dir: z.string(),
  ok: z.boolean(),
  manifest: ManifestSchema,
  failed: z.array(z.string()),
  elapsedMs: z.number(),
  error: RbErrorSchema.optional(),
});
export type BackupResult = z.infer<typeof BackupResultSchema>;

export const BackupStartSchema = z.object({
  target: SessionTargetSchema,
  /** Folder for this backup; default <data folder>/backups/<board>-<time>. Must be empty or absent unless retrying. */
  outDir: z.string().max(4096).optional(),
  /** Names (or mtdN) to back up; default every partition. */
  partitions: z.array(z.string().max(64)).optional(),
  /** Retry only the partitions that failed in the backup in `outDir`. */
  retryFailed: z.boolean().default(false),
  /** The router also hashes each partition (a second read there) and both hashes must agree. Off halves the time on slow routers. */
  routerHash: z.boolean().default(true),
});

export const RestoreRequestSchema = z.object({
  target: SessionTargetSchema,
  /** A backup folder (with manifest.json). */
  from: z.string().min(1).max(4096),
  partitions: z.array(z.string().min(1).max(64)).min(1),
  /** The user typed these partition names to allow writing dangerous partitions. */
  overrideDanger: z.array(z.string().max(64)).default([]),
  /** Allow a backup from a router that does not look like this one. */
  overrideIdentity: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type RestoreRequest = z.infer<typeof RestoreRequestSchema>;

export const RestoreStepSchema = z.object({
  partition: z.string(),
  index: z.number().int(),
  file: z.string(),
  sha256: z.string(),
  /** Shell commands that will run on the router, in order (shown in dry-run and before writing). */
  commands: z.array(z.string()),
  writer: z.enum(['mtd', 'nandwrite']),
  bytes: z.number().int().nonnegative(),
  /** Where the image is staged on the router before writing (so a dropped link cannot leave a half-written partition). */
  stagePath: z.string(),
  writeCommand: z.string(),
  /** Prints the hash of the first `bytes` bytes read back from the partition; null: read back over the link and hash here. */
  readBackCommand: z.string().nullable(),
  readBackAlgorithm: z.enum(['sha256', 'md5', 'host-sha256']),
  /** The expected read-back hash (md5 when the router has only md5sum). */
  expectedHash: z.string(),
  warnings: z.array(z.string()),
  /** The notes' catalogue ids and values, one per warning (decision 0167); absent from an older workstation. */
  warningsMsg: z.array(SaidMessageSchema).optional(),
});
export const RestoreRefusalSchema = z.object({ partition: z.string(), error: RbErrorSchema });
export const RestorePlanSchema = z.object({
  from: z.string(),
  backupCreatedAt: z.string(),
  device: DeviceIdentitySchema,
  identityMatches: z.boolean(),
  identityDifferences: z.array(z.string()),
  steps: z.array(RestoreStepSchema),
  refusals: z.array(RestoreRefusalSchema),
  /** True when every requested partition has a step and nothing was refused. */
  ok: z.boolean(),
});
export type RestorePlan = z.infer<typeof RestorePlanSchema>;

export const RestoreResultSchema = z.object({
  plan: RestorePlanSchema,
  dryRun: z.boolean(),
  results: z.array(z.object({ partition: z.string(), status: z.enum(['written', 'verify-failed', 'failed', 'skipped']), readBackSha256: z.string().nullable(), error: RbErrorSchema.optional() })),
  ok: z.boolean(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;

export const BackupSummarySchema = z.object({
  dir: z.string(),
  createdAt: z.string(),
  identity: DeviceIdentitySchema,
  partitions: z.number().int(),
  failed: z.number().int(),
  bytes: z.number(),
});

export const flashCommands = {
  'flash.backup.start': command('Back up every partition (or the failed ones again) to a folder; progress arrives as events', BackupStartSchema, z.object({ backupId: z.string(), dir: z.string() })),
  'flash.backup.cancel': command('Stop the running backup (finished partitions stay good)', z.object({ backupId: z.string() }), Ok),
  'flash.backup.status': command('The running backup and the last result (for a UI that reconnects)', z.object({}).strict(), z.object({ active: BackupProgressSchema.optional(), last: BackupResultSchema.optional() })),
  'flash.backup.list': command('Backups in the data folder, newest first', z.object({}).strict(), z.array(BackupSummarySchema)),
  'flash.restore.plan': command('Work out (and check) what a restore would write, without writing anything', RestoreRequestSchema, RestorePlanSchema),
  'flash.restore.run': command('Restore partitions from a backup after the same checks as the plan; dryRun only lists the commands', RestoreRequestSchema, RestoreResultSchema),
};

export const flashEvents = {
  'flash.backup.progress': event('Backup progress: phase, partition and total bytes, rate and time left', BackupProgressSchema),
  'flash.backup.partition': event('One partition finished (good or failed)', z.object({ backupId: z.string(), partition: ManifestPartitionSchema })),
  'flash.backup.done': event('The backup ended: every partition good, or which ones failed', BackupResultSchema),
  'flash.restore.progress': event(
    'Restore progress for one partition',
    z.object({ partition: z.string(), phase: z.enum(['checking', 'uploading', 'writing', 'reading-back', 'done', 'failed']), done: z.number(), size: z.number(), message: z.string().optional(), msg: SaidMessageSchema.optional() }),
  ),
};
