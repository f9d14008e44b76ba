/**
 * `uboot --interface IF` (issue 17, decision 0155): a real U-Boot (Debian's u-boot-qemu under QEMU, its network a
 * tap in a namespace the rig creates and deletes) on a card that has only this computer's 192.168.1.50. The card is
 * given its own router place for the command (net.slot.open: 192.168.1.60, its table and rule); U-Boot is told
 * that address as its server, and our TFTP server binds it — the file arrives whole (size and crc32 checked by the
 * run), and nothing of the set-up is left afterwards. --interface with --server-ip is a usage error before
 * anything is set up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';
import type { UbootStep } from '../../../src-shared/capabilities/uboot';
import { startRig, type Rig } from '../../../test-support/rig/qemu';
import { ubootRigSupport } from '../../../test-support/uboot-tftp-driver';

const SUITE = 'uboot --interface on the QEMU rig';
const support = ubootRigSupport();
if (!support.ok) reportSkip(SUITE, support.reason);

describe.skipIf(!support.ok)(SUITE, () => {
  let rig: Rig;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uboot-if-'));
  const image = path.join(dataDir, 'payload.bin');

  beforeAll(async () => {
    fs.writeFileSync(image, crypto.createHash('sha512').update('uboot --interface').digest().toString('hex').repeat(4096)); // 512 KiB
    rig = await startRig({ tag: 'ubif', stationCidr: '192.168.1.50/24' });
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function run(args: string[]): { lines: CliLines; exit: Promise<number | null> } {
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['uboot', ...args, '--json']);
    const child = rig.ns.spawn(cmd, a, { cwd: process.cwd(), env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { lines: new CliLines(child), exit: new Promise((r) => child.once('exit', (code) => r(code))) };
  }

  it('--interface with --server-ip is refused before anything is set up (exit 2)', async () => {
    const { lines, exit } = run(['--port', rig.serialPath, '--interface', rig.tap, '--server-ip', '192.168.1.50', '--file', image]);
    expect(await exit).toBe(2);
    expect(lines.stderr.join('')).toContain('choose --server-ip ADDR or --interface IF, not both');
    expect(rig.ns.exec('ip', ['-4', 'addr', 'show']).toString()).not.toContain('192.168.1.60');
  }, 60_000);

  it("the TFTP server binds the card's own address, U-Boot fetches from it, the file is verified; nothing is left", async () => {
    const { lines, exit } = run(['--port', rig.serialPath, '--ip', '192.168.1.1', '--interface', rig.tap, '--file', image, '--wait', '60']);
    await lines.waitFor('serial.session', (s) => s.state === 'open', 30_000, 'the port to open');
    rig.powerOn();
    const result = await lines.result<'uboot'>(150_000);
    const code = await exit;
    expect(result, JSON.stringify(lines.lines.slice(-6))).toMatchObject({ command: 'uboot', ok: true, value: { state: 'done' } });
    expect(code).toBe(0);
    const steps: Record<string, UbootStep> = Object.fromEntries(lines.of('uboot.step').filter((s) => s.state !== 'running').map((s) => [s.step, s]));
    // U-Boot was told the card's own address, and our server listened there only
    expect(steps['set-network']!.detail).toMatchObject({ ipaddr: '192.168.1.1', serverip: '192.168.1.60' });
    expect(steps['start-server']!.detail).toMatchObject({ address: '192.168.1.60', port: 69 });
    expect(steps.tftpboot!.detail).toMatchObject({ bytes: fs.statSync(image).size });
    expect(steps.verify!.state).toBe('done');
    // the card's set-up is undone at the end: this computer's own address stays, the slot's is gone
    const addrs = rig.ns.exec('ip', ['-4', 'addr', 'show', 'dev', rig.tap]).toString();
    expect(addrs).toContain('192.168.1.50');
    expect(addrs).not.toContain('192.168.1.60');
    expect(rig.ns.exec('ip', ['rule', 'show']).toString()).not.toMatch(/lookup 71[7-9]\d/);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'net-slots.json'), 'utf8'))).toEqual([]);
  }, 200_000);
});
