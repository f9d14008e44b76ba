/**
 * The backup's off-thread copy (decision 0125): two routers at 192.168.1.1 on two cards (stand-in routers with
 * real dropbear), both backed up at once with the copies on worker threads and on the main thread: the same
 * byte-exact files and the same manifest hashes. A copy thread that dies mid-copy fails its partition with a
 * three-part COPY_HELPER_FAILED (no partial file left, no hang) and a retry on a new thread finishes it; a cable
 * pulled mid-copy is SESSION_LOST as on the main thread.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsSupport, runInNetns, reportSkip } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { createStationLan, type StationLan } from '../../../test-support/station-lan';

const support = netnsSupport();
if (!support.ok) reportSkip('backup copy threads (stand-in routers)', support.reason);
const RUNNER = path.join(__dirname, 'pull-worker-runner.ts');

describe.skipIf(!support.ok)('backup copies on worker threads (two routers at 192.168.1.1)', () => {
  let lan: StationLan;
  const routers: StandinRouter[] = [];
  let tmp: string;
  let r: Record<string, any>;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-plw-'));
    lan = createStationLan('plw', 2);
    for (let i = 0; i < 2; i++)
      routers.push(
        await startStandinRouter(lan.cards[i]!, {
          partitions: [
            { name: 'art', size: 0x10000, data: crypto.randomBytes(0x10000) },
            { name: 'rootfs', size: 0x1000000, data: crypto.randomBytes(0x1000000) },
            { name: 'firmware', size: 0x200000, data: crypto.randomBytes(0x200000) },
          ],
        }),
      );
    r = runInNetns(lan.station.name, RUNNER, tmp, { dataDir: path.join(tmp, 'data'), cards: lan.cards.map((c) => c.stationIf), routerNs: lan.cards.map((c) => c.router.name) });
  }, 180_000);
  afterAll(() => {
    for (const x of routers) x.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('worker threads and the main thread give the same byte-exact files and manifest hashes', () => {
    expect(r.threads1).toBeGreaterThan(0); // the copies really ran on worker threads
    for (const i of [0, 1]) {
      for (const mode of ['mode1', 'mode0']) {
        const b = r[mode][i];
        expect(b.ok, JSON.stringify(b)).toBe(true);
        expect(b.leftovers).toEqual([]);
        b.partitions.forEach((p: { local: string; sha256: string; bytes: number }, k: number) => {
          expect(p.local).toBe(routers[i]!.sha256(k));
          expect(p.sha256).toBe(p.local);
        });
      }
      expect(r.mode1[i].partitions.map((p: { sha256: string; bytes: number }) => [p.sha256, p.bytes])).toEqual(r.mode0[i].partitions.map((p: { sha256: string; bytes: number }) => [p.sha256, p.bytes]));
    }
  });

  it('a copy thread that dies mid-copy fails its partition in three parts, leaves no partial file and no hang; a retry finishes it', () => {
    expect(r.ended).toBe(true);
    for (const b of r.crash) {
      expect(b.ok).toBe(false);
      expect(b.leftovers).toEqual([]);
      const rootfs = b.partitions.find((p: { name: string }) => p.name === 'rootfs');
      expect(rootfs.status).toBe('failed');
      expect(rootfs.sha256).toBeNull();
      expect(rootfs.error).toMatchObject({ code: 'COPY_HELPER_FAILED', message: expect.stringContaining('stopped unexpectedly'), meaning: expect.stringContaining('not kept'), fix: expect.stringContaining('Retry') });
      // the partitions after it were copied on a new thread
      expect(b.partitions.find((p: { name: string }) => p.name === 'firmware').status).toBe('ok');
    }
    expect(r.crashMs).toBeLessThan(60_000);
    // the retry copies the failed partition on a new thread, byte-exact
    expect(r.retry.ok, JSON.stringify(r.retry)).toBe(true);
    r.retry.partitions.forEach((p: { local: string }, k: number) => expect(p.local).toBe(routers[0]!.sha256(k)));
  });

  it('a cable pulled mid-copy on a worker thread is a lost connection for that partition, as on the main thread', () => {
    expect(r.cableMs).toBeLessThan(90_000);
    expect(r.pulled).toBe(true);
    const b = r.cable[1];
    expect(b.ok).toBe(false);
    expect(r.cable[0].ok, JSON.stringify(r.cable[0])).toBe(true); // the other router's backup went on
    expect(b.leftovers).toEqual([]);
    const rootfs = b.partitions.find((p: { name: string }) => p.name === 'rootfs');
    expect(rootfs.status).toBe('failed');
    expect(rootfs.error.code).toBe('SESSION_LOST');
    expect(rootfs.error.fix).toBeTruthy();
  });
});
