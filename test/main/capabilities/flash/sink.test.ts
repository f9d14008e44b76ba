import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drainToFile } from '../../../../src-main/capabilities/flash/sink';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-sink-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stream of `data` cut into chunks of random sizes (1 byte .. 70 KiB), yielding to the event loop now and then. */
function chunked(data: Buffer, seed = 1): Readable {
  let x = seed;
  const rnd = (): number => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let off = 0;
  return new Readable({
    read() {
      if (off >= data.length) return void this.push(null);
      const n = Math.max(1, Math.floor(rnd() * 70_000));
      const chunk = Buffer.from(data.subarray(off, off + n)); // a fresh buffer, like a socket read
      off += chunk.length;
      if (rnd() < 0.2) setImmediate(() => this.push(chunk));
      else this.push(chunk);
    },
  });
}

describe('drainToFile', () => {
  it('writes every byte in order and hashes them, across many blocks, flushing as it goes', async () => {
    const data = crypto.randomBytes(5 * 1024 * 1024 + 12345);
    const file = path.join(dir, 'out.bin');
    const fd = fs.openSync(file, 'w');
    const seen: number[] = [];
    const syncSpy = vi.spyOn(fs, 'fdatasync');
    const r = await drainToFile(chunked(data), fd, { algorithms: ['sha256', 'md5'], onBytes: (b) => seen.push(b), blockSize: 64 * 1024, syncEvery: 1 << 20 });
    fs.closeSync(fd);
    expect(r.bytes).toBe(data.length);
    expect(fs.readFileSync(file).equals(data)).toBe(true);
    expect(r.digests.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    expect(r.digests.md5).toBe(crypto.createHash('md5').update(data).digest('hex'));
    expect(seen.at(-1)).toBe(data.length);
    expect(seen.every((b, i) => i === 0 || b > seen[i - 1]!)).toBe(true);
    expect(syncSpy.mock.calls.length).toBeGreaterThanOrEqual(4); // ~5 flushes of 1 MiB while copying
    syncSpy.mockRestore();
  });

  it('small and empty streams: exact files and hashes', async () => {
    for (const size of [0, 1, 300_000]) {
      const data = crypto.randomBytes(size);
      const fd = fs.openSync(path.join(dir, `f${size}.bin`), 'w');
      const r = await drainToFile(Readable.from(size ? [data] : []), fd, { algorithms: ['sha256'] });
      fs.closeSync(fd);
      expect(r).toEqual({ bytes: size, digests: { sha256: crypto.createHash('sha256').update(data).digest('hex') } });
      expect(fs.readFileSync(path.join(dir, `f${size}.bin`)).equals(data)).toBe(true);
    }
  });

  it('pauses the source while too many blocks wait for the disk, and still delivers everything', async () => {
    const data = crypto.randomBytes(3 * 1024 * 1024);
    const src = chunked(data, 7);
    const pause = vi.spyOn(src, 'pause');
    const fd = fs.openSync(path.join(dir, 'bp.bin'), 'w');
    await drainToFile(src, fd, { algorithms: [], blockSize: 16 * 1024, maxQueued: 1 });
    fs.closeSync(fd);
    expect(pause).toHaveBeenCalled();
    expect(fs.readFileSync(path.join(dir, 'bp.bin')).equals(data)).toBe(true);
  });

  const noDevFull = !fs.existsSync('/dev/full');
  if (noDevFull) console.warn('skipping the full-disk (ENOSPC) test: this system has no /dev/full (Linux only)');
  it.skipIf(noDevFull)('a full disk rejects with ENOSPC and stops reading the source', async () => {
    const src = chunked(crypto.randomBytes(4 * 1024 * 1024), 3);
    const fd = fs.openSync('/dev/full', 'w');
    const err = await drainToFile(src, fd, { algorithms: ['sha256'], blockSize: 64 * 1024 }).catch((e: NodeJS.ErrnoException) => e);
    fs.closeSync(fd);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(src.destroyed).toBe(true);
  });

  it('a source that fails or closes early rejects only after the write in flight is done', async () => {
    const data = crypto.randomBytes(2 * 1024 * 1024);
    const fd = fs.openSync(path.join(dir, 'cut.bin'), 'w');
    const src = new Readable({ read() {} });
    const real = fs.writev.bind(fs) as (...a: unknown[]) => void;
    let landed = false;
    const writev = vi.spyOn(fs, 'writev').mockImplementation(((f: number, b: Buffer[], pos: number, cb: (e: Error | null, n: number) => void) =>
      setTimeout(() => real(f, b, pos, (e: Error | null, n: number) => {
        landed = true;
        cb(e, n);
      }), 150)) as unknown as typeof fs.writev);
    const p = drainToFile(src, fd, { algorithms: [], blockSize: 1 << 20 });
    let settled = false;
    p.catch(() => (settled = true));
    src.push(data); // one 2 MiB chunk: a (slow) write starts as soon as it is read
    await new Promise((r) => setImmediate(r));
    expect(writev).toHaveBeenCalledTimes(1);
    src.destroy(new Error('link dropped'));
    await new Promise((r) => setTimeout(r, 60));
    expect(settled).toBe(false); // the caller must not close the file while the write is on its way
    await expect(p).rejects.toThrow('link dropped');
    expect(landed).toBe(true);
    writev.mockRestore();
    fs.closeSync(fd);

    const fd2 = fs.openSync(path.join(dir, 'closed.bin'), 'w');
    const src2 = new Readable({ read() {} });
    const p2 = drainToFile(src2, fd2, { algorithms: [] });
    src2.push(Buffer.alloc(10));
    src2.destroy();
    await expect(p2).rejects.toThrow(/closed before its end/);
    fs.closeSync(fd2);
  });
});
