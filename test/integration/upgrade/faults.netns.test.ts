/**
 * Faults of issue 14 on a router with little memory: the stand-in's /tmp is a real 12 MiB tmpfs (so busybox df
 * reports it and a write past it fails with the kernel's "No space left on device").
 *  - an image bigger than the free /tmp: refused before anything is sent (three parts, exit 1, nothing copied);
 *  - a router that runs out of memory during the copy (something else fills /tmp once the copy began): the
 *    router's own write error becomes ROUTER_TMP_FULL in three parts, nothing written, no restart;
 *  - the cable pulled while the router writes (this computer's link goes down once sysupgrade started and stays
 *    down): ROUTER_NOT_BACK with the advice for the layout — a single-firmware router (rescue mode, the maker's
 *    TFTP recovery) and a Linksys dual-slot router (the other slot still holds the old firmware, three
 *    interrupted starts, `firmware boot-slot`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { resultOf, type CliLine, type CliRun } from '../../../test-support/cli-lines';
import { cli as rigCli, pullCableWhileWriting, ROOTFS_3M, VENDOR_FILE, WRT_ENV_3M, wrt32x } from '../../../test-support/upgrade-rig';
import { openwrtImage, sha256, vendorImage } from '../../../test-support/upgrade-images';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade faults (stand-in router)', support.reason);

const MIB = 1024 * 1024;

describe.skipIf(!support.ok)('firmware flash on a router with a 12 MiB /tmp', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const cli = (args: string[], onLine?: (l: CliLine) => void): Promise<CliRun> => rigCli(lan, path.join(tmp, 'data'), args, { ...(onLine ? { onLine } : {}), killAfterMs: 90_000 });
  const big = openwrtImage({ board: 'rescue-bench,standin', devices: ['rescue-bench,standin'], compat: '1.0', version: '24.10.4', kernelBytes: 14 * MIB, seed: 21 });
  const small = openwrtImage({ board: 'rescue-bench,standin', devices: ['rescue-bench,standin'], compat: '1.0', version: '24.10.4', kernelBytes: 1 * MIB, seed: 23 });
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
    fs.writeFileSync(path.join(tmp, 'small-sysupgrade.bin'), small);
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

  it('the cable pulled while the router writes (single firmware): router not back, rescue mode and TFTP advice', async () => {
    const cable = pullCableWhileWriting(lan);
    try {
      const r = await cli(['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'small-sysupgrade.bin'), '--return-timeout', '5', '--json'], cable.onLine);
      expect(cable.pulled()).toBe(true);
      expect(r.code).toBe(1);
      const res = resultOf<'firmware flash'>(r.lines);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('ROUTER_NOT_BACK');
      expect(res.error.message).toMatch(/has not answered for \d+ s since it started writing/);
      expect(res.error.meaning).toMatch(/start it in rescue mode \(failsafe\) or use the maker's recovery \(TFTP\)/);
      expect(res.error.meaning).not.toMatch(/Slot \d still holds/);
      expect(res.error.fix).toMatch(/check its lights and use rescue mode/);
    } finally {
      cable.plugBack();
    }
  }, 90_000);
});

describe.skipIf(!support.ok)('the cable pulled while a Linksys WRT32X writes', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const vendor = vendorImage();
  beforeAll(async () => {
    lan = createRescueLan('upfc');
    router = await startStandinRouter(lan, {
      partitions: wrt32x(ROOTFS_3M),
      boardName: 'linksys,wrt32x',
      model: 'Linksys WRT32X',
      ubootEnv: WRT_ENV_3M,
      openwrt: { release: '19.07.9', revision: 'r11364-ef56c85848' },
      upgrade: { bootDelayMs: 1000, images: { [sha256(vendor)]: { kind: 'vendor', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58', needsRootfsSize: ROOTFS_3M } } },
    });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upfc-'));
    fs.writeFileSync(path.join(tmp, VENDOR_FILE), vendor);
  }, 60_000);
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('router not back: slot 1 still holds the old firmware, three interrupted starts, and boot-slot once it answers', async () => {
    const cable = pullCableWhileWriting(lan);
    try {
      const r = await rigCli(lan, path.join(tmp, 'data'), ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, VENDOR_FILE), '--force', '--yes', '--return-timeout', '5', '--json'], { onLine: cable.onLine, killAfterMs: 90_000 });
      expect(cable.pulled()).toBe(true);
      expect(r.code).toBe(1);
      const res = resultOf<'firmware flash'>(r.lines);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('ROUTER_NOT_BACK');
      expect(res.error.meaning).toContain('Slot 1 still holds the firmware the router ran before; only slot 2 was written.');
      expect(res.error.meaning).toMatch(/Switch the router off and on three times in a row/);
      expect(res.error.meaning).toMatch(/fw_setenv boot_part 1/);
      expect(res.error.fix).toMatch(/power-cycle as described above/);
      // the router itself did write the other slot (the cable, not the router, failed)
      expect(router.env().boot_part).toBe('2');
    } finally {
      cable.plugBack();
    }
  }, 90_000);
});
