/**
 * Issue 12, flash data safety, against the stand-in router (real dropbear, real busybox telnetd, inside the
 * station/router namespace pair):
 *  - restore on a router without sha256sum still checks the staged copy (md5sum, else reading it back) and
 *    writes nothing when that copy differs from what was sent;
 *  - backup files are 0600 and the backup folder 0700 whatever the umask;
 *  - Ctrl-C during the router's own hash returns at once and stops that hash on the router;
 *  - a telnet copy whose router goes silent after the data has ended fails after a deadline instead of
 *    waiting for the exit status forever.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { patternData, startStandinRouter, type StandinPartition, type StandinRouter } from '../../../test-support/router-standin';
import { collectCliRun, payloads, resultOf, type CliLine, type CliRun } from '../../../test-support/cli-lines';
import { ManifestSchema } from '../../../src-shared/capabilities/flash';

const support = netnsSupport();
if (!support.ok) reportSkip('flash data safety (stand-in router)', support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
/** restore's result value: flash.restore.run's reply (the plan, and what was written and read back). */
const restoreOf = (r: { lines: CliLine[] }) => resultOf<'restore'>(r.lines).value!;
const PROBE = path.join(__dirname, '../helpers/telnet-copy-probe.ts');

/** The CLI inside the station namespace; `umask` runs it under that umask (e.g. '000'). */
function cli(lan: RescueLan, dataDir: string, args: string[], opts: { umask?: string; onLine?: (l: CliLine, child: ChildProcess) => void } = {}): Promise<CliRun> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const argv = opts.umask ? ['sh', '-c', `umask ${opts.umask} && exec "$0" "$@"`, cmd, ...cargs] : [cmd, ...cargs];
  const p = spawn('ip', ['netns', 'exec', lan.station.name, ...argv], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collectCliRun(p, { onLine: opts.onLine && ((l) => opts.onLine!(l, p)), killAfterMs: 100_000 });
}

const HASHERS = /^(sha256sum|md5sum|cat|head)$/;
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
const modeOf = (f: string): number => fs.statSync(f).mode & 0o777;

