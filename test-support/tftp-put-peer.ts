/**
 * The station side of the upload client's real-peer tests: test-support/tftp-put-runner.ts running inside the
 * station namespace, driven from the test process (which stays in the root namespace).
 */
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { TftpPutOptions, TftpPutResult } from '../src-main/capabilities/tftp/client';
import type { RbErrorShape } from '../src-shared/errors';
import { nodeTsArgs, type Netns } from './netns';

export type PutOutcome = { ok: true; result: TftpPutResult } | { ok: false; error: RbErrorShape };

export interface PutRunner {
  put(options: Omit<TftpPutOptions, 'source' | 'signal' | 'onProgress'> & { source: { path: string } }): Promise<PutOutcome>;
  /** Cancel the most recent upload (its AbortSignal). */
  cancelLast(): void;
  close(): void;
}

export function startPutRunner(ns: Netns): PutRunner {
  const [cmd, args] = nodeTsArgs('test-support/tftp-put-runner.ts', []);
  const p: ChildProcess = ns.spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map<number, (o: PutOutcome) => void>();
  let next = 1;
  readline.createInterface({ input: p.stdout! }).on('line', (line) => {
    const m = JSON.parse(line) as { id: number } & PutOutcome;
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  p.on('exit', (code) => {
    for (const w of waiting.values()) w({ ok: false, error: { code: 'RUNNER_EXITED', message: `the put runner exited with ${code}` } });
    waiting.clear();
  });
  return {
    cancelLast() {
      p.stdin!.write(`${JSON.stringify({ cancel: next - 1 })}\n`);
    },
    put(options) {
      const id = next++;
      return new Promise<PutOutcome>((resolve) => {
        waiting.set(id, resolve);
        p.stdin!.write(`${JSON.stringify({ id, options })}\n`);
      });
    },
    close() {
      p.stdin!.end();
      p.kill('SIGTERM');
    },
  };
}
