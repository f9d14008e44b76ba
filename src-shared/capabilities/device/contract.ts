import { z } from 'zod';
import { command, SaidMessageSchema } from '../../contract/common';

/**
 * Device discovery (device.*): what is on a running router. A "target" says how to reach a router;
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
  /** Connect from this address of this computer: a station slot's source address (net.slot.open), so the session goes through that slot's card. */
  localAddress: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'an address like 192.168.1.60').optional(),
  /** The router's hardware address when known (U-Boot ethaddr, NMRP): its remembered SSH key is kept under it. */
  routerMac: z.string().regex(/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/, 'a hardware address like 00:11:22:33:44:55').optional(),
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
  danger: z.array(z.object({ kind: DangerKindSchema, reason: z.string().max(400), msg: SaidMessageSchema.optional() })),
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
  /** `nc` or `busybox nc` runs (asked over telnet only, where copies go through it; false over SSH). */
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
  /** The connection's notes that are ours as catalogue id + values (decision 0186), matched to a note by its English. */
  notesMsg: z.array(SaidMessageSchema).optional(),
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
  /** The warnings that are ours as catalogue id + values (decision 0182), matched to a warning by its English; a router's own line has none. */
  warningsMsg: z.array(SaidMessageSchema).optional(),
  session: SessionInfoSchema,
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const deviceCommands = {
  'device.inspect': command('Log in to a router, read its partition table, identity and tools, then log out', z.object({ target: SessionTargetSchema }), DeviceInfoSchema),
  'device.forgetHostKey': command(
    "Forget a router's remembered SSH key (after a reflash or a swap), so the next connection trusts its new key",
    z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535).default(22) }),
    z.object({ forgotten: z.boolean() }),
  ),
};

export const deviceEvents = {};
