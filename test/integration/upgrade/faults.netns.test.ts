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
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinPartition, type StandinRouter } from '../../../test-support/router-standin';
import { collectCliRun, resultOf, type CliLine, type CliRun } from '../../../test-support/cli-lines';
import { openwrtImage, sha256, vendorImage } from '../../../test-support/upgrade-images';

const support = netnsSupport();
if (!support.ok) reportSkip('upgrade faults (stand-in router)', support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const MIB = 1024 * 1024;

/** Pull the cable once the router started writing (the wait step began): this computer's side of the link goes down. */
function pullCableWhileWriting(lan: RescueLan): { onLine: (l: CliLine) => void; pulled: () => boolean; plugBack: () => void } {
  let pulled = false;
  return {
    onLine: (l) => {
      if (pulled || l.event !== 'playbook.run') return;
      const wait = (l.payload as { steps: Array<{ id: string; state: string }> }).steps.find((st) => st.id === 'wait');
      if (wait?.state === 'active') {
        pulled = true;
        lan.station.exec('ip', ['link', 'set', lan.stationIf, 'down']);
      }
    },
    pulled: () => pulled,
    plugBack: () => void lan.station.exec('ip', ['link', 'set', lan.stationIf, 'up']),
  };
}

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

function wrt32x(): StandinPartition[] {
  return [
    { name: 'u-boot', size: 0x200000, readOnly: true, type: 'nand', erasesize: 0x20000 },
    { name: 'u_env', size: 0x20000, type: 'nand', erasesize: 0x20000 },
    { name: 'kernel1', size: 0x7b00000, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'rootfs1', size: 0x7800000, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'kernel2', size: 0x7b00000, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'rootfs2', size: 0x7800000, type: 'nand', erasesize: 0x20000, sparse: true },
  ];
}

describe.skipIf(!support.ok)('the cable pulled while a Linksys WRT32X writes', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const vendor = vendorImage();
  beforeAll(async () => {
    lan = createRescueLan('upfc');
    router = await startStandinRouter(lan, {
      partitions: wrt32x(),
      boardName: 'linksys,wrt32x',
      model: 'Linksys WRT32X',
      ubootEnv: ['boot_part=1', 'bootcmd=run nandboot', 'auto_recovery=yes', 'priKernSize=0x0300000'],
      openwrt: { release: '19.07.9', revision: 'r11364-ef56c85848' },
      upgrade: { bootDelayMs: 1000, images: { [sha256(vendor)]: { kind: 'vendor', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58', needsRootfsSize: 0x7800000 } } },
    });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-upfc-'));
    fs.writeFileSync(path.join(tmp, 'FW_WRT32X_1.0.180404.58.img'), vendor);
  }, 60_000);
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('router not back: slot 1 still holds the old firmware, three interrupted starts, and boot-slot once it answers', async () => {
    const cable = pullCableWhileWriting(lan);
    try {
      const [cmd, cargs] = nodeTsArgs(CLI, ['firmware', 'flash', '--host', '192.168.1.1', '--ssh', '--file', path.join(tmp, 'FW_WRT32X_1.0.180404.58.img'), '--force', '--yes', '--return-timeout', '5', '--json']);
      const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(tmp, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
      const r = await collectCliRun(p, { onLine: cable.onLine, killAfterMs: 90_000 });
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
