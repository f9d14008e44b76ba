import { z } from 'zod';
import { command, event, Empty, Ipv4Schema, PortSchema, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

export const TftpOptionsSchema = z.object({
  blksize: z.number().int(),
  windowsize: z.number().int(),
  /** Retransmission timeout in milliseconds. */
  timeoutMs: z.number().int(),
  tsize: z.number().int().nonnegative().optional(),
  /** True when the client asked for options and got an OACK; false for a plain RFC 1350 transfer. */
  oack: z.boolean(),
});
export type TftpOptions = z.infer<typeof TftpOptionsSchema>;

export const TftpTransferInfoSchema = z.object({
  id: z.number().int().nonnegative(),
  direction: z.enum(['read', 'write']),
  /** The name the client asked for, as sent. */
  file: z.string().max(300),
  /** The name the client asked for (the same as `file`; named for what it is beside `served`). */
  requested: z.string().max(300).optional(),
  /** Reads: the file actually sent, relative to the served folder (differs from `requested` through an alias or answer-any). */
  served: z.string().max(300).optional(),
  /** Reads: how `served` was chosen: the name itself, a name alias, or the file sent for any name not found. */
  servedBy: z.enum(['name', 'alias', 'answer-any']).optional(),
  peer: z.string(),
  peerPort: z.number().int(),
  mode: z.enum(['octet', 'netascii']),
  options: TftpOptionsSchema,
  state: z.enum(['running', 'done', 'error']),
  /** Total bytes when known (the file size for a read; the announced tsize for a write). */
  size: z.number().int().nonnegative().optional(),
  bytes: z.number().int().nonnegative(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  /** Bytes per second over the whole transfer so far. */
  rate: z.number().nonnegative(),
  /** When `bytes` was counted (ms since epoch, server clock): two snapshots give the recent rate. */
  sampledAt: z.number().optional(),
  /** Retransmissions so far (timeouts and gaps the client reported). */
  retransmits: z.number().int().nonnegative(),
  /** SHA-256 (hex) of exactly the bytes sent or received; set when done. */
  sha256: z.string().optional(),
  /** Which engine sends: 'native' = the lock-step engine on its own thread (decision 0013), 'js' = the event loop. */
  engine: z.enum(['native', 'js']).optional(),
  error: RbErrorSchema.optional(),
});
export type TftpTransferInfo = z.infer<typeof TftpTransferInfoSchema>;

export const TftpTransferEventSchema = z.object({
  kind: z.enum(['start', 'progress', 'done', 'error']),
  transfer: TftpTransferInfoSchema,
});
export type TftpTransferEvent = z.infer<typeof TftpTransferEventSchema>;

export const TftpServerStateSchema = z.object({
  state: z.enum(['stopped', 'starting', 'listening', 'error']),
  root: z.string(),
  bind: z.string(),
  port: z.number().int(),
  /** Upload folder; absent means read-only. */
  allowWrite: z.string().optional(),
  overwrite: z.boolean(),
  /** Requested name → file inside the served folder sent for it. */
  aliases: z.record(z.string(), z.string()).optional(),
  /** File inside the served folder sent for any name that is not found. */
  answerAny: z.string().optional(),
  startedAt: z.number().optional(),
  /**
   * The engine for lock-step reads (windowsize 1, octet) and, when it is the slower JavaScript one, why: `why` in
   * English, `whyMsg` the same as catalogue id + values (decision 0170).
   */
  lockstep: z.object({ engine: z.enum(['native', 'js']), why: z.string().max(300).optional(), whyMsg: SaidMessageSchema.optional() }).optional(),
  error: RbErrorSchema.optional(),
});
export type TftpServerState = z.infer<typeof TftpServerStateSchema>;

export const TftpFileSchema = z.object({
  /** The name a bootloader asks for (relative to the served folder). */
  name: z.string().max(300),
  size: z.number().int().nonnegative(),
  modifiedAt: z.number(),
});
export type TftpFile = z.infer<typeof TftpFileSchema>;

export const TftpFilesSchema = z.object({
  root: z.string(),
  files: z.array(TftpFileSchema),
  /** More files than were listed. */
  truncated: z.boolean(),
});
export type TftpFiles = z.infer<typeof TftpFilesSchema>;

export const TftpStartSchema = z.object({
  root: z.string().min(1).max(4096),
  /** An IPv4 address of this computer, or 0.0.0.0 for all interfaces. */
  bind: Ipv4Schema.default('0.0.0.0'),
  /** 69 is the standard port; 0 picks any free port. */
  port: PortSchema.default(69),
  allowWrite: z.string().min(1).max(4096).optional(),
  overwrite: z.boolean().default(false),
  /**
   * Requested name → file inside the served folder (relative, or an absolute path inside it) sent for it, for
   * bootloaders that ask for a name of their own (TP-Link: "ArcherC7v2_tp_recovery.bin").
   */
  aliases: z.record(z.string().min(1).max(255), z.string().min(1).max(4096)).optional(),
  /** File inside the served folder sent for any name that is not found (TP-Link models whose name is not known). */
  answerAny: z.string().min(1).max(4096).optional(),
});

/** A TFTP upload from this computer to a router that is the TFTP server (ASUS rescue mode, Ubiquiti urescue). */
export const TftpPutRequestSchema = z.object({
  /** The router's address (it runs the TFTP server). */
  host: Ipv4Schema,
  port: PortSchema.min(1).default(69),
  /** The file on this computer to send. */
  file: z.string().min(1).max(4096),
  /** Name sent in the request; default: the file's own name. */
  remoteName: z.string().min(1).max(255).regex(/^[\x20-\x7e]+$/, 'plain letters, digits and punctuation').optional(),
  /** Requested block size (default 1468; 512 sends no options). */
  blksize: z.number().int().min(8).max(65464).optional(),
  /** RFC 7440 window (default 1). */
  windowsize: z.number().int().min(1).max(1024).optional(),
  /** Send from this address of this computer. */
  localAddress: Ipv4Schema.optional(),
  timeoutMs: z.number().int().min(10).max(60_000).optional(),
  retries: z.number().int().min(0).max(100).optional(),
  firstBlockRetries: z.number().int().min(0).max(1000).optional(),
});
export type TftpPutRequest = z.input<typeof TftpPutRequestSchema>;

export const TftpPutResultSchema = z.object({
  id: z.number().int().nonnegative(),
  host: z.string(),
  port: z.number().int(),
  file: z.string(),
  remoteName: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  /** Block size and window actually used (512/1 when the router ignored the options). */
  blksize: z.number().int(),
  windowsize: z.number().int(),
  /** More than 65535 blocks: block numbers wrapped around. */
  rolledOver: z.boolean(),
  ms: z.number().nonnegative(),
  /** Who sent the blocks: the native lock-step engine or the JavaScript sender (decision 0016). */
  engine: z.enum(['native', 'js']).optional(),
});
export type TftpPutResult = z.infer<typeof TftpPutResultSchema>;

export const TftpPutProgressSchema = z.object({
  id: z.number().int().nonnegative(),
  host: z.string(),
  port: z.number().int(),
  file: z.string(),
  remoteName: z.string(),
  state: z.enum(['running', 'done', 'error']),
  /** Bytes the router has acknowledged. */
  bytes: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  startedAt: z.number(),
  result: TftpPutResultSchema.optional(),
  error: RbErrorSchema.optional(),
});
export type TftpPutProgress = z.infer<typeof TftpPutProgressSchema>;

export const tftpCommands = {
  'tftp.server.start': command('Serve a folder by TFTP (read-only unless an upload folder is given)', TftpStartSchema, TftpServerStateSchema),
  'tftp.server.stop': command('Stop the TFTP server; running transfers are ended', Empty, TftpServerStateSchema),
  'tftp.server.status': command(
    'TFTP server state and its active and recent transfers (for a UI that (re)connects)',
    Empty,
    z.object({ server: TftpServerStateSchema, transfers: z.array(TftpTransferInfoSchema) }),
  ),
  'tftp.transfers': command('Active and recent TFTP transfers, newest first', Empty, z.array(TftpTransferInfoSchema)),
  'tftp.put': command(
    'Send a file to a router whose bootloader is a TFTP server (ASUS rescue mode, Ubiquiti urescue); replies when the router acknowledged the last block',
    TftpPutRequestSchema,
    TftpPutResultSchema,
  ),
  'tftp.put.cancel': command('Cancel the running uploads to routers (all, or the one with this id)', z.object({ id: z.number().int().nonnegative().optional() }).strict(), z.object({ cancelled: z.number().int().nonnegative() })),
  'tftp.files': command('The files the running server offers (top level of its folder; links leading outside are left out)', Empty, TftpFilesSchema),
};
export const tftpEvents = {
  'tftp.transfer': event('A TFTP transfer started, progressed (at most 4 times a second), finished or failed', TftpTransferEventSchema),
  'tftp.put.progress': event('An upload to a router started, progressed (at most 10 times a second), finished or failed', TftpPutProgressSchema),
  'tftp.server.state': event('The TFTP server started, stopped or failed', TftpServerStateSchema),
};
