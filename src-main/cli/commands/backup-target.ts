import { RbFault } from '../../../src-shared/errors';
import { SessionTargetSchema, type SessionTarget } from '../../../src-shared/contract/flash';
import { dataDir } from '../../services/platform';
import { FlashService, type FlashEvents } from '../../services/flash';
import { jsonLine, UsageError, type CliIo } from '../types';

/** Options shared by `backup`, `restore` and `device inspect`: how to reach the router. */
export const targetOptions = {
  host: { type: 'string' },
  port: { type: 'string' },
  ssh: { type: 'boolean', default: false },
  telnet: { type: 'boolean', default: false },
  user: { type: 'string', default: 'root' },
  password: { type: 'string' },
  key: { type: 'string' },
  'session-only-key': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

export interface TargetValues {
  host?: string | undefined;
  port?: string | undefined;
  ssh?: boolean | undefined;
  telnet?: boolean | undefined;
  user?: string | undefined;
  password?: string | undefined;
  key?: string | undefined;
  'session-only-key'?: boolean | undefined;
}

export function targetFrom(v: TargetValues): SessionTarget {
  if (!v.host) throw new UsageError('--host ADDR is required (the router\'s address, e.g. 192.168.1.1)');
  if (v.ssh && v.telnet) throw new UsageError('choose --ssh or --telnet, not both (neither = try SSH, then telnet)');
  if (v.password !== undefined && v.key) throw new UsageError('choose --password or --key, not both');
  const port = v.port !== undefined ? Number(v.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError(`--port must be 1-65535, not "${v.port}"`);
  const parsed = SessionTargetSchema.safeParse({
    host: v.host,
    ...(port ? { port } : {}),
    method: v.ssh ? 'ssh' : v.telnet ? 'telnet' : 'auto',
    user: v.user ?? 'root',
    ...(v.password !== undefined ? { password: v.password } : {}),
    ...(v.key ? { keyFile: v.key } : {}),
    hostKeyPolicy: v['session-only-key'] ? 'session-only' : 'remember',
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export function flashServiceFor(io: CliIo, json: boolean, events: Partial<FlashEvents> = {}): FlashService {
  return new FlashService(dataDir(), {
    progress: events.progress ?? (() => undefined),
    partition: events.partition ?? (() => undefined),
    done: events.done ?? (() => undefined),
    restoreProgress: events.restoreProgress ?? ((p) => (json ? jsonLine(io, { event: 'restore-progress', ...p }) : io.err(`${p.partition}: ${p.phase}${p.message ? ` — ${p.message}` : ''}`))),
  });
}

export function reportFault(io: CliIo, json: boolean, err: unknown): never {
  if (json && err instanceof RbFault) jsonLine(io, { event: 'error', error: err.toShape() });
  throw err;
}

export function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
}
