/**
 * Real tier: the virtual bench's QEMU guest (Debian armmp kernel, busybox initramfs) extended with nandsim —
 * a real Linux NAND driver stack — holding a router-sized layout filled with known data, real mtd-utils
 * (nanddump, nandwrite, flash_erase) and dropbear from Debian's armhf packages (test-support/rig/nand-guest.ts).
 * Our CLI runs in the rig's namespace: full backup over telnet + nc and over SSH, hashes equal to the known
 * data and to the guest's own; restore of the rootfs-like partition after damaging it, read back and checked;
 * the refusal of a u-boot restore without override, with the guest's u-boot partition unchanged. The names
 * (u-boot, u-boot-env, art, kernel, rootfs) come from the guest kernel's /proc/mtd: its cmdlinepart parser
 * with mtdparts=, as on a real router (see nand-guest.ts).
 */
import { DeviceInfoSchema } from '../../../src-shared/capabilities/device/contract';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsSupport, nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { rigSupport } from '../../../test-support/rig/guest';
import { buildFlashGuest, flashRigSupport, nandExpectedSha256, NAND_LAYOUT, startFlashRig, type FlashRig } from '../../../test-support/rig/nand-guest';
import { parseCliOutput, resultOf, type CliLine } from '../../../test-support/cli-lines';
import { ManifestSchema } from '../../../src-shared/capabilities/flash';

