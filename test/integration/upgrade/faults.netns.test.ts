/**
 * Faults of issue 14 on a router with little memory: the stand-in's /tmp is a real 12 MiB tmpfs (so busybox df
 * reports it and a write past it fails with the kernel's "No space left on device").
 *  - an image bigger than the free /tmp: refused before anything is sent (three parts, exit 1, nothing copied);
 *  - a router that runs out of memory during the copy (something else fills /tmp once the copy began): the
 *    router's own write error becomes ROUTER_TMP_FULL in three parts, nothing written, no restart.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { collectCliRun, resultOf, type CliLine, type CliRun } from '../../../test-support/cli-lines';
import { openwrtImage } from '../../../test-support/upgrade-images';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade faults (stand-in router)', support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const MIB = 1024 * 1024;

describe.skipIf(!support.ok)('firmware flash on a router with a 12 MiB /tmp', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const cli = (args: string[], onLine?: (l: CliLine) => void): Promise<CliRun> => {
    const [cmd, cargs] = nodeTsArgs(CLI, args);
    const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(tmp, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    return collectCliRun(p, { ...(onLine ? { onLine } : {}), killAfterMs: 90_000 });
  };
  const big = openwrtImage({ board: 'rescue-bench,standin', devices: ['rescue-bench,standin'], compat: '1.0', version: '24.10.4', kernelBytes: 14 * MIB, seed: 21 });
  const mid = openwrtImage({ board: 'rescue-bench,standin', devices: ['rescue-bench,standin'], compat: '1.0', version: '24.10.4', kernelBytes: 8 * MIB, seed: 22 });
  beforeAll(async () => {
    lan = createRescueLan('upft');
    router = await startStandinRouter(lan, {
      partitions: [
        { name: 'u-boot', size: 0x40000, readOnly: true },
        { name: 'firmware', size: 0x2000000, sparse: true },
      ],
      tmpSizeBytes: 12 * MIB,
      openwrt: { release: '23.05.5', revision: 'r24106-10cc5fcd00', compat: '1.0' },
      upgrade: { bootDelayMs: 1000, images: {} },
    });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upft-'));
    fs.writeFileSync(path.join(tmp, 'big-sysupgrade.bin'), big);
    fs.writeFileSync(path.join(tmp, 'mid-sysupgrade.bin'), mid);
  }, 60_000);
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('an image bigger than the free /tmp is refused before anything is sent', async () => {
    let uploaded = false;
    const r = await cli(['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'big-sysupgrade.bin'), '--json'], (l) => {
      if (l.event === 'upgrade.progress' && (l.payload as { stage: string }).stage === 'upload') uploaded = true;
    });
    expect(r.code).toBe(1);
    const res = resultOf<'firmware flash'>(r.lines);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('IMAGE_TOO_BIG_FOR_TMP');
    expect(res.error.message).toMatch(/does not fit in the router's memory: 1[12]\.\d MiB free in \/tmp/);
    expect(res.error.meaning).toBeTruthy();
    expect(res.error.fix).toMatch(/failsafe/);
    expect(uploaded).toBe(false);
    expect(fs.readdirSync(path.join(router.root, 'tmp')).filter((f) => f !== 'sysinfo')).toEqual([]);
    expect(router.reboots()).toEqual([]);
  }, 60_000);

  it('the router runs out of memory during the copy: its write error in three parts, nothing written, no restart', async () => {
    // the copy goes from this computer to the router: slow the station's side so the copy is still running when
    // something else on the router takes 8 of its 12 MiB
    lan.station.exec('tc', ['qdisc', 'add', 'dev', lan.stationIf, 'root', 'tbf', 'rate', '40mbit', 'burst', '32kb', 'latency', '400ms']);
    const filler = path.join(router.root, 'tmp', 'other-program.log');
    try {
      let filled = false;
      const r = await cli(['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'mid-sysupgrade.bin'), '--json'], (l) => {
        if (!filled && l.event === 'upgrade.progress' && (l.payload as { stage: string }).stage === 'upload') {
          filled = true;
          try {
            fs.writeFileSync(filler, Buffer.alloc(8 * MIB, 1));
          } catch {
            /* the tmpfs filled up first: just as full */
          }
        }
      });
      expect(filled).toBe(true);
      expect(r.code).toBe(1);
      const res = resultOf<'firmware flash'>(r.lines);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('ROUTER_TMP_FULL');
      expect(res.error.message).toMatch(/memory \(\/tmp\) filled up during the copy/);
      expect(res.error.meaning).toMatch(/Nothing was written to the flash/);
      expect(res.error.fix).toMatch(/failsafe/);
      expect(res.error.details).toMatch(/No space left on device/);
      expect(router.reboots()).toEqual([]);
    } finally {
      lan.station.exec('tc', ['qdisc', 'del', 'dev', lan.stationIf, 'root']);
      fs.rmSync(filler, { force: true });
    }
  }, 90_000);
});
