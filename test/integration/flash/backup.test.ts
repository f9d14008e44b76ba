/**
 * Backup and restore end to end through the CLI (`npm run cli -- backup/restore … --json`), run inside the
 * station namespace against the stand-in router (real dropbear, real busybox telnetd, real fw_printenv).
 * Faults: connection cut mid-stream, disk full (a small tmpfs), router/copy hash mismatch, telnet-only router,
 * dangerous partitions, identity mismatch, a changed backup file.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinPartition, type StandinRouter } from '../../../test-support/router-standin';
import { collectCliRun, payloads, resultOf, type CliLine, type CliRun } from '../../../test-support/cli-lines';
import { ManifestSchema, type Manifest } from '../../../src-shared/capabilities/flash';

const support = netnsSupport();
if (!support.ok) reportSkip('flash backup/restore (stand-in router)', support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const LAYOUT: StandinPartition[] = [
  { name: 'u-boot', size: 0x40000, readOnly: true },
  { name: 'u-boot-env', size: 0x10000 },
  { name: 'art', size: 0x10000 },
  { name: 'firmware', size: 0x300000 },
];

function cli(lan: RescueLan, dataDir: string, args: string[], onLine?: (l: CliLine) => void): Promise<CliRun> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collectCliRun(p, { onLine, killAfterMs: 100_000 });
}

/** A command's plain words (no --json): stdout and stderr as the person reads them. */
function plain(lan: RescueLan, dataDir: string, args: string[]): Promise<{ code: number; text: string }> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  p.stdout.on('data', (d: Buffer) => (text += d.toString()));
  p.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const kill = setTimeout(() => p.kill('SIGKILL'), 100_000);
  return new Promise((resolve) => p.on('close', (code) => (clearTimeout(kill), resolve({ code: code ?? -1, text }))));
}

/** restore's result value: flash.restore.run's reply (the plan, and what was written and read back). */
const restoreOf = (r: CliRun) => resultOf<'restore'>(r.lines).value!;

const sha = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function manifestOf(dir: string): Manifest {
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
}

