import fs from 'node:fs';
import path from 'node:path';

const stamp = (t: number): string => new Date(t).toISOString();
const fileStamp = (t: number): string => stamp(t).replace(/[:]/g, '').replace(/\..*$/, '').replace('T', '-');

/**
 * One log file per serial session in the data folder: every line of router output prefixed with the time
 * its first byte arrived, plus our own notes (opened, speed changed, unplugged…) marked with "##".
 */
export class SessionLog {
  readonly path: string;
  private fd: number | undefined;
  private atLineStart = true;

  constructor(dir: string, portPath: string, id: string, openedAt: number) {
    const base = path.basename(portPath).replace(/[^\w.-]/g, '_') || 'port';
    this.path = path.join(dir, `${fileStamp(openedAt)}-${base}-${id}.log`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      this.fd = fs.openSync(this.path, 'a');
    } catch {
      this.fd = undefined; // logging must never stop the console; the UI can still save its own copy
    }
  }

  data(chunk: Buffer, at: number): void {
    if (this.fd === undefined) return;
    const parts: Buffer[] = [];
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.atLineStart) {
        parts.push(Buffer.from(`[${stamp(at)}] `));
        this.atLineStart = false;
      }
      if (chunk[i] === 0x0a) {
        parts.push(chunk.subarray(from, i + 1));
        from = i + 1;
        this.atLineStart = true;
      }
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
    this.write(Buffer.concat(parts));
  }

  note(text: string, at = Date.now()): void {
    this.write(Buffer.from(`${this.atLineStart ? '' : '\n'}## [${stamp(at)}] ${text}\n`));
    this.atLineStart = true;
  }

  private write(b: Buffer): void {
    if (this.fd === undefined) return;
    try {
      fs.writeSync(this.fd, b);
    } catch {
      /* disk full: the console goes on */
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