const SUITE = 'flash backup/restore on the QEMU NAND rig';
const ns = netnsSupport();
const rs = rigSupport();
const fs2 = flashRigSupport();
const support = !ns.ok ? ns : !rs.ok ? rs : fs2;
if (!support.ok) reportSkip(SUITE, support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
/** restore's result value: flash.restore.run's reply (the plan, and what was written and read back). */
const restoreOf = (r: { lines: CliLine[] }) => resultOf<'restore'>(r.lines).value!;
const PROBE = path.join(__dirname, '../helpers/session-probe.ts');

describe.skipIf(!support.ok)(SUITE, () => {
  let rig: FlashRig;
  let tmp: string;
  const expected = nandExpectedSha256();

  beforeAll(async () => {
    rig = await startFlashRig(buildFlashGuest());
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flrig-'));
  }, 900_000);
  afterAll(async () => {
    await rig?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The CLI in the rig's namespace; every stdout line checked against the CLI's output schemas (decision 0043). */
  function cli(args: string[]): Promise<{ code: number; lines: CliLine[]; stderr: string }> {
    const [cmd, cargs] = nodeTsArgs(CLI, args);
    return new Promise((resolve) => {
      const p = rig.ns.spawn(cmd, cargs, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout!.on('data', (d: Buffer) => (out += d));
      p.stderr!.on('data', (d: Buffer) => (err += d));
      p.on('close', (code) => resolve({ code: code ?? -1, lines: parseCliOutput(out), stderr: err }));
    });
  }
  function probe(args: string[]): Promise<Record<string, any>> {
    const [cmd, cargs] = nodeTsArgs(PROBE, args);
    return new Promise((resolve, reject) =>
      execFile('ip', ['netns', 'exec', rig.ns.name, cmd, ...cargs], { timeout: 180_000, maxBuffer: 16 << 20 }, (e, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout.trim().split('\n').pop()!));
        } catch {
          reject(new Error(`${e?.message}\n${stdout}\n${stderr}`));
        }
      }),
    );
  }
  const guestExec = async (method: 'ssh' | 'telnet', command: string): Promise<{ code: number; stdout: string }> =>
    (await probe(['exec', '192.168.1.1', '', method, command])).exec;
  function checkBackup(dir: string, method: string): void {
    const m = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
    expect(m.complete).toBe(true);
    expect(m.device.method).toBe(method);
    expect(m.device.identity.boardName).toBe('rescue-bench,nand-rig');
    expect(m.partitions).toHaveLength(NAND_LAYOUT.length);
    m.partitions.forEach((p, i) => {
      expect(p).toMatchObject({ index: i, name: NAND_LAYOUT[i]!.name, size: NAND_LAYOUT[i]!.size, erasesize: 0x2000, type: 'nand', readWith: 'nanddump --bb=skipbad', badBlocks: [], status: 'ok', sha256: expected[i] });
      expect(p.deviceHash).toEqual({ algorithm: 'sha256', value: expected[i], matches: true }); // the guest's own nanddump | sha256sum
      const file = fs.readFileSync(path.join(dir, p.file!));
      expect(file.length).toBe(NAND_LAYOUT[i]!.size);
      expect(file.subarray(0, 64).toString()).toContain(`partition ${NAND_LAYOUT[i]!.name}, line 0`);
    });
  }

  it('full backup over telnet + nc: nanddump per partition, hashes equal to the known data and the guest\'s own', async () => {
    const out = path.join(tmp, 'telnet');
    const r = await cli(['backup', '--host', '192.168.1.1', '--telnet', '--out', out, '--json']);
    expect(r.code, r.stderr + JSON.stringify(r.lines.slice(-3))).toBe(0);
    checkBackup(out, 'telnet');
  }, 300_000);

  it('full backup over SSH (Debian armhf dropbear in the guest)', async () => {
    const out = path.join(tmp, 'ssh');
    const r = await cli(['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', out, '--json']);
    expect(r.code, r.stderr + JSON.stringify(r.lines.slice(-3))).toBe(0);
    checkBackup(out, 'ssh');
  }, 300_000);

  it('restores the damaged rootfs-like partition with flash_erase + nandwrite, reads it back, and the guest agrees', async () => {
    const damage = await guestExec('telnet', 'flash_erase -q /dev/mtd4 0 4 && nanddump -q --bb=skipbad /dev/mtd4 | sha256sum');
    expect(damage.code).toBe(0);
    expect(damage.stdout.slice(0, 64)).not.toBe(expected[4]);
    const dry = await cli(['restore', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--from', path.join(tmp, 'ssh'), '--partition', 'rootfs', '--dry-run', '--json']);
    const plan = restoreOf(dry).plan;
    expect(plan.ok).toBe(true);
    expect(plan.steps[0]!.writer).toBe('nandwrite');
    expect(plan.steps[0]!.commands.join('\n')).toContain('flash_erase -q /dev/mtd4 0 0 && nandwrite -q -p /dev/mtd4 /tmp/rb-restore-mtd4.bin');
    expect(plan.steps[0]!.commands.join('\n')).not.toMatch(/\bdd\b|mtdblock/);
    const r = await cli(['restore', '--host', '192.168.1.1', '--telnet', '--from', path.join(tmp, 'ssh'), '--partition', 'rootfs', '--json']);
    expect(r.code, r.stderr + JSON.stringify(r.lines)).toBe(0);
    expect(restoreOf(r).results[0]).toMatchObject({ partition: 'rootfs', status: 'written', readBackSha256: expected[4] });
    const after = await guestExec('ssh', 'nanddump -q --bb=skipbad /dev/mtd4 | sha256sum');
    expect(after.stdout.slice(0, 64)).toBe(expected[4]);
  }, 300_000);

  it('discovery reads router names from the guest kernel and marks u-boot dangerous; a u-boot restore without override is refused and nothing is written', async () => {
    const probed = await probe(['discover', '192.168.1.1', '', 'telnet']);
    expect(probed.fatal).toBeUndefined();
    const device = DeviceInfoSchema.parse(probed.device); // what the UI would receive, checked against the contract
    expect(device.partitions.map((p) => p.name)).toEqual(NAND_LAYOUT.map((p) => p.name));
    const kinds = (name: string): string[] => (device.partitions.find((p) => p.name === name)?.danger ?? []).map((d) => d.kind);
    expect(kinds('u-boot')).toContain('bootloader');
    expect(kinds('u-boot-env')).toContain('bootloader-env');
    expect(kinds('art')).toContain('calibration');
    expect(kinds('rootfs')).toEqual([]);

    const r = await cli(['restore', '--host', '192.168.1.1', '--telnet', '--from', path.join(tmp, 'telnet'), '--partition', 'u-boot', '--json']);
    expect(r.code).toBe(1);
    const plan = restoreOf(r).plan;
    expect(plan.ok).toBe(false);
    expect(plan.steps).toEqual([]);
    expect(plan.refusals).toHaveLength(1);
    const err = plan.refusals[0]!.error;
    expect(err.code).toBe('DANGEROUS_PARTITION');
    for (const part of [err.message, err.meaning, err.fix]) expect(part, JSON.stringify(err)).toMatch(/\w{3,}.*\w{3,}/);
    expect(err.message).toContain('u-boot');
    expect(err.fix).toMatch(/type the partition name "u-boot"/);
    expect(restoreOf(r).results.map((l) => [l.partition, l.status, l.readBackSha256])).toEqual([['u-boot', 'skipped', null]]);
    // the guest's own look at its bootloader partition: same bytes as before, and no image was staged for it
    const after = await guestExec('telnet', 'nanddump -q --bb=skipbad /dev/mtd0 | sha256sum; ls /tmp/rb-restore-mtd0.bin 2>/dev/null | wc -l');
    expect(after.stdout.slice(0, 64)).toBe(expected[0]);
    expect(after.stdout.trim().split('\n').pop()).toBe('0');
  }, 300_000);
});
