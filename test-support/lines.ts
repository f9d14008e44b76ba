import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** Collect a child's stdout as JSON lines and wait for the one that matches. */
export class JsonLines {
  readonly lines: Record<string, unknown>[] = [];
  readonly stderr: string[] = [];
  private waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];

  constructor(child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(line);
      } catch {
        return;
      }
      this.lines.push(obj);
      this.waiters = this.waiters.filter((w) => {
        if (w.pred(obj)) {
          w.resolve(obj);
          return false;
        }
        return true;
      });
    });
    child.stderr?.on('data', (d: Buffer) => this.stderr.push(d.toString()));
  }

  waitFor(pred: (l: Record<string, unknown>) => boolean, timeoutMs = 15_000, what = 'a matching line'): Promise<Record<string, unknown>> {
    const found = this.lines.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.lines).slice(0, 2000)}; stderr: ${this.stderr.join('').slice(0, 2000)}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (l) => { clearTimeout(t); resolve(l); } });
    });
  }
}
