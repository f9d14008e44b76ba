/**
 * The upload client (tftpPut) against real TFTP servers, the way ASUS rescue mode and Ubiquiti urescue use it: the
 * server (tftpd-hpa `in.tftpd -L -c`, and atftpd fetched by test-support/atftpd.ts) runs in the router namespace at
 * 192.168.1.1, our client in the station namespace (test-support/tftp-put-runner.ts, one process for all uploads).
 * Every result is checked byte-exact against the file the server wrote. Also: a server that refuses blksize,
 * windows, the 65535-block rollover, a server process frozen with SIGSTOP mid-file (briefly: we resend and
 * finish; for good: a clear error), nobody listening, and `rescue-bench tftp put --json` itself.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atftpdBinary } from '../../../test-support/atftpd';
import { CliLines } from '../../../test-support/cli-lines';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startPutRunner, type PutOutcome, type PutRunner } from '../../../test-support/tftp-put-peer';
import { tftpEngines } from '../../../test-support/tftp';

const MiB = 1024 * 1024;
const ROUTER = '192.168.1.1';
const HPA = 69;
const HPA_REFUSE = 1069;
const ATFTPD = 2069;

const ns = netnsSupport();
const hasHpa = fs.existsSync('/usr/sbin/in.tftpd');
const suiteOk = ns.ok && hasHpa;
if (!ns.ok) reportSkip('tftp put (real servers)', ns.reason);
else if (!hasHpa) reportSkip('tftp put (real servers)', 'tftpd-hpa is not installed (apt-get install tftpd-hpa)');
const at = suiteOk ? atftpdBinary() : undefined;
if (at && !at.ok) reportSkip('tftp put against atftpd', at.reason);

let lan: RescueLan;
let base: string;
let hpaDir: string;
let refuseDir: string;
let atDir: string;
let files: Record<string, { path: string; sha256: string }>;
let runner: PutRunner;
const daemons: ChildProcess[] = [];
let hpa: ChildProcess;

function sha(p: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

function folder(name: string): string {
  const d = path.join(base, name);
  fs.mkdirSync(d, { mode: 0o777 });
  fs.chmodSync(d, 0o777);
  return d;
}

async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const out = lan.router.exec('ss', ['-uln', `sport = :${port}`]).toString();
    if (out.includes(`:${port}`)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on UDP ${port} in the router namespace`);
}

beforeAll(async () => {
  if (!suiteOk) return;
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-'));
  fs.chmodSync(base, 0o755);
  const src = path.join(base, 'src');
  fs.mkdirSync(src);
  files = {};
  for (const [name, size] of [['one.bin', MiB], ['big.bin', 33 * MiB], ['exact.bin', 1468 * 200], ['odd.bin', 777_777]] as const) {
    const p = path.join(src, name);
    const data = crypto.randomBytes(size);
    fs.writeFileSync(p, data);
    files[name] = { path: p, sha256: crypto.createHash('sha256').update(data).digest('hex') };
  }
  hpaDir = folder('hpa');
  refuseDir = folder('hpa-refuse');
  atDir = folder('atftpd');
  lan = createRescueLan('put');
  hpa = lan.router.spawn('in.tftpd', ['-L', '-c', '-u', 'root', '-s', hpaDir, '-a', `${ROUTER}:${HPA}`], { stdio: 'ignore' });
  daemons.push(hpa);
  daemons.push(lan.router.spawn('in.tftpd', ['-L', '-c', '-u', 'root', '-r', 'blksize', '-s', refuseDir, '-a', `${ROUTER}:${HPA_REFUSE}`], { stdio: 'ignore' }));
  await listening(HPA);
  await listening(HPA_REFUSE);
  if (at?.ok) {
    daemons.push(lan.router.spawn(at.bin, ['--daemon', '--no-fork', '--user', 'root', '--group', 'root', '--port', String(ATFTPD), '--bind-address', ROUTER, '--logfile', '/dev/null', atDir], { stdio: 'ignore' }));
    await listening(ATFTPD);
  }
  runner = startPutRunner(lan.station);
}, 120_000);

afterAll(() => {
  runner?.close();
  for (const d of daemons) d.kill('SIGKILL');
  lan?.destroy();
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

function ok(o: PutOutcome): Extract<PutOutcome, { ok: true }>['result'] {
  if (!o.ok) throw new Error(`the upload failed: ${JSON.stringify(o.error)}`);
  return o.result;
}

/** The written file, once the server has closed it at its full size. */
async function written(dir: string, name: string, size: number): Promise<string> {
  const p = path.join(dir, name);
  await expect.poll(() => (fs.existsSync(p) ? fs.statSync(p).size : -1), { timeout: 5000 }).toBe(size);
  return sha(p);
}

