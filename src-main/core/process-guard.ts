/**
 * What a long-running Rescue Bench process (the bench server) does with a fault nobody caught, instead of
 * Node's default of dying with a stack trace (decision 0006):
 * - a promise that failed with nobody waiting for it: log it and keep serving (the step that failed is
 *   over; nothing else depended on it);
 * - an exception from a network connection that ended abruptly (a reset, a closed pipe): log it and keep
 *   serving (that one connection is gone, the rest is untouched);
 * - any other uncaught exception: the code that threw stopped halfway, so the process's state cannot be
 *   trusted; say so in three parts and exit with status 1.
 * Warnings are limited to WARNINGS_PER_MINUTE so a flood of resets cannot fill the log.
 */
import type { EventEmitter } from 'node:events';

export type FaultKind = 'unhandledRejection' | 'uncaughtException';
export type FaultAction = 'continue' | 'exit';

/** Error codes of a connection the other side ended; the socket is gone, the process is fine. */
const CONNECTION_ENDED = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTCONN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export const WARNINGS_PER_MINUTE = 20;

export function faultAction(kind: FaultKind, err: unknown): FaultAction {
  if (kind === 'unhandledRejection') return 'continue';
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_ENDED.has(code) ? 'continue' : 'exit';
}

function detail(err: unknown): string {
  const text = (err as Error | null)?.stack ?? String(err);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/** The lines printed for one fault (without the rate limit). */
export function faultMessage(kind: FaultKind, err: unknown, action: FaultAction): string {
  if (action === 'exit') {
    return [
      'Error: Rescue Bench stopped: something inside it failed in a way it could not recover from.',
      'It stopped rather than carry on in a state it cannot trust. Whatever it was doing (a transfer, a backup, a write to a router) did not finish.',
      'What to do: If a router was being written, keep it powered and follow the rescue steps for it. Start Rescue Bench again and repeat the last step. If this happens again, send us the details below.',
      `Details: ${kind}: ${detail(err)}`,
    ].join('\n');
  }
  const code = (err as { code?: unknown } | null)?.code;
  const what =
    kind === 'unhandledRejection'
      ? 'a step inside Rescue Bench failed after nobody was waiting for its answer'
      : `a network connection ended abruptly (${String(code)})`;
  return `Warning: ${what}. Rescue Bench keeps running.\nDetails: ${kind}: ${detail(err)}`;
}

export interface ProcessGuardOptions {
  log(text: string): void;
  exit(code: number): void;
  /** For tests: the clock used by the warning limit. */
  now?: () => number;
}

/**
 * Install the policy on `target` (the process). Returns a function that removes it again.
 * While installed, Node's own handling (print and exit) is replaced by faultAction().
 */
export function installProcessGuard(opts: ProcessGuardOptions, target: EventEmitter = process): () => void {
  const now = opts.now ?? Date.now;
  let windowStart = now();
  let warned = 0;
  let suppressed = 0;
  let exiting = false;
  const handle = (kind: FaultKind, err: unknown): void => {
    const action = faultAction(kind, err);
    if (action === 'exit') {
      if (exiting) return;
      exiting = true;
      opts.log(faultMessage(kind, err, action));
      opts.exit(1);
      return;
    }
    const t = now();
    if (t - windowStart >= 60_000) {
      if (suppressed > 0) opts.log(`Warning: ${suppressed} more such faults in the last minute were not printed. Rescue Bench keeps running.`);
      windowStart = t;
      warned = 0;
      suppressed = 0;
    }
    if (warned < WARNINGS_PER_MINUTE) {
      warned++;
      opts.log(faultMessage(kind, err, action));
    } else {
      suppressed++;
    }
  };
  const onRejection = (reason: unknown): void => handle('unhandledRejection', reason);
  const onException = (err: unknown): void => handle('uncaughtException', err);
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
