import { z } from 'zod';
import { command, event, Empty, Ipv4Schema, RbErrorSchema, SaidMessageSchema } from '../../contract/common';
import { NMRP_REGIONS } from './codec';

const regionCodes = Object.keys(NMRP_REGIONS) as [keyof typeof NMRP_REGIONS, ...(keyof typeof NMRP_REGIONS)[]];
export const NmrpRegionSchema = z.enum(regionCodes);
const CidrSchema = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/(\d|[12]\d|3[0-2])$/, 'an address with its prefix, like 10.164.183.253/24');
const MacSchema = z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);

/** What the inspector found in the file, before anything is sent (decision 0087). */
export const NmrpImageCheckSchema = z.object({
  file: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  kind: z.enum(['netgear-chk', 'dni-img', 'not-netgear']),
  /** The board the file says it is for (.chk board id or DNI device): the user compares it with the label. */
  board: z.string().optional(),
  /** The model of the profile that board belongs to, when we know it. */
  model: z.string().optional(),
  profileId: z.string().optional(),
  version: z.string().optional(),
  region: z.string().optional(),
  /** Checksums inside the file: true all fine, false damaged, null none to check. */
  intact: z.boolean().nullable(),
  /** Plain words for the screen. */
  say: z.string(),
  /** `say` as catalogue id + values (decision 0145). */
  sayMsg: SaidMessageSchema.optional(),
  warnings: z.array(z.string()),
  /** Each of `warnings` as catalogue id + values, in the same order (decision 0145). */
  warningsMsg: z.array(SaidMessageSchema).optional(),
  /** Why it must not be sent (not a Netgear image, damaged, too big). */
  fault: RbErrorSchema.optional(),
});
export type NmrpImageCheck = z.infer<typeof NmrpImageCheckSchema>;

export const NmrpStartSchema = z.object({
  /** The wired connection the router is plugged into. */
  interface: z.string().min(1).max(64),
  file: z.string().min(1).max(4096),
  /** DEV_REGION sent in CONF_ACK (only when given). */
  region: NmrpRegionSchema.optional(),
  /** Seconds to wait for each NMRP reply (nmrpflash -t: 10 s). Orbi and RAX units need more. */
  timeoutS: z.number().int().min(1).max(600).default(10),
  /** The address the router gets (CONF_ACK DEV_IP), with its prefix. nmrpflash v0.9.25: 10.164.183.253/24. */
  routerIp: CidrSchema.default('10.164.183.253/24'),
  /** This computer's address on that network. */
  hostIp: Ipv4Schema.default('10.164.183.252'),
  /** How long the router may write after the upload, re-armed by each keep-alive (nmrpflash -T: 30 min). */
  keepAliveLimitS: z.number().int().min(10).max(7200).default(1800),
  /** How long to advertise before giving up (nmrpflash: 60 s). */
  advertiseS: z.number().int().min(1).max(600).default(60),
  /** The user compared the board the file is for with the router's label. */
  boardConfirmed: z.boolean().default(false),
});
export type NmrpStart = z.infer<typeof NmrpStartSchema>;

export const NmrpStageNameSchema = z.enum([
  'checking-image',
  'preparing-network',
  'waiting-for-cable',
  'advertising',
  'router-found',
  'configured',
  'upload-requested',
  'uploading',
  'uploaded',
  'writing',
  'closing',
  'done',
  'failed',
  'cancelled',
]);
export type NmrpStageName = z.infer<typeof NmrpStageNameSchema>;

export const NmrpCountersSchema = z.object({
  /** 0x0912 frames that were broken (short, wrong lengths, reserved field set): ignored. */
  malformed: z.number().int().nonnegative(),
  /** NMRP frames not for this run (another computer's, our own echo, unexpected codes): ignored. */
  ignored: z.number().int().nonnegative(),
  confAcks: z.number().int().nonnegative(),
  uploadRequests: z.number().int().nonnegative(),
  keepAlives: z.number().int().nonnegative(),
  advertisements: z.number().int().nonnegative(),
});
export type NmrpCounters = z.infer<typeof NmrpCountersSchema>;