// Lock-step uploads of a file run on the native engine when it is built (decision 0016): both engines are tested.
describe.skipIf(!suiteOk).each(suiteOk ? tftpEngines() : ['js' as const])('tftpPut against tftpd-hpa, %s engine', (engine) => {
  /** Each engine writes its own files (tftpd-hpa -c would replace the other's, and a full-size file proves nothing). */
  const n = (name: string): string => `${engine}-${name}`;
  for (const blksize of [1468, 512]) {
    it(`1 MiB at blksize ${blksize}, byte-exact`, async () => {
      const name = n(`one-${blksize}.bin`);
      const r = ok(await runner.put({ engine, host: ROUTER, source: { path: files['one.bin']!.path }, remoteName: name, blksize }));
      expect(r).toMatchObject({ bytes: MiB, sha256: files['one.bin']!.sha256, blksize, windowsize: 1, rolledOver: false, engine });
      expect(await written(hpaDir, name, MiB)).toBe(files['one.bin']!.sha256);
    }, 30_000);
  }

  it('a size that is a multiple of the block size (ends with an empty block), byte-exact', async () => {
    const r = ok(await runner.put({ engine, host: ROUTER, source: { path: files['exact.bin']!.path }, remoteName: n('exact.bin') }));
    expect(r.blksize).toBe(1468);
    expect(await written(hpaDir, n('exact.bin'), 1468 * 200)).toBe(files['exact.bin']!.sha256);
  }, 30_000);

  it('33 MiB at blksize 512: past block 65535 (rollover to 0), byte-exact', async () => {
    const r = ok(await runner.put({ engine, host: ROUTER, source: { path: files['big.bin']!.path }, remoteName: n('big-512.bin'), blksize: 512 }));
    expect(r).toMatchObject({ bytes: 33 * MiB, blksize: 512, rolledOver: true, engine });
    expect(await written(hpaDir, n('big-512.bin'), 33 * MiB)).toBe(files['big.bin']!.sha256);
  }, 120_000);

  it('a server that refuses blksize (--refuse blksize): plain ACK 0, we send 512-byte blocks, byte-exact', async () => {
    const r = ok(await runner.put({ engine, host: ROUTER, port: HPA_REFUSE, source: { path: files['odd.bin']!.path }, remoteName: n('odd.bin'), blksize: 1468 }));
    expect(r).toMatchObject({ blksize: 512, windowsize: 1, engine });
    expect(await written(refuseDir, n('odd.bin'), 777_777)).toBe(files['odd.bin']!.sha256);
  }, 30_000);

  it('asking for a window: tftpd-hpa has no windowsize, agrees blksize only, and we go lock-step', async () => {
    const r = ok(await runner.put({ engine, host: ROUTER, source: { path: files['odd.bin']!.path }, remoteName: n('odd-w8.bin'), windowsize: 8 }));
    expect(r).toMatchObject({ blksize: 1468, windowsize: 1, engine });
    expect(await written(hpaDir, n('odd-w8.bin'), 777_777)).toBe(files['odd.bin']!.sha256);
  }, 30_000);

  /** The child in.tftpd forked for the transfer of `name` (the listener is `hpa`): the one holding that file open. */
  function transferChild(name: string): number | undefined {
    let pids: number[];
    try {
      pids = execFileSync('pgrep', ['-P', String(hpa.pid)]).toString().trim().split(/\s+/).map(Number);
    } catch {
      return undefined;
    }
    return pids.find((pid) => {
      try {
        return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`).endsWith(`/${name}`));
      } catch {
        return false;
      }
    });
  }

  function stopped(pid: number): boolean {
    return / T /.test(fs.readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\)/, ''));
  }

  /** Start a big upload and freeze the server's transfer process once part of the file is written. */
  async function freezeMidFile(name: string, timeoutMs: number, retries: number): Promise<{ child: number; outcome: Promise<PutOutcome> }> {
    const outcome = runner.put({ engine, host: ROUTER, source: { path: files['big.bin']!.path }, remoteName: name, blksize: 512, timeoutMs, retries });
    const p = path.join(hpaDir, name);
    await expect.poll(() => (fs.existsSync(p) ? fs.statSync(p).size : 0), { timeout: 20_000, interval: 5 }).toBeGreaterThan(2 * MiB);
    const child = transferChild(name);
    expect(child).toBeGreaterThan(0);
    process.kill(child!, 'SIGSTOP');
    await expect.poll(() => stopped(child!)).toBe(true);
    return { child: child!, outcome };
  }

  it('the server freezes briefly mid-file: we resend the unacknowledged block and finish byte-exact', async () => {
    const { child, outcome } = await freezeMidFile(n('frozen-briefly.bin'), 200, 10);
    await new Promise((r) => setTimeout(r, 700)); // 3 of our timeouts
    const frozenAt = fs.statSync(path.join(hpaDir, n('frozen-briefly.bin'))).size;
    await new Promise((r) => setTimeout(r, 100));
    expect(fs.statSync(path.join(hpaDir, n('frozen-briefly.bin'))).size).toBe(frozenAt); // it really stood still
    process.kill(child, 'SIGCONT');
    const r = ok(await outcome);
    expect(r.bytes).toBe(33 * MiB);
    expect(await written(hpaDir, n('frozen-briefly.bin'), 33 * MiB)).toBe(files['big.bin']!.sha256);
  }, 120_000);

  it('the server stops answering for good mid-file: resends, then "stopped answering at block N of M"', async () => {
    const { child, outcome } = await freezeMidFile(n('frozen.bin'), 100, 3);
    try {
      const o = await outcome;
      expect(o.ok).toBe(false);
      const e = (o as Extract<PutOutcome, { ok: false }>).error;
      expect(e.code).toBe('TFTP_PUT_TIMEOUT');
      expect(e.message).toMatch(/^The router at 192\.168\.1\.1 stopped answering at block \d+ of 67585 of "(native|js)-frozen\.bin"\.$/);
      const block = Number(/block (\d+) of/.exec(e.message)![1]);
      // the block named is the first one the frozen server did not acknowledge: past what it had written when frozen
      expect(block).toBeGreaterThan((2 * MiB) / 512);
      expect(e.meaning).toContain('4 times');
      expect(e.fix).toMatch(/rescue mode again/);
    } finally {
      process.kill(child, 'SIGKILL');
    }
  }, 120_000);

  it('the server process dies mid-file: its port answers ICMP unreachable and the upload stops at once, saying where', async () => {
    const { child, outcome } = await freezeMidFile(n('killed.bin'), 1000, 5);
    process.kill(child, 'SIGKILL');
    const t0 = Date.now();
    const o = await outcome;
    expect(o.ok).toBe(false);
    const e = (o as Extract<PutOutcome, { ok: false }>).error;
    expect(e.code).toBe('TFTP_PUT_SERVER_GONE');
    expect(e.message).toMatch(/^The router at 192\.168\.1\.1 stopped listening at block \d+ of 67585 of "(native|js)-killed\.bin"\.$/);
    expect(Date.now() - t0).toBeLessThan(3000); // not 5 retries of 1 s
  }, 120_000);

  it('cancelling mid-file stops the upload and tells the server (its transfer process ends)', async () => {
    const name = n('cancelled.bin');
    const outcome = runner.put({ engine, host: ROUTER, source: { path: files['big.bin']!.path }, remoteName: name, blksize: 512 });
    const p = path.join(hpaDir, name);
    await expect.poll(() => (fs.existsSync(p) ? fs.statSync(p).size : 0), { timeout: 20_000, interval: 5 }).toBeGreaterThan(MiB);
    expect(transferChild(name)).toBeGreaterThan(0);
    runner.cancelLast();
    const o = await outcome;
    expect(o.ok).toBe(false);
    const e = (o as Extract<PutOutcome, { ok: false }>).error;
    expect(e.code).toBe('TFTP_PUT_CANCELLED');
    expect(e.message).toMatch(/was cancelled after \d+ of 34603008 bytes/);
    // tftpd-hpa got our ERROR and closed: no child holds the file any more, and it is short
    // the real server's transfer ends (that our ERROR goes out is checked packet by packet in client.test.ts and
    // service-put.test.ts; how long tftpd-hpa would wait on its own was not measured here)
    await expect.poll(() => transferChild(name), { timeout: 3000 }).toBeUndefined();
    expect(fs.statSync(path.join(hpaDir, name)).size).toBeLessThan(33 * MiB);
  }, 60_000);

  it('nobody answers at that address: the fault explains rescue mode, cable, address and firewall', async () => {
    const o = await runner.put({ engine, host: '192.168.1.77', source: { path: files['odd.bin']!.path }, remoteName: 'x.bin', timeoutMs: 100, firstBlockRetries: 2 });
    expect(o.ok).toBe(false);
    const e = (o as Extract<PutOutcome, { ok: false }>).error;
    expect(e.code).toBe('TFTP_PUT_NO_ANSWER');
    expect(e.message).toBe('The router at 192.168.1.77 did not answer the request to upload "x.bin".');
    expect(`${e.meaning} ${e.fix}`).toMatch(/firewall/);
  }, 30_000);

  it('an address this computer has no route to: a clear fault at once, not 20 silent retries', async () => {
    // the station namespace has no default route: 10.9.9.9 is unreachable from it (nothing leaves the namespace)
    const o = await runner.put({ engine, host: '10.9.9.9', source: { path: files['odd.bin']!.path }, remoteName: 'x.bin', timeoutMs: 1000 });
    expect(o.ok).toBe(false);
    const e = (o as Extract<PutOutcome, { ok: false }>).error;
    expect(e.code).toBe('TFTP_PUT_NO_ROUTE');
    expect(e.message).toBe('This computer has no way to reach 10.9.9.9.');
    expect(e.fix).toContain('10.9.9.2');
  }, 10_000);
});

describe.skipIf(!suiteOk || !at?.ok)('tftpPut against atftpd', () => {
  for (const windowsize of [4, 8]) {
    it(`1 MiB at blksize 1468, windowsize ${windowsize} (RFC 7440), byte-exact`, async () => {
      const name = `one-w${windowsize}.bin`;
      const r = ok(await runner.put({ host: ROUTER, port: ATFTPD, source: { path: files['one.bin']!.path }, remoteName: name, windowsize }));
      expect(r).toMatchObject({ bytes: MiB, blksize: 1468, windowsize });
      expect(await written(atDir, name, MiB)).toBe(files['one.bin']!.sha256);
    }, 30_000);
  }

  it('1 MiB at blksize 512, no options, byte-exact', async () => {
    const r = ok(await runner.put({ host: ROUTER, port: ATFTPD, source: { path: files['one.bin']!.path }, remoteName: 'one-512.bin', blksize: 512 }));
    expect(r.blksize).toBe(512);
    expect(await written(atDir, 'one-512.bin', MiB)).toBe(files['one.bin']!.sha256);
  }, 30_000);

  it('33 MiB at blksize 512 with windowsize 8: past block 65535, byte-exact', async () => {
    const r = ok(await runner.put({ host: ROUTER, port: ATFTPD, source: { path: files['big.bin']!.path }, remoteName: 'big-w8.bin', blksize: 512, windowsize: 8 }));
    expect(r).toMatchObject({ bytes: 33 * MiB, blksize: 512, windowsize: 8, rolledOver: true });
    expect(await written(atDir, 'big-w8.bin', 33 * MiB)).toBe(files['big.bin']!.sha256);
  }, 120_000);
});

describe.skipIf(!suiteOk)('rescue-bench tftp put --json', () => {
  function cli(args: string[]): { p: ChildProcess; out: CliLines } {
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'put', ...args, '--json']);
    const p = lan.station.spawn(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'] });
    return { p, out: new CliLines(p) };
  }

  it('prints tftp.put.progress lines and ends with the result the router acknowledged', async () => {
    const { out } = cli(['--host', ROUTER, '--file', files['one.bin']!.path, '--remote-name', 'cli.bin']);
    const res = await out.result();
    expect(res).toMatchObject({ command: 'tftp put', ok: true, value: { host: ROUTER, port: 69, remoteName: 'cli.bin', bytes: MiB, sha256: files['one.bin']!.sha256, blksize: 1468 } });
    const progress = out.of('tftp.put.progress');
    expect(progress[0]).toMatchObject({ state: 'running', bytes: 0, remoteName: 'cli.bin' });
    expect(progress.at(-1)).toMatchObject({ state: 'done', bytes: MiB, total: MiB });
    expect(await written(hpaDir, 'cli.bin', MiB)).toBe(files['one.bin']!.sha256);
  }, 60_000);

  it('a router that does not answer: exit 1 and the three-part reason', async () => {
    const { p, out } = cli(['--host', '192.168.1.77', '--file', files['odd.bin']!.path, '--timeout-ms', '50', '--retries', '1']);
    const res = await out.result();
    expect(res).toMatchObject({ command: 'tftp put', ok: false, error: { code: 'TFTP_PUT_NO_ANSWER' } });
    await new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)));
    expect(p.exitCode).toBe(1);
  }, 60_000);
});