describe.skipIf(!support.ok)('backup and restore over SSH (stand-in router with real dropbear)', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  beforeAll(async () => {
    lan = createRescueLan('flbk');
    router = await startStandinRouter(lan, {
      partitions: [...LAYOUT, { name: 'rootfs', size: 0x800000 }],
      telnet: 'shell',
      ubootEnv: ['boot_part=1'],
    });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flbk-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    try {
      execFileSync('umount', [path.join(tmp, 'small')], { stdio: 'ignore' });
    } catch {
      /* not mounted */
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up every partition: files, sha256 on both sides, manifest, progress with rate and ETA', async () => {
    const out = path.join(tmp, 'full');
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = manifestOf(out);
    expect(m.complete).toBe(true);
    expect(m.device.identity.boardName).toBe('rescue-bench,standin');
    expect(m.device.env?.boot_part).toBe('1'); // read by the real fw_printenv from the env partition
    expect(m.partitions.map((p) => [p.index, p.name, p.size, p.erasesize, p.type])).toEqual([
      [0, 'u-boot', 0x40000, 0x10000, 'nor'],
      [1, 'u-boot-env', 0x10000, 0x10000, 'nor'],
      [2, 'art', 0x10000, 0x10000, 'nor'],
      [3, 'firmware', 0x300000, 0x10000, 'nor'],
      [4, 'rootfs', 0x800000, 0x10000, 'nor'],
    ]);
    for (const p of m.partitions) {
      expect(p.status).toBe('ok');
      expect(p.badBlocks).toEqual([]);
      expect(sha(path.join(out, p.file!))).toBe(router.sha256(p.index));
      expect(p.sha256).toBe(router.sha256(p.index));
      expect(p.deviceHash).toEqual({ algorithm: 'sha256', value: p.sha256, matches: true });
    }
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.partial') || f.endsWith('.tmp'))).toEqual([]);
    const progress = payloads(r.lines, 'flash.backup.progress');
    const copying = progress.filter((p) => p.phase === 'copying');
    expect(copying.length).toBeGreaterThan(3);
    expect(progress.some((p) => p.rate > 0 && typeof p.etaMs === 'number')).toBe(true);
    expect(payloads(r.lines, 'flash.backup.partition').length).toBe(5);
    expect(resultOf(r.lines)).toMatchObject({ command: 'backup', ok: true, value: { ok: true, failed: [], dir: out } });
    expect(payloads(r.lines, 'flash.backup.done')).toEqual([(resultOf(r.lines) as { value: unknown }).value]);
  });

  it('a connection cut mid-stream fails only that partition (no partial file), the rest continue, and retry finishes it', async () => {
    const out = path.join(tmp, 'cut');
    router.throttle('24mbit'); // ~3 MB/s so the cut lands inside the 8 MiB partition
    let cut = false;
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', out, '--json'], (l) => {
      const p = l.event === 'flash.backup.progress' ? payloads([l], 'flash.backup.progress')[0]! : undefined;
      if (!cut && p && p.phase === 'copying' && p.partition?.name === 'rootfs' && p.partition.done > 1_000_000) {
        cut = true;
        router.cutConnections();
      }
    });
    router.throttle();
    expect(cut).toBe(true);
    expect(r.code).toBe(1);
    const m = manifestOf(out);
    expect(m.complete).toBe(false);
    const rootfs = m.partitions.find((p) => p.name === 'rootfs')!;
    expect(rootfs.status).toBe('failed');
    expect(rootfs.file).toBeNull();
    expect(rootfs.sha256).toBeNull();
    expect(['SESSION_LOST', 'READ_FAILED', 'SHORT_READ']).toContain(rootfs.error?.code);
    expect(fs.readdirSync(out).some((f) => f.includes('rootfs'))).toBe(false);
    expect(m.partitions.filter((p) => p.status === 'ok').map((p) => p.name)).toEqual(['u-boot', 'u-boot-env', 'art', 'firmware']);
    // incomplete: the result says which partition failed and how to finish, with the backup's result beside it
    expect(resultOf(r.lines)).toMatchObject({ command: 'backup', ok: false, error: { code: 'BACKUP_INCOMPLETE', message: expect.stringContaining('rootfs'), fix: expect.stringContaining('--retry-failed') }, value: { ok: false, failed: ['rootfs'] } });
    expect(r.stderr).toMatch(/Error: Not complete: 1 partition\(s\) failed: rootfs\./);

    const retry = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', out, '--retry-failed', '--json']);
    expect(retry.code, retry.stderr).toBe(0);
    expect(payloads(retry.lines, 'flash.backup.partition').map((p) => p.partition.name)).toEqual(['rootfs']);
    const m2 = manifestOf(out);
    expect(m2.complete).toBe(true);
    const again = m2.partitions.find((p) => p.name === 'rootfs')!;
    expect(sha(path.join(out, again.file!))).toBe(router.sha256(4));
  });

  it('a full disk fails the partition that does not fit, deletes its partial file, and keeps the ones that did', async () => {
    const small = path.join(tmp, 'small');
    fs.mkdirSync(small);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]);
    const out = path.join(small, 'bk');
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const m = manifestOf(out);
    const byName = Object.fromEntries(m.partitions.map((p) => [p.name, p]));
    expect(byName['u-boot']?.status).toBe('ok');
    expect(byName['art']?.status).toBe('ok');
    expect(byName['firmware']?.status).toBe('failed');
    expect(byName['firmware']?.error?.code).toBe('DISK_FULL');
    expect(byName['firmware']?.error?.fix).toMatch(/Free some space/);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(sha(path.join(out, byName['art']!.file!))).toBe(router.sha256(2));
  });

  it('restore: dry run writes nothing; a damaged partition is written, read back and equal again', async () => {
    const from = path.join(tmp, 'full');
    const before = router.sha256(3);
    const f = router.partFile(3);
    const fd = fs.openSync(f, 'r+');
    fs.writeSync(fd, Buffer.from('DAMAGED!'), 0, 8, 4096);
    fs.closeSync(fd);
    const damaged = router.sha256(3);
    expect(damaged).not.toBe(before);
    const dry = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--ssh', '--from', from, '--partition', 'firmware', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = restoreOf(dry).plan;
    expect(plan.ok).toBe(true);
    expect(plan.steps[0]!.commands.join('\n')).toMatch(/mtd -q write \/tmp\/rb-restore-mtd3\.bin mtd3/);
    expect(plan.steps[0]!.commands.join('\n')).not.toMatch(/\bdd\b|mtdblock/);
    expect(router.sha256(3)).toBe(damaged);
    const run = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--ssh', '--from', from, '--partition', 'firmware', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(restoreOf(run).results[0]).toMatchObject({ partition: 'firmware', status: 'written', readBackSha256: before });
    expect(router.sha256(3)).toBe(before);
  });

  it('restore refuses dangerous partitions unless named with --override-danger, and never unlocks read-only ones', async () => {
    const from = path.join(tmp, 'full');
    const env = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'u-boot-env', '--json']);
    expect(env.code).toBe(1);
    const refusal = restoreOf(env).plan.refusals[0]!;
    expect(refusal.error.code).toBe('DANGEROUS_PARTITION');
    expect(refusal.error.fix).toMatch(/type the partition name "u-boot-env"/);
    // one refusal: the result's reason is that refusal, in its three parts
    expect(resultOf(env.lines)).toMatchObject({ ok: false, error: refusal.error });
    const uboot = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'u-boot', '--override-danger', '--json']);
    expect(uboot.code).toBe(1);
    expect(restoreOf(uboot).plan.refusals[0]!.error.code).toBe('PARTITION_READ_ONLY');
    const art = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'art', '--override-danger', '--json']);
    expect(art.code, art.stderr).toBe(0);
    expect(restoreOf(art).results[0]!.status).toBe('written');
  });

  it('restore refuses a backup from another router, and a backup file that changed since', async () => {
    const from = path.join(tmp, 'other');
    fs.cpSync(path.join(tmp, 'full'), from, { recursive: true });
    const m = manifestOf(from);
    m.device.identity.boardName = 'linksys,venom';
    fs.writeFileSync(path.join(from, 'manifest.json'), JSON.stringify(m));
    const r = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'firmware', '--json']);
    expect(r.code).toBe(1);
    const plan = restoreOf(r).plan;
    expect(plan.identityMatches).toBe(false);
    expect(plan.refusals[0]!.error.code).toBe('IDENTITY_MISMATCH');
    const changed = path.join(tmp, 'changed');
    fs.cpSync(path.join(tmp, 'full'), changed, { recursive: true });
    fs.appendFileSync(path.join(changed, 'mtd3-firmware.bin'), 'x');
    const c = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', changed, '--partition', 'firmware', '--json']);
    expect(restoreOf(c).plan.refusals[0]!.error.code).toBe('BACKUP_FILE_CHANGED');
  });

  it('restore --lang de: the plan, the refusals and the reason in German; the English word for word (decision 0162)', async () => {
    const from = path.join(tmp, 'full');
    const dry = await plain(lan, tmp, ['restore', '--host', '192.168.1.1', '--ssh', '--from', from, '--partition', 'firmware', '--dry-run', '--lang', 'de']);
    expect(dry.code, dry.text).toBe(0);
    expect(dry.text).toMatch(/^Würde firmware \(mtd3\) wiederherstellen aus mtd3-firmware\.bin, sha256 [0-9a-f]{64}:$/m);
    expect(dry.text).toMatch(/^Probelauf: Es wurde nichts geschrieben\.$/m);
    const two = await plain(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'u-boot-env', '--partition', 'u-boot', '--dry-run', '--lang', 'de']);
    expect(two.code, two.text).toBe(1);
    expect(two.text).toMatch(/^ABGELEHNT u-boot-env: /m);
    expect(two.text).toMatch(/^ {2}Was Sie tun können: /m);
    expect(two.text).toMatch(/2 Partitionen wurden nicht wiederhergestellt: u-boot-env, u-boot\./);
    expect(two.text).toMatch(/^Probelauf: Es wurde nichts geschrieben, und die Wiederherstellung würde wie gezeigt abgelehnt\.$/m);
    // the dangerous partition's refusal and a plan's note (decision 0167): our words in German
    expect(two.text).toMatch(/^ABGELEHNT u-boot-env: „u-boot-env“ ist eine Partition, deren Beschreiben den Router unbrauchbar machen kann\.\n {2}Das sind die Einstellungen des Bootloaders\. .+\n {2}Was Sie tun können: Nur wenn Sie sicher sind: Geben Sie den Partitionsnamen „u-boot-env“ ein/m);
    const typed = await plain(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'u-boot-env', '--override-danger', '--dry-run', '--lang', 'de']);
    expect(typed.code, typed.text).toBe(0);
    expect(typed.text).toMatch(/^ {2}Hinweis: Sie haben „u-boot-env“ eingegeben, um das Schreiben einer gefährlichen Partition zu erlauben\.$/m);
    expect(`${dry.text}\n${two.text}\n${typed.text}`).not.toMatch(/Would restore|Dry run|REFUSED|were not restored|is a partition that|You typed|bootloader's settings/);
    const en = await plain(lan, tmp, ['restore', '--host', '192.168.1.1', '--from', from, '--partition', 'u-boot-env', '--partition', 'u-boot', '--dry-run']);
    expect(en.code, en.text).toBe(1);
    expect(en.text).toMatch(/^REFUSED u-boot-env: "u-boot-env" is a partition that can brick the router if it is written\.\n {2}This is the bootloader's settings\. If they are wrong the router may boot the wrong firmware or fall back to defaults\.\n {2}What to do: .*type the partition name "u-boot-env"/m);
    expect(en.text).toMatch(/2 partitions were not restored: u-boot-env, u-boot\./);
    expect(en.text).toMatch(/The restore was refused before anything was written; each partition says why above\./);
    expect(en.text).toMatch(/^Dry run: nothing was written, and the restore would be refused as shown\.$/m);
  });
});

