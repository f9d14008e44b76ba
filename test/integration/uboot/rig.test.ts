/**
 * The full U-Boot sequence against a real U-Boot (Debian's u-boot-qemu under QEMU), driven by our CLI through
 * our serial service and served by our TFTP server: stop autoboot, printenv and bdinfo parsed, a load address
 * chosen, tftpboot verified by size and crc32, the FIT booted to the busybox initramfs shell, and a command run
 * in that shell over the same serial port. One QEMU boot for the whole suite (each costs tens of seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { netnsSupport, nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';
import type { UbootStep } from '../../../src-shared/capabilities/uboot';
import { buildGuest, rigSupport, type Guest } from '../../../test-support/rig/guest';
import { startRig, type Rig } from '../../../test-support/rig/qemu';
import { SerialService } from '../../../src-main/capabilities/serial/service';
import { crc32 } from '../../../src-shared/capabilities/uboot/parser';

const SUITE = 'uboot on the QEMU rig';
const ns = netnsSupport();
const rs = rigSupport();
const support = !ns.ok ? ns : rs;
if (!support.ok) reportSkip(SUITE, support.reason);

describe.skipIf(!support.ok)(SUITE, () => {
  let guest: Guest;
  let rig: Rig;
  let lines: CliLines;
  /** The last word of each step (uboot.step events that are not 'running'). */
  const stepsOf = (out: CliLines): Record<string, UbootStep> => Object.fromEntries(out.of('uboot.step').filter((s) => s.state !== 'running').map((s) => [s.step, s]));
  let exit: Promise<number | null>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uboot-test-'));

  beforeAll(async () => {
    guest = buildGuest();
    rig = await startRig({ tag: 'uboot' });
  }, 600_000);

  afterAll(async () => {
    await rig?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops autoboot, reads env and memory, tftpboots our file verified by size and crc32, boots to the shell', async () => {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', [
      'uboot', '--port', rig.serialPath, '--baud', '115200', '--ip', '192.168.1.1', '--server-ip', '192.168.1.10',
      '--file', guest.fit, '--boot', '--bootargs', 'console=ttyAMA0', '--wait', '60', '--json',
    ]);
    const child = rig.ns.spawn(cmd, args, { cwd: process.cwd(), env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    lines = new CliLines(child);
    exit = new Promise((r) => child.once('exit', (code) => r(code)));
    await lines.waitFor('serial.session', (s) => s.state === 'open', 30_000, 'the port to open');
    rig.powerOn(); // the router switches on with the console already attached
    const result = await lines.result<'uboot'>(280_000);
    const code = await exit;
    const steps = stepsOf(lines);
    expect(result, JSON.stringify(lines.lines.slice(-6))).toMatchObject({ command: 'uboot', ok: true, value: { state: 'done' } });
    expect(code).toBe(0);
    // the run as the last uboot.state event reported it
    expect(result.value).toEqual(lines.of('uboot.state').at(-1));

    expect(steps['check-file']!.detail).toMatchObject({ imageKind: 'fit', kernelLoad: '0x40400000' });
    expect(steps['stop-autoboot']!.state).toBe('done');
    expect(lines.of('serial.match').some((m) => m.match.kind === 'uboot-autoboot')).toBe(true);
    expect(steps['read-env']!.detail).toMatchObject({ loadaddr: '0x40200000', kernel_addr_r: '0x40400000' });
    expect(Number(steps['read-env']!.detail!.count)).toBeGreaterThan(40);
    expect(steps['read-memory']!.detail!.dram).toMatch(/^0x40000000–0x4fffffff \(256 MiB\)/);
    // The FIT's kernel goes to 0x40400000, so loadaddr (0x40200000) would be overwritten: a computed address is used.
    expect(steps['choose-load-address']!.detail).toMatchObject({ source: 'computed', imageKind: 'fit', kernelLoad: '0x40400000' });
    expect(steps['start-server']!.detail).toMatchObject({ address: '192.168.1.10', port: 69 });
    const image = fs.readFileSync(guest.fit);
    expect(steps['tftpboot']!.detail).toMatchObject({ bytes: image.length, serverBytes: image.length });
    expect(steps['verify']!.detail).toMatchObject({ size: image.length, routerCrc32: crc32(image).toString(16).padStart(8, '0'), hostCrc32: crc32(image).toString(16).padStart(8, '0') });
    const progress = lines.of('uboot.progress').map((p) => p.percent);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(100);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(steps['boot']!.detail).toMatchObject({ command: expect.stringMatching(/^bootm 0x[0-9a-f]{8}$/) });
    expect(steps['follow-boot']!.detail).toMatchObject({ reached: 'shell-prompt', prompt: guest.prompt, kernel: guest.kernelRelease });
    // the session log was written, with timestamps
    const logs = fs.readdirSync(path.join(dataDir, 'serial-logs'));
    expect(logs.length).toBe(1);
    expect(fs.readFileSync(path.join(dataDir, 'serial-logs', logs[0]!), 'utf8')).toMatch(/^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] U-Boot 2023/m);
  }, 300_000);

  it('the booted guest answers a command over the same serial port', async () => {
    const serial = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir });
    const s = await serial.open(rig.serialPath, { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' });
    try {
      let text = '';
      serial.tap(s.id, (c) => (text += c.toString('latin1')));
      await serial.write(s.id, Buffer.from('uname -r; echo RB-$((6*7))\r'));
      const deadline = Date.now() + 20_000;
      while (!text.includes('RB-42') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(text).toContain(guest.kernelRelease);
      expect(text).toContain('RB-42');
    } finally {
      await serial.dispose();
    }
  }, 60_000);
  it('a bare zImage is booted with bootz and the bootloader\'s device tree; its kernel panic (no root) is reported, exit 1', async () => {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['uboot', '--port', rig.serialPath, '--file', guest.zImage, '--boot', '--bootargs', 'console=ttyAMA0', '--wait', '60', '--json']);
    const child = rig.ns.spawn(cmd, args, { cwd: process.cwd(), env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new CliLines(child);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await out.waitFor('serial.session', (s) => s.state === 'open', 30_000, 'the port to open');
    rig.monitor('system_reset'); // switch the router off and on with the console attached
    const result = await out.result<'uboot'>(280_000);
    expect(await exited).toBe(1);
    expect(result).toMatchObject({ command: 'uboot', ok: false, error: { code: 'UBOOT_KERNEL_PANIC' }, value: { state: 'failed', error: { code: 'UBOOT_KERNEL_PANIC' } } });
    const steps = stepsOf(out);
    expect(steps['check-file']!.detail).toMatchObject({ imageKind: 'zimage' });
    expect(steps['choose-load-address']!.detail).toMatchObject({ source: 'loadaddr', address: '0x40200000' });
    expect(steps['verify']!.state).toBe('done');
    expect(steps['boot']!.detail!.command).toMatch(/^bootz 0x40200000 - 0x[0-9a-f]+$/);
    expect(steps['follow-boot']!.state).toBe('failed');
  }, 300_000);
});
