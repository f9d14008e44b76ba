import { z } from 'zod';
import { command, event, Ok, RbErrorSchema } from '../../contract/common';

/**
 * Device sessions (device.*) and flash backup / restore (flash.*). A "target" says how to reach a router;
 * each command opens its own session and closes it again, so nothing stays logged in behind the user's back.
 */
export const SessionTargetSchema = z.object({
  host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.:-]+$/, 'an address like 192.168.1.1'),
  port: z.number().int().min(1).max(65535).optional(),
  method: z.enum(['ssh', 'telnet', 'auto']).default('auto'),
  user: z.string().min(1).max(64).default('root'),
  /** Empty or absent: no password (OpenWrt rescue mode). */
  password: z.string().max(256).optional(),
  /** Path of an SSH private key file on this computer. */
  keyFile: z.string().max(4096).optional(),
  /** 'session-only' for rescue mode / initramfs, whose key changes at every start (never stored). */
  hostKeyPolicy: z.enum(['remember', 'session-only']).default('remember'),
});
export type SessionTarget = z.infer<typeof SessionTargetSchema>;

export const DangerKindSchema = z.enum(['bootloader', 'bootloader-env', 'calibration', 'identity', 'bbt', 'boot-counter', 'running']);
export type DangerKind = z.infer<typeof DangerKindSchema>;

export const PartitionSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string().max(64),
  size: z.number().int().nonnegative(),
  erasesize: z.number().int().nonnegative(),
  /** Offset in the flash chip, when the kernel tells it (sysfs); null when unknown. */
  offset: z.number().int().nonnegative().nullable(),
  type: z.enum(['nor', 'nand', 'ubi', 'other']),
  readOnly: z.boolean(),
  oobsize: z.number().int().nonnegative().optional(),
  writesize: z.number().int().nonnegative().optional(),
  /** Why writing it could brick the router; empty when it is an ordinary partition. */
  danger: z.array(z.object({ kind: DangerKindSchema, reason: z.string().max(400) })),
  /** Dual-firmware boards: which firmware slot (1 or 2) this partition belongs to. */
  slot: z.number().int().min(1).max(9).optional(),
});
export type Partition = z.infer<typeof PartitionSchema>;

export const DeviceIdentitySchema = z.object({
  boardName: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  /** uci system.@system[0].compat_version: what sysupgrade compares an image's compat_version with. */
  compatVersion: z.string().max(20).optional(),
  hostname: z.string().max(200).optional(),
  kernel: z.string().max(200).optional(),
  cmdline: z.string().max(4000).optional(),
});
export type DeviceIdentity = z.infer<typeof DeviceIdentitySchema>;

export const DeviceToolsSchema = z.object({
  nanddump: z.boolean(),
  nandwrite: z.boolean(),
  flash_erase: z.boolean(),
  mtd: z.boolean(),
  sha256sum: z.boolean(),
  md5sum: z.boolean(),
  nc: z.boolean(),
  fw_printenv: z.boolean(),
});
export type DeviceTools = z.infer<typeof DeviceToolsSchema>;

export const SessionInfoSchema = z.object({
  method: z.enum(['ssh', 'telnet']),
  host: z.string(),
  port: z.number().int(),
  banner: z.string().max(8000),
  hostKey: z.object({ algorithm: z.string(), fingerprint: z.string(), status: z.enum(['known', 'new', 'session-only']) }).optional(),
  notes: z.array(z.string().max(1000)),
});

export const DeviceInfoSchema = z.object({
  identity: DeviceIdentitySchema,
  partitions: z.array(PartitionSchema),
  tools: DeviceToolsSchema,
  /** U-Boot environment from fw_printenv (when the router has it). */
  env: z.record(z.string(), z.string()).optional(),
  ubi: z.array(z.object({ ubi: z.number().int(), mtdNum: z.number().int().optional(), volumes: z.array(z.object({ id: z.number().int(), name: z.string(), dataBytes: z.number().optional() })) })),
  /** Dual-firmware boards: the slot the router runs from now, and how we know. */
  running: z.object({ slot: z.number().int(), evidence: z.string().max(400) }).optional(),
  warnings: z.array(z.string().max(1000)),
  session: SessionInfoSchema,
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

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
  'device.inspect': command('Log in to a router, read its partition table, identity and tools, then log out', z.object({ target: SessionTargetSchema }), DeviceInfoSchema),
  'device.forgetHostKey': command(
    "Forget a router's remembered SSH key (after a reflash or a swap), so the next connection trusts its new key",
    z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535).default(22) }),
    z.object({ forgotten: z.boolean() }),
  ),
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
    z.object({ partition: z.string(), phase: z.enum(['checking', 'uploading', 'writing', 'reading-back', 'done', 'failed']), done: z.number(), size: z.number(), message: z.string().optional() }),
  ),
};