describe.skipIf(!support.ok)('restore on a router without sha256sum; backup file modes', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const PARTS: StandinPartition[] = [
    { name: 'u-boot', size: 0x40000, readOnly: true },
    { name: 'firmware', size: 0x300000 },
  ];
  const original = patternData('firmware', 0x300000);
  beforeAll(async () => {
    lan = createRescueLan('flrs');
    // dash as the login shell, so a removed sha256sum is really gone and `cat` can be the corrupting one
    router = await startStandinRouter(lan, { partitions: PARTS, shell: 'dash' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flrs-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const damageFlash = (): string => {
    const fd = fs.openSync(router.partFile(1), 'r+');
    fs.writeSync(fd, Buffer.from('DAMAGED!'), 0, 8, 4096);
    fs.closeSync(fd);
    return router.sha256(1);
  };
  const restore = (): Promise<CliRun> => cli(lan, tmp, ['restore', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--from', path.join(tmp, 'bk'), '--partition', 'firmware', '--json']);

  it('backup under umask 000: the folder is 0700, partition files and manifest.json 0600', async () => {
    const out = path.join(tmp, 'bk');
    const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', out, '--json'], { umask: '000' });
    expect(r.code, r.stderr).toBe(0);
    const m = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    // made while the router still had sha256sum: no md5 recorded (a router with sha256sum needs none)
    expect(m.partitions.map((p) => [p.deviceHash?.algorithm, p.md5])).toEqual([
      ['sha256', null],
      ['sha256', null],
    ]);
    expect(modeOf(out)).toBe(0o700);
    expect(modeOf(path.join(out, 'manifest.json'))).toBe(0o600);
    for (const p of m.partitions) expect([p.file, modeOf(path.join(out, p.file!))]).toEqual([p.file, 0o600]);
    expect(fs.readFileSync(path.join(out, 'mtd1-firmware.bin')).equals(original)).toBe(true);
  });

  it('the same router, now without sha256sum (md5sum only): a staged copy that differs from what was sent is refused, nothing written', async () => {
    expect(original[100]).not.toBe(0x58); // the corrupting cat writes 'X' there
    fs.rmSync(path.join(router.root, 'bin/sha256sum')); // e.g. a rescue image whose busybox has no sha256sum
    const damaged = damageFlash();
    router.corruptStaging(true);
    try {
      const r = await restore();
      expect(router.sha256(1)).toBe(damaged); // before: written anyway, caught only by the read-back after
      expect(r.code).toBe(1);
      const res = restoreOf(r).results[0]!;
      expect(res.status, JSON.stringify(res)).toBe('failed');
      expect(res.error!.code).toBe('UPLOAD_CORRUPTED');
      expect(res.error!.meaning).toMatch(/Nothing was written/);
      expect(restoreOf(r).plan.steps[0]!.commands).toContain('md5sum /tmp/rb-restore-mtd1.bin');
      // the one failure is the result's reason
      expect(resultOf(r.lines)).toMatchObject({ command: 'restore', ok: false, error: { code: 'UPLOAD_CORRUPTED' } });
    } finally {
      router.corruptStaging(false);
    }
  });

  it('neither sha256sum nor md5sum: the staged copy is read back here; damaged: refused, intact: written', async () => {
    fs.rmSync(path.join(router.root, 'bin/md5sum'));
    const damaged = router.sha256(1);
    expect(damaged).not.toBe(sha(original));
    router.corruptStaging(true);
    try {
      const r = await restore();
      expect(router.sha256(1)).toBe(damaged);
      expect(r.code).toBe(1);
      const res = restoreOf(r).results[0]!;
      expect(res.status, JSON.stringify(res)).toBe('failed');
      expect(res.error!.code).toBe('UPLOAD_CORRUPTED');
      expect(restoreOf(r).plan.steps[0]!.commands).toContain('cat /tmp/rb-restore-mtd1.bin   # read back and hashed on this computer');
    } finally {
      router.corruptStaging(false);
    }
    const ok = await restore();
    expect(ok.code, ok.stderr + JSON.stringify(ok.lines)).toBe(0);
    expect(restoreOf(ok).results[0]).toMatchObject({ status: 'written', readBackSha256: sha(original) });
    expect(router.sha256(1)).toBe(sha(original));
  });
});

describe.skipIf(!support.ok)('cancelling a backup and a silent router after a telnet copy', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  const PARTS: StandinPartition[] = [
    { name: 'art', size: 0x10000 },
    { name: 'slow', size: 0x800000 }, // read at ~1.25 MiB/s: the router's own hash takes ~6.5 s
  ];
  beforeAll(async () => {
    lan = createRescueLan('flcx');
    router = await startStandinRouter(lan, { partitions: PARTS, telnet: 'shell', slowRead: [1] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flcx-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const method of ['ssh', 'telnet'] as const) {
    it(`${method}: Ctrl-C while the router hashes a partition returns at once and stops the hash on the router`, async () => {
      let sentAt = 0;
      const r = await cli(lan, tmp, ['backup', '--host', '192.168.1.1', `--${method}`, '--session-only-key', '--out', path.join(tmp, `cancel-${method}`), '--partition', 'slow', '--json'], {
        onLine: (l, child) => {
          if (sentAt || l.event !== 'flash.backup.progress' || payloads([l], 'flash.backup.progress')[0]!.phase !== 'hashing-on-router') return;
          sentAt = -1;
          setTimeout(() => {
            sentAt = Date.now();
            child.kill('SIGINT');
          }, 700);
        },
      });
      expect(sentAt, r.stderr).toBeGreaterThan(0);
      expect(r.code).toBe(1);
      // before: the job waited for the router's hash of the whole partition (minutes on a real router)
      expect(r.exitedAt - sentAt).toBeLessThan(2500);
      const part = payloads(r.lines, 'flash.backup.partition')[0]?.partition;
      expect(part).toMatchObject({ name: 'slow', status: 'failed', file: null });
      expect(part!.error!.code).toBe('CANCELLED');
      // stopped: the backup's result, incomplete
      expect(resultOf(r.lines)).toMatchObject({ command: 'backup', ok: false, value: { ok: false, failed: ['slow'] } });
      // and the router is not left reading and hashing the partition
      await expect.poll(() => router.processes().filter((p) => HASHERS.test(p.comm)), { timeout: 2000, interval: 100 }).toEqual([]);
    });
  }

  it('telnet: the cable pulled after the data ended, before the exit status: SESSION_LOST after the deadline, not a hang', async () => {
    // The router's command closes its output (the data connection ends), then keeps running: its exit
    // status comes only later on the telnet connection, and the cable is pulled in between.
    const [cmd, args] = nodeTsArgs(PROBE, ['192.168.1.1', 'cat /dev/mtd0; exec >&-; sleep 20', '1500']);
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const down = (): void => void execFileSync('ip', ['-n', lan.router.name, 'link', 'set', lan.routerIf, 'down']);
    let endedBytes = 0;
    try {
      const result = await new Promise<Record<string, any>>((resolve) => {
        let buf = '';
        const guard = setTimeout(() => resolve({ event: 'hung' }), 12_000);
        p.stdout!.on('data', (d: Buffer) => {
          buf += d.toString();
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            const l = JSON.parse(buf.slice(0, i));
            buf = buf.slice(i + 1);
            if (l.event === 'ended') {
              endedBytes = l.bytes;
              down();
            } else {
              clearTimeout(guard);
              resolve(l);
            }
          }
        });
      });
      expect(endedBytes).toBe(PARTS[0]!.size);
      expect(result.event, stderr).toBe('failed');
      expect(result.fault.code).toBe('SESSION_LOST');
      expect(result.fault.message).toMatch(/dropped while waiting for the router to confirm the end of a copy/);
      expect(result.fault.meaning).toBeTruthy();
      expect(result.fault.fix).toMatch(/cable/);
      expect(result.ms).toBeGreaterThanOrEqual(1400);
      expect(result.ms).toBeLessThan(5000);
      expect(result.sessionClosed).toBe(true);
    } finally {
      p.kill('SIGKILL');
      execFileSync('ip', ['-n', lan.router.name, 'link', 'set', lan.routerIf, 'up']);
    }
  });
});