describe.skipIf(!support.ok)('backup over telnet (telnet-only router) and unstable flash', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  beforeAll(async () => {
    lan = createRescueLan('fltn');
    router = await startStandinRouter(lan, { partitions: LAYOUT, ssh: false, telnet: 'shell', unstable: [2] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fltn-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('telnet + nc side channel: byte-exact files; a partition that reads differently twice is refused as HASH_MISMATCH', async () => {
    const out = path.join(tmp, 'bk');
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const m = manifestOf(out);
    expect(m.device.method).toBe('telnet');
    const byName = Object.fromEntries(m.partitions.map((p) => [p.name, p]));
    for (const i of [0, 1, 3]) {
      const p = m.partitions[i];
      expect(p?.status).toBe('ok');
      expect(sha(path.join(out, p!.file!))).toBe(router.sha256(i));
    }
    expect(byName.art?.status).toBe('failed');
    expect(byName.art?.error?.code).toBe('HASH_MISMATCH');
    expect(byName.art?.error?.meaning).toMatch(/read different data twice/);
    expect(byName.art?.file).toBeNull();
    expect(fs.readdirSync(out).some((f) => f.includes('art'))).toBe(false);
  });
});

describe.skipIf(!support.ok)('a telnet-only router without the nc command', () => {
  let lan: RescueLan;
  let router: StandinRouter | undefined;
  let tmp: string;
  beforeAll(() => {
    lan = createRescueLan('flnc');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flnc-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('with only `busybox nc` (no nc link), copies through it: every file byte-exact', async () => {
    router = await startStandinRouter(lan, { partitions: LAYOUT, ssh: false, telnet: 'shell', nc: 'busybox-only' });
    try {
      const out = path.join(tmp, 'bb');
      const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--telnet', '--out', out, '--json']);
      expect(r.code, r.stderr + JSON.stringify(payloads(r.lines, 'flash.backup.partition').map((p) => p.partition.error))).toBe(0);
      const m = manifestOf(out);
      expect(m.complete).toBe(true);
      for (const p of m.partitions) expect(sha(path.join(out, p.file!))).toBe(router.sha256(p.index));
    } finally {
      router.stop();
      router = undefined;
    }
  });

  it('with no nc at all: backup and restore say plainly that telnet copies need nc, and nothing looks like a good backup', async () => {
    router = await startStandinRouter(lan, { partitions: LAYOUT, ssh: false, telnet: 'shell', nc: 'none' });
    const out = path.join(tmp, 'none');
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--telnet', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const done = resultOf<'backup'>(r.lines);
    expect(done).toMatchObject({ command: 'backup', ok: false, value: { ok: false } });
    if (done.ok) throw new Error('the backup succeeded');
    expect(done.error.code).toBe('ROUTER_HAS_NO_NC');
    expect(done.error.message).toMatch(/has no "nc" command, which copying data over telnet needs/);
    expect(done.error.meaning).toMatch(/nothing was copied or kept/);
    expect(done.error.fix).toMatch(/Use SSH/);
    expect(done.value!.error).toEqual(done.error); // the backup's own result says the same
    expect(payloads(r.lines, 'flash.backup.partition')).toEqual([]);
    // no folder, no manifest, no partition file: nothing that could be taken for a backup
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    // the human-readable output says the same, in three parts
    const plain = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--telnet', '--out', path.join(tmp, 'none2')]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/has no "nc" command/);

    // a restore (from a backup of the same router made by the previous router's layout) stops before writing
    const before = router.sha256(3);
    const res = await cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--telnet', '--from', path.join(tmp, 'bb'), '--partition', 'firmware', '--json']);
    expect(res.code).toBe(1);
    const result = restoreOf(res).results[0];
    expect(result?.status, JSON.stringify(res.lines)).toBe('failed');
    expect(result!.error!.code).toBe('ROUTER_HAS_NO_NC');
    expect(router.sha256(3)).toBe(before);
  });
});
