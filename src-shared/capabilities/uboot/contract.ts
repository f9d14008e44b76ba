/**
 * U-Boot automation over a serial session: stop autoboot, read the environment and memory, fetch a file from
 * our TFTP server, verify it and boot it. Runs on a serial session (the serial capability's).
 */
import { z } from 'zod';
import { command, event, Empty, Ipv4Schema, Ok, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

export const UbootStepNameSchema = z.enum([
  'check-file',
  'stop-autoboot',
  'read-env',
  'read-memory',
  'choose-load-address',
  'set-network',
  'start-server',
  'tftpboot',
  'verify',
  'boot',
  'follow-boot',
]);
export type UbootStepName = z.infer<typeof UbootStepNameSchema>;

export const UbootStepSchema = z.object({
  runId: z.string(),
  step: UbootStepNameSchema,
  state: z.enum(['running', 'done', 'failed', 'skipped']),
  /** Plain words for the step panel. */
  message: z.string(),
  /** `message` as catalogue id + values (decision 0130): the screen says it in the person's language. */
  msg: SaidMessageSchema.optional(),
  at: z.number(),
  /** Structured facts of the step (env size, DRAM ranges, chosen address and why, sizes, CRCs…). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  error: RbErrorSchema.optional(),
});
export type UbootStep = z.infer<typeof UbootStepSchema>;

export const UbootProgressSchema = z.object({
  runId: z.string(),
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative(),
  percent: z.number().min(0).max(100),
  /** What the router said its speed was, when it has said it. */
  rate: z.string().optional(),
  timeouts: z.number().int().nonnegative(),
});

export const UbootRunSchema = z.object({
  runId: z.string(),
  sessionId: z.string(),
  file: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  steps: z.array(UbootStepSchema),
  progress: UbootProgressSchema.optional(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  error: RbErrorSchema.optional(),
});
export type UbootRun = z.infer<typeof UbootRunSchema>;

export const UbootRunRequestSchema = z.object({
  sessionId: z.string().min(1).max(64),
  /** The router's address while in U-Boot. */
  ip: Ipv4Schema.default('192.168.1.1'),
  /** This computer's address on the router's network; our TFTP server binds here. */
  serverIp: Ipv4Schema.default('192.168.1.10'),
  netmask: Ipv4Schema.default('255.255.255.0'),
  /** The image on this computer to send. */
  file: z.string().min(1).max(4096),
  /** After a verified transfer, boot it (bootm/bootz/booti by image kind) and follow the kernel log. */
  boot: z.boolean().default(false),
  /** Override the load address (hex). */
  loadAddr: z.string().regex(/^0x[0-9a-fA-F]{1,16}$/).optional(),
  /** Kernel command line to set before booting (only letters, digits and = , . : / - _ space). */
  bootargs: z.string().max(512).optional(),
  /** How long to wait for the router to appear (power it on now), seconds. */
  waitSeconds: z.number().int().min(1).max(600).default(60),
  /** TFTP port (69 unless the bootloader was told otherwise). */
  tftpPort: z.number().int().min(1).max(65535).default(69),
});
export type UbootRunRequest = z.output<typeof UbootRunRequestSchema>;

export const ubootCommands = {
  'uboot.run': command('Stop autoboot, read env and memory, tftpboot a file from our TFTP server, verify it, and optionally boot it', UbootRunRequestSchema, UbootRunSchema),
  'uboot.cancel': command('Stop a U-Boot run (the router stays at its prompt)', z.object({ runId: z.string().min(1).max(64) }), Ok),
  'uboot.status': command('U-Boot runs, newest first', Empty, z.object({ runs: z.array(UbootRunSchema) })),
};

export const ubootEvents = {
  'uboot.step': event('A U-Boot automation step started, finished or failed', UbootStepSchema),
  'uboot.progress': event('tftpboot progress, from the marks U-Boot prints', UbootProgressSchema),
  'uboot.state': event('A U-Boot run started, ended, failed or was cancelled', UbootRunSchema),
};
