import { z } from 'zod';
import { command, event, Empty, RbErrorSchema, SaidMessageSchema } from '../../contract/common';
import { WATCH_KINDS, type WatchKind } from './watchers';

/** Baud rates autobaud tries, most common first (issue 5). */
export const AUTOBAUD_RATES = [115200, 57600, 38400, 19200, 9600, 230400, 460800, 921600, 1500000] as const;

export const SerialSettingsSchema = z.object({
  baud: z.number().int().min(50).max(4_000_000).default(115200),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flow: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});
export type SerialSettings = z.output<typeof SerialSettingsSchema>;

export const SerialPortInfoSchema = z.object({
  path: z.string(),
  /** Plain words for the list: "USB serial adapter (FTDI) — /dev/ttyUSB0". */
  label: z.string(),
  /** The same as catalogue id + values (platform.serialPort.label), said in the language shown (decision 0169). */
  labelMsg: SaidMessageSchema.optional(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
});
export type SerialPortInfo = z.infer<typeof SerialPortInfoSchema>;

export const WatchMatchSchema = z.object({
  kind: z.enum(WATCH_KINDS as unknown as [WatchKind, ...WatchKind[]]),
  text: z.string().max(4200),
  offset: z.number().int().nonnegative(),
  prompt: z.string().max(300).optional(),
  seconds: z.number().int().optional(),
  stopWith: z.string().max(32).optional(),
  detail: z.string().max(4200).optional(),
});

export const SerialSessionSchema = z.object({
  id: z.string(),
  path: z.string(),
  state: z.enum(['opening', 'open', 'unplugged', 'closed', 'error']),
  requested: SerialSettingsSchema,
  /** What the port reports after applying the settings; a field is absent when the port cannot say. */
  actual: z.object({ baud: z.number().optional(), note: z.string().optional(), noteMsg: SaidMessageSchema.optional() }),
  /** DTR/RTS/break: whether this port supports them, and the last values set. */
  signals: z.object({ supported: z.boolean().optional(), dtr: z.boolean().optional(), rts: z.boolean().optional(), note: z.string().optional(), noteMsg: SaidMessageSchema.optional() }),
  profile: z.string(),
  /** The timestamped log of this session, on this computer. */
  logPath: z.string(),
  openedAt: z.number(),
  bytesIn: z.number().int().nonnegative(),
  bytesOut: z.number().int().nonnegative(),
  /** Times the adapter came back after being unplugged. */
  reconnects: z.number().int().nonnegative(),
  /** Answer a U-Boot countdown by itself (any key, or the profile's stop string), once per countdown. */
  autoStop: z.boolean(),
  lastMatch: WatchMatchSchema.extend({ at: z.number() }).optional(),
  error: RbErrorSchema.optional(),
});
export type SerialSession = z.infer<typeof SerialSessionSchema>;

export const SessionRef = z.object({ id: z.string().min(1).max(64) });

export const AutobaudResultSchema = z.object({
  baud: z.number().int().optional(),
  /** Every rate tried: how much of what arrived read as text (0–1) and how many bytes arrived. */
  tried: z.array(z.object({ baud: z.number().int(), score: z.number(), bytes: z.number().int() })),
  message: z.string(),
  /** The message as catalogue id + values, said in the person's language (decision 0164). */
  messageMsg: SaidMessageSchema.optional(),
  session: SerialSessionSchema,
});

export const serialCommands = {
  'serial.ports': command('List the serial ports on this computer', Empty, z.object({ ports: z.array(SerialPortInfoSchema), note: z.string().optional(), noteMsg: SaidMessageSchema.optional() })),
  'serial.open': command(
    'Open a serial port with the given settings; its output streams as serial.data events',
    z.object({
      path: z.string().min(1).max(4096),
      settings: SerialSettingsSchema.default({ baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' }),
      profile: z.string().max(64).default('generic'),
      autoStop: z.boolean().default(false),
    }),
    SerialSessionSchema,
  ),
  'serial.autostop': command('Turn on or off answering U-Boot countdowns by itself', SessionRef.extend({ enabled: z.boolean() }), SerialSessionSchema),
  'serial.close': command('Close a serial session', SessionRef, SerialSessionSchema),
  'serial.write': command(
    'Send text (utf8) or bytes (base64) to a serial session',
    SessionRef.extend({ data: z.string().max(65536), encoding: z.enum(['utf8', 'base64']).default('utf8') }),
    z.object({ written: z.number().int() }),
  ),
  'serial.configure': command('Change the speed of an open session (live)', SessionRef.extend({ baud: z.number().int().min(50).max(4_000_000) }), SerialSessionSchema),
  'serial.signals': command(
    'Set DTR/RTS or send a break, where the port supports it',
    SessionRef.extend({ dtr: z.boolean().optional(), rts: z.boolean().optional(), breakMs: z.number().int().min(1).max(5000).optional() }),
    SerialSessionSchema,
  ),
  'serial.autobaud': command(
    'Try the common speeds and keep the one whose output reads as text',
    SessionRef.extend({ rates: z.array(z.number().int().min(50).max(4_000_000)).max(16).optional(), listenMs: z.number().int().min(100).max(10_000).default(800) }),
    AutobaudResultSchema,
  ),
  'serial.sessions': command(
    'Open sessions, the watcher profiles, and the recent output of each (for a UI that (re)connects)',
    Empty,
    z.object({
      sessions: z.array(SerialSessionSchema),
      profiles: z.array(z.object({ id: z.string(), label: z.string(), labelMsg: SaidMessageSchema.optional() })),
      backlog: z.record(z.string(), z.string()),
    }),
  ),
};

export const serialEvents = {
  'serial.data': event('Bytes from a serial session (base64), in arrival order', z.object({ id: z.string(), b64: z.string(), at: z.number() })),
  'serial.match': event('A watcher recognised something in a session', z.object({ id: z.string(), at: z.number(), match: WatchMatchSchema })),
  'serial.session': event('A session opened, changed speed, was unplugged, came back or closed', SerialSessionSchema),
};
