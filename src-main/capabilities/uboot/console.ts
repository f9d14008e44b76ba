/**
 * Talking to a U-Boot prompt over a serial session: send one command, collect its output until the prompt
 * comes back. Rules from the bench (facts §10): never send a bare Enter (U-Boot repeats the last command);
 * Ctrl-C gives a fresh prompt without running anything; never send a flash/env-writing command unless a person
 * confirmed it.
 */
import { RbFault, fault } from '../../../src-shared/errors';
import { isDangerousUbootCommand } from '../../../src-shared/capabilities/uboot/parser';
import type { WatchMatch } from '../../../src-shared/capabilities/serial';
import type { SerialService } from '../serial';

const CTRL_C = Buffer.from([0x03]);

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface Waiter {
  until: (m: WatchMatch) => boolean;
  resolve: (m: WatchMatch) => void;
}

export class UbootConsole {
  private text = '';
  private offData: () => void;
  private offMatch: () => void;
  private waiters = new Set<Waiter>();
  /** Every watcher match since the console was attached, with its arrival time. */
  readonly matches: { m: WatchMatch; at: number }[] = [];
  prompt = '=> ';

  constructor(
    readonly serial: SerialService,
    readonly sessionId: string,
    private readonly signal?: AbortSignal,
  ) {
    this.offData = serial.tap(sessionId, (chunk) => {
      this.text += chunk.toString('latin1');
      if (this.text.length > 4 * 1024 * 1024) this.text = this.text.slice(-2 * 1024 * 1024);
    });
    this.offMatch = serial.onMatch(sessionId, (m, at) => {
      this.matches.push({ m, at });
      if (m.kind === 'uboot-prompt' && m.prompt) this.prompt = m.prompt;
      for (const w of [...this.waiters]) {
        if (w.until(m)) {
          this.waiters.delete(w);
          w.resolve(m);
        }
      }
    });
  }

  detach(): void {
    this.offData();
    this.offMatch();
  }

  /** Text received since the last mark. */
  get since(): string {
    return this.text;
  }

  mark(): void {
    this.text = '';
  }

  /**
   * Wait for a watcher match; rejects after timeoutMs or when cancelled. With `from` (an index into `matches`),
   * a match that already arrived at or after that index counts too: two matches can arrive in one chunk
   * (a countdown and the prompt after it), faster than a caller can start its next wait.
   */
  waitMatch(until: (m: WatchMatch) => boolean, timeoutMs: number, what: string, from?: number): Promise<WatchMatch> {
    return new Promise((resolve, reject) => {
      if (this.signal?.aborted) return reject(new Cancelled());
      if (from !== undefined) {
        const seen = this.matches.slice(from).find((x) => until(x.m));
        if (seen) return resolve(seen.m);
      }
      const onAbort = (): void => {
        cleanup();
        reject(new Cancelled());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new RbFault({ code: 'UBOOT_TIMEOUT', message: `The router did not ${what} in time.`, details: `waited ${Math.round(timeoutMs / 1000)} s; last output: ${JSON.stringify(this.text.slice(-400))}` }));
      }, timeoutMs);
      const w: Waiter = {
        until,
        resolve: (m) => {
          cleanup();
          resolve(m);
        },
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(w);
        this.signal?.removeEventListener('abort', onAbort);
      };
      this.signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(w);
    });
  }

  async write(data: string | Buffer): Promise<void> {
    if (this.signal?.aborted) throw new Cancelled();
    await this.serial.write(this.sessionId, typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /**
   * Run one command and return what it printed (without the echo and the prompt).
   * `confirmed` must be the exact command text for commands that write flash or the saved environment.
   */
  async command(cmd: string, timeoutMs = 10_000, opts: { confirmed?: string; onText?: (t: string) => void } = {}): Promise<string> {
    if (!cmd.trim()) throw new Error('refusing to send an empty line to U-Boot (it would repeat the last command)');
    if (/[\r\n\x03]/.test(cmd)) throw new Error('one command at a time, without control characters');
    const danger = isDangerousUbootCommand(cmd);
    if (danger && opts.confirmed !== cmd) {
      throw fault('UBOOT_NEEDS_CONFIRMATION', { command: danger });
    }
    this.mark();
    let tapOff: (() => void) | undefined;
    if (opts.onText) tapOff = this.serial.tap(this.sessionId, (c) => opts.onText!(c.toString('latin1')));
    try {
      const prompt = this.waitMatch((m) => m.kind === 'uboot-prompt', timeoutMs, `finish "${cmd.split(' ')[0]}"`);
      await this.write(`${cmd}\r`);
      await prompt;
    } finally {
      tapOff?.();
    }
    return stripEchoAndPrompt(this.text, cmd, this.prompt);
  }

  /** Ctrl-C: a fresh prompt without running anything (also aborts a running tftpboot). */
  async interrupt(timeoutMs = 3000): Promise<boolean> {
    const p = this.waitMatch((m) => m.kind === 'uboot-prompt', timeoutMs, 'show its prompt');
    await this.serial.write(this.sessionId, CTRL_C).catch(() => undefined);
    return p.then(
      () => true,
      () => false,
    );
  }
}

function stripEchoAndPrompt(text: string, cmd: string, prompt: string): string {
  let t = text;
  const echo = t.indexOf(cmd);
  if (echo >= 0 && echo < 64) {
    const nl = t.indexOf('\n', echo);
    t = nl >= 0 ? t.slice(nl + 1) : '';
  }
  if (t.endsWith(prompt)) t = t.slice(0, -prompt.length);
  return t;
}
