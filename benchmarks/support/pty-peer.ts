/**
 * Drives benchmarks/support/pty-peer.py (the router's end: one real pty per side, no relay process in between).
 * `start()` returns the pty paths for the sides to open; `run()` starts the trials and resolves with each
 * side's round-trip times in ms.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export interface PtyPeer {
  ptys: string[];
  run(): Promise<number[][]>;
  kill(): void;
}

export async function startPtyPeer(opts: { sides: number; trials: number; warmup: number; line: string; want: string; prelude?: string }): Promise<PtyPeer> {
  const script = new URL('./pty-peer.py', import.meta.url).pathname;
  const child = spawn('python3', [script, String(opts.sides), String(opts.trials), String(opts.warmup), opts.line, opts.want, ...(opts.prelude ? [opts.prelude] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rl = readline.createInterface({ input: child.stdout! });
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let exitCode: number | null | undefined;
  rl.on('line', (l) => {
    lines.push(l);
    wake?.();
  });
  child.once('exit', (c) => {
    exitCode = c;
    wake?.();
  });
  child.once('error', () => {
    exitCode ??= null; // python3 could not be started
    wake?.();
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (!lines.length) {
      if (exitCode !== undefined) throw new Error(`pty peer exited (${exitCode}) without output: is python3 installed?`);
      await new Promise<void>((r) => (wake = r));
    }
    return JSON.parse(lines.shift()!);
  };
  const first = await next();
  return {
    ptys: first.ptys as string[],
    async run() {
      child.stdin!.write('go\n');
      const r = await next();
      if (r.error) throw new Error(String(r.error));
      return r.sides as number[][];
    },
    kill: () => child.kill(),
  };
}
