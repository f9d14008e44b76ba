/**
 * The serial service reads on the event loop, not through libuv's thread pool (direct-read.ts, decision 0022).
 * Proof that would fail without it: every thread-pool worker is parked on a blocking read of a FIFO (as a
 * busy pool would be, e.g. by hashing a backup or writing a dump), then U-Boot's countdown arrives on the
 * serial line. The watcher must still see it and the stop key must still go out at once; with serialport's
 * own `fs.read` the chunk would wait behind the parked workers until they are released.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ptyPair, socatSupport } from '../../../test-support/rig/pty';
import { reportSkip } from '../../../test-support/netns';
import { SerialService } from '../../../src-main/capabilities/serial/service';
import type { WatchMatch } from '../../../src-shared/capabilities/serial/watchers';

const SUITE = 'serial reads bypass the thread pool';
const socat = socatSupport();
if (!socat.ok) reportSkip(SUITE, socat.reason);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-serial-direct-'));
const procs: ChildProcess[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterAll(() => {
  for (const p of procs) p.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!socat.ok)(SUITE, () => {
  it('answers the countdown while every thread-pool worker is busy', async () => {
    const pair = await ptyPair(dir, 'direct');
    procs.push(pair.proc);
    const matches: WatchMatch[] = [];
    const service = new SerialService({ data: () => undefined, match: (_id, _at, m) => matches.push(m), session: () => undefined }, { dataDir: dir, presencePollMs: 60_000 });
    const s = await service.open(pair.ours, { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' }, 'generic', true);
    // the router's end, written and read with plain syscalls so the test itself needs no pool thread
    const peer = fs.openSync(pair.peer, fs.constants.O_RDWR | fs.constants.O_NOCTTY | fs.constants.O_NONBLOCK);
    const fifo = path.join(dir, 'park');
    execFileSync('mkfifo', [fifo]);
    const parkFd = fs.openSync(fifo, 'r+');
    const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const parked = Array.from({ length: poolSize }, () => new Promise<void>((r) => fs.read(parkFd, Buffer.alloc(1), 0, 1, null, () => r())));
    try {
      await sleep(100); // the workers are now blocked in read(2) on the FIFO
      fs.writeSync(peer, '\r\nU-Boot 2023.01\r\nHit any key to stop autoboot:  3 ');
      const t0 = Date.now();
      let back = '';
      while (!back.length && Date.now() - t0 < 1500) {
        await sleep(5);
        try {
          const b = Buffer.alloc(64);
          const n = fs.readSync(peer, b, 0, 64, null);
          back += b.subarray(0, n).toString('latin1');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        }
      }
      expect(matches.map((m) => m.kind)).toContain('uboot-autoboot');
      expect(back.length).toBeGreaterThan(0); // the stop key came back while the pool was still parked
      expect(Date.now() - t0).toBeLessThan(1500);
    } finally {
      fs.writeSync(fs.openSync(fifo, 'w'), Buffer.alloc(poolSize)); // release the workers
      await Promise.all(parked);
      fs.closeSync(parkFd);
      fs.closeSync(peer);
      await service.close(s.id);
      await service.dispose();
    }
  });
});
