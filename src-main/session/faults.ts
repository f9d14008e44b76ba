import { RbFault, fault } from '../../src-shared/errors';
import { describeCommand } from './shell';

/** The session module's three-part errors (what happened, what it means, what to do); words in src-shared/i18n/messages/session. */
export function connectFault(err: unknown, host: string, port: number, method: string): RbFault {
  const e = err as NodeJS.ErrnoException & { level?: string };
  const code = e?.code ?? '';
  const details = `${method} ${host}:${port}: ${code ? code + ' ' : ''}${e?.message ?? String(err)}`;
  const m = method === 'ssh' ? 'ssh' : 'telnet';
  if (code === 'ECONNREFUSED') return fault('CONNECT_REFUSED', { host, port: String(port), method: m }, { details });
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT' || e?.level === 'client-timeout') return fault('CONNECT_TIMEOUT', { host }, { details });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return fault('HOST_UNREACHABLE', { host }, { details });
  if (e?.level === 'client-authentication') return fault('AUTH_FAILED', { host, method: 'ssh' }, { details });
  return fault('CONNECT_FAILED', { host, method: m }, { details });
}

/** While what the connection dropped (the words are in the catalogue: error.SESSION_LOST). */
export type LostWhile = 'login' | 'prepare' | 'run' | 'start' | 'copy' | 'send' | 'idle' | 'exit';

export function sessionLostFault(host: string, what: LostWhile, details?: string, seconds = 0): RbFault {
  return fault('SESSION_LOST', { host, what, ...(what === 'idle' ? { seconds } : {}) }, details ? { details } : {});
}

/** The details name the command's programs only: its arguments or input may hold a secret (a new password). */
export function commandTimeoutFault(host: string, cmd: string, ms: number): RbFault {
  return fault('COMMAND_TIMEOUT', { seconds: Math.round(ms / 1000) }, { details: `${host}: ${describeCommand(cmd)}` });
}

/** Telnet bulk data needs nc on the router; this one has none (neither `nc` nor `busybox nc`). */
export function routerHasNoNcFault(host: string, details?: string): RbFault {
  return fault('ROUTER_HAS_NO_NC', { host }, details ? { details } : {});
}

/**
 * A command stopped because the caller asked (ExecOptions.signal): over SSH the channel gets SIGTERM and is
 * closed, over telnet the terminal gets Ctrl-C. No command text in the details: it may hold a secret.
 */
export function commandCancelledFault(host: string): RbFault {
  return fault('CANCELLED', { what: 'command' }, { details: host });
}

/** A telnet copy's data has ended, but the router's exit status never came (a cable pulled in between). */
export function exitStatusLostFault(host: string, ms: number): RbFault {
  return sessionLostFault(host, 'exit', `no answer on the telnet connection for ${Math.round(ms / 1000)} s after the data connection ended`);
}