export const NmrpStageSchema = z.object({
  runId: z.string(),
  stage: NmrpStageNameSchema,
  /** ms since epoch. */
  at: z.number(),
  /** What is happening, in plain words (ux-voice.md): English, for the journal, --json and logs. */
  say: z.string(),
  /** `say` as catalogue id + values: the screen and the CLI say it in the person's language (decision 0145). */
  sayMsg: SaidMessageSchema.optional(),
  /** What the user does now, when anything. */
  doNow: z.string().optional(),
  doNowMsg: SaidMessageSchema.optional(),
  routerMac: MacSchema.optional(),
  /** The file name the router asked for (or the file's own name). */
  remoteName: z.string().optional(),
  keepAlives: z.number().int().optional(),
  warning: z.string().optional(),
  /** `warning` as catalogue id + values; absent where the warning is a tool's own words (an OS error). */
  warningMsg: SaidMessageSchema.optional(),
  upload: z.object({ bytes: z.number(), total: z.number(), bytesPerSecond: z.number(), blksize: z.number().optional(), sha256: z.string().optional(), ms: z.number().optional() }).optional(),
  counters: NmrpCountersSchema,
  /** On the checking-image stage: what the inspector found (the board to compare with the label). */
  image: NmrpImageCheckSchema.optional(),
  fault: RbErrorSchema.optional(),
});
export type NmrpStage = z.infer<typeof NmrpStageSchema>;

export const NmrpProgressSchema = z.object({
  runId: z.string(),
  bytes: z.number(),
  total: z.number(),
  bytesPerSecond: z.number(),
});
export type NmrpProgress = z.infer<typeof NmrpProgressSchema>;

export const NmrpRunSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed', 'cancelled']),
  runId: z.string().optional(),
  interface: z.string().optional(),
  file: z.string().optional(),
  image: NmrpImageCheckSchema.optional(),
  startedAt: z.number().optional(),
  /** When the router's first CONF_REQ arrived and when CLOSE_ACK went out (the benchmark's span). */
  firstConfReqAt: z.number().optional(),
  closeAckAt: z.number().optional(),
  stages: z.array(NmrpStageSchema),
  fault: RbErrorSchema.optional(),
  /** Set where this OS's raw frames have not been tried on a real computer (macOS, Windows): shown with the run. */
  untested: z.string().optional(),
});
export type NmrpRun = z.infer<typeof NmrpRunSchema>;

export const NmrpGrantSchema = z.object({
  granted: z.boolean(),
  /** Linux: a capability given to a program file takes effect when the program starts again. */
  restartNeeded: z.boolean(),
  say: z.string(),
  sayMsg: SaidMessageSchema.optional(),
});
export type NmrpGrant = z.infer<typeof NmrpGrantSchema>;

export const nmrpCommands = {
  'nmrp.check': command('Check a file before Netgear recovery: is it a Netgear image, for which board, intact, not too big', z.object({ file: z.string().min(1).max(4096) }), NmrpImageCheckSchema),
  'nmrp.start': command('Start Netgear recovery (NMRP) on one wired connection with one image; returns at once, stages follow as events', NmrpStartSchema, NmrpRunSchema),
  'nmrp.cancel': command('Stop the running recovery and undo the network set-up', Empty, NmrpRunSchema),
  'nmrp.status': command('The running or last recovery (for a UI that (re)connects)', Empty, NmrpRunSchema),
  'nmrp.grant': command(
    "Give this program the permission to send raw network frames, through the OS's own password prompt (Linux: setcap cap_net_raw+ep on its binary; macOS: admin access to /dev/bpf*)",
    Empty,
    NmrpGrantSchema,
  ),
};

export const nmrpEvents = {
  'nmrp.stage': event('Netgear recovery reached a stage (one per NMRP step: advertising, CONF_ACK sent, upload, keep-alive, CLOSE_ACK), or failed', NmrpStageSchema),
  'nmrp.progress': event('The upload to the router progressed (at most 4 times a second)', NmrpProgressSchema),
};
