/**
 * The CLI's --json output as tests read it (docs/decisions/0043-cli-is-a-transport.md). Every line must be one
 * envelope {"event","at","payload"} whose payload passes the schema its event names: a contract event's
 * (src-shared/contract) or one of the CLI's own lines (src-shared/contract/cli.ts). A line that does not is kept
 * in `invalid` and fails every wait, so a test that reads CLI output also checks its format.
 */
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { z } from 'zod';
import { events, isEventName, type EventName, type EventPayload } from '../src-shared/contract';
import { CliEnvelopeSchema, cliOutput, isCliLineName, type CliCommandName, type CliLineName, type CliResult } from '../src-shared/contract/cli';

export type CliLineKind = EventName | CliLineName;
export type PayloadOf<N extends CliLineKind> = N extends EventName ? EventPayload<N> : N extends CliLineName ? z.output<(typeof cliOutput)[N]['payload']> : never;
export interface CliLine {
  event: string;
  at: number;
  payload: unknown;
}

/** The schema of a line's payload, or undefined for a name neither the contract nor the CLI knows. */
function payloadSchema(name: string): z.ZodType | undefined {
  if (isCliLineName(name)) return cliOutput[name].payload;
  if (isEventName(name)) return events[name].payload as z.ZodType;
  return undefined;
}

/** One line of --json output, checked; throws with what is wrong. */
export function parseCliLine(text: string): CliLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`not JSON: ${text.slice(0, 300)}`);
  }
  const env = CliEnvelopeSchema.safeParse(raw);
  if (!env.success) throw new Error(`not a CLI envelope (${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}): ${text.slice(0, 300)}`);
  const schema = payloadSchema(env.data.event);
  if (!schema) throw new Error(`"${env.data.event}" is neither a contract event nor a CLI line: ${text.slice(0, 300)}`);
  const p = schema.safeParse(env.data.payload);
  if (!p.success) throw new Error(`${env.data.event}: the payload does not match its schema (${p.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}): ${text.slice(0, 500)}`);
  return { event: env.data.event, at: env.data.at, payload: p.data };
}

/** Every line of a finished run's stdout, checked (blank lines ignored). */
export function parseCliOutput(stdout: string | string[]): CliLine[] {
  const lines = typeof stdout === 'string' ? stdout.split(/\r?\n/) : stdout;
  return lines.filter((l) => l.trim() !== '').map(parseCliLine);
}

/** The payloads of one kind of line, in order. */
export function payloads<N extends CliLineKind>(lines: readonly CliLine[], name: N): PayloadOf<N>[] {
  return lines.filter((l) => l.event === name).map((l) => l.payload as PayloadOf<N>);
}

/** The command's result: the last line, which must be cli.result (and the only one). */
export function resultOf<C extends CliCommandName = CliCommandName>(lines: readonly CliLine[]): CliResult<C> {
  const last = lines.at(-1);
  if (last?.event !== 'cli.result') throw new Error(`the last line is not cli.result: ${JSON.stringify(last)?.slice(0, 300)}`);
  if (lines.filter((l) => l.event === 'cli.result').length !== 1) throw new Error('more than one cli.result line');
  return last.payload as CliResult<C>;
}

/** A successful result's value (throws with the error otherwise). */
export function valueOf<C extends CliCommandName>(lines: readonly CliLine[], command: C): Extract<CliResult<C>, { ok: true }>['value'] {
  const r = resultOf<C>(lines);
  if (r.command !== command) throw new Error(`the result is of ${r.command}, not ${command}`);
  if (!r.ok) throw new Error(`${command} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A spawned CLI's stdout as checked lines, as they come. */
export class CliLines {
  readonly lines: CliLine[] = [];
  readonly stderr: string[] = [];
  /** Lines that are not valid CLI output (each with the reason). */
  readonly invalid: string[] = [];
  private waiters: { pred: (l: CliLine) => boolean; resolve: (l: CliLine) => void; reject: (e: Error) => void }[] = [];

  constructor(child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.trim() === '') return;
      let line: CliLine;
      try {
        line = parseCliLine(text);
      } catch (err) {
        this.invalid.push((err as Error).message);
        for (const w of this.waiters.splice(0)) w.reject(new Error(`invalid CLI output: ${(err as Error).message}`));
        return;
      }
      this.lines.push(line);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(line)) return true;
        w.resolve(line);
        return false;
      });
    });
    child.stderr?.on('data', (d: Buffer) => this.stderr.push(d.toString()));
  }

  /** The payloads of one kind of line so far. */
  of<N extends CliLineKind>(name: N): PayloadOf<N>[] {
    return payloads(this.lines, name);
  }

  /** The first line of kind `name` (seen already or to come) whose payload matches. */
  async waitFor<N extends CliLineKind>(name: N, match: (p: PayloadOf<N>) => boolean = () => true, timeoutMs = 15_000, what = `a ${name} line`): Promise<PayloadOf<N>> {
    const line = await this.waitForLine((l) => l.event === name && match(l.payload as PayloadOf<N>), timeoutMs, what);
    return line.payload as PayloadOf<N>;
  }

  /** The command's cli.result line. */
  async result<C extends CliCommandName = CliCommandName>(timeoutMs = 15_000): Promise<CliResult<C>> {
    return (await this.waitForLine((l) => l.event === 'cli.result', timeoutMs, 'the cli.result line')).payload as CliResult<C>;
  }

  /** The first line (seen already or to come) that matches. */
  waitForLine(pred: (l: CliLine) => boolean, timeoutMs = 15_000, what = 'a matching line'): Promise<CliLine> {
    if (this.invalid.length) return Promise.reject(new Error(`invalid CLI output: ${this.invalid[0]}`));
    const found = this.lines.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.lines).slice(-2000)}; stderr: ${this.stderr.join('').slice(0, 2000)}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (l) => {
          clearTimeout(t);
          resolve(l);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
    });
  }
}

/** A finished CLI run: its exit code, every stdout line checked, stderr, and when it exited (Date.now()). */
export interface CliRun {
  code: number;
  lines: CliLine[];
  stderr: string;
  exitedAt: number;
}

/**
 * Every stdout line of a spawned --json CLI, checked as it comes (`onLine` sees each one); resolves when the
 * process closes, rejects if any line is not valid CLI output. Killed (SIGKILL) after `killAfterMs`.
 */
export function collectCliRun(child: ChildProcess, opts: { onLine?: (l: CliLine) => void; killAfterMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const lines: CliLine[] = [];
    const invalid: string[] = [];
    let stderr = '';
    readline.createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.trim() === '') return;
      try {
        const line = parseCliLine(text);
        lines.push(line);
        opts.onLine?.(line);
      } catch (err) {
        invalid.push((err as Error).message);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const t = opts.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
    child.on('close', (code) => {
      clearTimeout(t);
      if (invalid.length) reject(new Error(`invalid CLI output: ${invalid.join('\n')}`));
      else resolve({ code: code ?? -1, lines, stderr, exitedAt: Date.now() });
    });
  });
}
