import { z } from 'zod';
import { command, event, Empty, Ipv4Schema, RbErrorSchema } from '../../contract/common';

export const NetmsgKindSchema = z.enum(['failsafe-prompt', 'failsafe-entered', 'preinit', 'regular-boot', 'unknown']);

export const FailsafeDatagramSchema = z.object({
  /** Sequence number within this monitor run. */
  id: z.number().int().nonnegative(),
  /** Epoch milliseconds when this computer received it. */
  receivedAt: z.number(),
  from: z.string(),
  fromPort: z.number().int(),
  text: z.string().max(4000),
  kind: NetmsgKindSchema,
  hasPrefix: z.boolean(),
  wellFormed: z.boolean(),
  length: z.number().int().nonnegative(),
  notes: z.array(z.string()),
  /** True when the sender is not in 192.168.1.0/24, where OpenWrt's preinit lives: shown, but flagged. */
  unexpectedSource: z.boolean(),
  /** From the practice router on this computer while it runs (127.x): expected, shown as PRACTICE. */
  practice: z.boolean().optional(),
});
export type FailsafeDatagram = z.infer<typeof FailsafeDatagramSchema>;

export const MonitorStateSchema = z.object({
  state: z.enum(['stopped', 'starting', 'listening', 'error']),
  bind: z.string(),
  port: z.number().int(),
  /** The socket addresses actually bound (a chosen address may need its broadcast address too). */
  boundAddresses: z.array(z.string()),
  /** A station slot's card: only datagrams this card received are heard (issue 17). */
  interface: z.string().optional(),
  received: z.number().int().nonnegative(),
  /** Datagrams counted but not forwarded to the UI because of a flood (see docs/decisions). */
  suppressed: z.number().int().nonnegative(),
  startedAt: z.number().optional(),
  error: RbErrorSchema.optional(),
});
export type MonitorState = z.infer<typeof MonitorStateSchema>;

export const MonitorStartSchema = z.object({
  /** An IPv4 address of this computer, or 0.0.0.0 for all interfaces. */
  bind: Ipv4Schema.default('0.0.0.0'),
  port: z.number().int().min(1).max(65535).default(4919),
  /** Hear only what this network card received (a station slot's card; several routers broadcast alike). */
  interface: z.string().min(1).max(64).optional(),
});

export const failsafeCommands = {
  'failsafe.monitor.start': command('Listen for OpenWrt preinit broadcasts on UDP 4919', MonitorStartSchema, MonitorStateSchema),
  'failsafe.monitor.stop': command('Stop listening for preinit broadcasts', Empty, MonitorStateSchema),
  'failsafe.monitor.status': command(
    'Monitor state and the most recent datagrams (for a UI that (re)connects)',
    Empty,
    z.object({ monitor: MonitorStateSchema, recent: z.array(FailsafeDatagramSchema) }),
  ),
};
export const failsafeEvents = {
  'failsafe.datagram': event('One datagram received on the preinit port, decoded and classified', FailsafeDatagramSchema),
  'failsafe.monitor.state': event('The monitor started, stopped or failed', MonitorStateSchema),
};
