/**
 * D-Link recovery web server, real TCP between two namespaces: the router namespace runs the uIP stand-in
 * (test-support/uip-recovery-standin.py: HTTP/1.0, tiny receive window, slow reads, headerless answers, early
 * close, a "reboot"), the station namespace runs our uploader and the whole `recover dlink` CLI. The stand-in
 * writes the multipart field it received; the test compares it byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { noise } from '../../../test-support/firmware-images';
import { parseCliOutput, payloads, resultOf } from '../../../test-support/cli-lines';

const support = netnsSupport();
if (!support.ok) reportSkip('recover dlink (namespaces)', support.reason);

const STANDIN = path.resolve('test-support/uip-recovery-standin.py');
/** Big enough for many windows and progress reports, small enough for seconds at uIP's one-segment pace. */
const SIZE = 256 * 1024 + 123;
let lan: RescueLan;
let dir: string;
let image: string;
let imageSha: string;

/** Start the stand-in in the router namespace; resolves once it listens. Lines: the JSON events it prints. */
function standin(args: string[]): Promise<{ p: ChildProcess; lines: Record<string, unknown>[]; next(ev: string, ms?: number): Promise<Record<string, unknown>>; stop(): void }> {
  const p = lan.router.spawn('python3', [STANDIN, '--bind', '192.168.0.1', '--out', path.join(dir, 'received.bin'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: Array<() => void> = [];
  readline.createInterface({ input: p.stdout! }).on('line', (l) => {
    lines.push(JSON.parse(l) as Record<string, unknown>);
    for (const w of waiters.splice(0)) w();
  });
  const next = (ev: string, ms = 30_000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const t0 = Date.now();
      const check = (): void => {
        const hit = lines.find((x) => x.event === ev);
        if (hit) return resolve(hit);
        if (Date.now() - t0 > ms) return reject(new Error(`stand-in: no ${ev} in ${ms} ms: ${JSON.stringify(lines)}`));
        waiters.push(check);
        setTimeout(check, 200);
      };
      check();
    });
  return next('listening').then(() => ({ p, lines, next, stop: () => void p.kill('SIGKILL') }));
}

function probe(file: string, connectTimeout = 5000): Promise<{ ok: boolean; result?: { sent: number; total: number; complete: boolean; closedEarly: boolean; reply: { verdict: string; text: string; headerless: boolean; status?: number } }; error?: { code: string; message: string; meaning?: string; fix?: string }; progressCount?: number }> {
  const [cmd, args] = nodeTsArgs('test-support/recover-upload-probe.ts', ['192.168.0.1', file, String(connectTimeout)]);
  const out = lan.station.exec(cmd, args, { timeout: 90_000 }).toString();
  return Promise.resolve(JSON.parse(out.trim().split('\n').at(-1)!));
}

describe.skipIf(!support.ok)('D-Link recovery upload against a uIP-like HTTP/1.0 server', () => {
  beforeAll(() => {
    lan = createRescueLan('dl', { routerCidr: '192.168.0.1/24', stationCidr: '192.168.0.2/24' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-dlink-'));
    image = path.join(dir, 'DIR860LB1_FW203b03.bin');
    const data = noise(SIZE, 77);
    fs.writeFileSync(image, data);
    imageSha = crypto.createHash('sha256').update(data).digest('hex');
  });
  afterAll(() => {
    lan?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the field "firmware" byte-exact through a tiny window and slow reads, without Expect; reads the success page', async () => {
    const s = await standin(['--read-delay-ms', '0.2']);
    try {
      const r = await probe(image);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const got = await s.next('received');
      expect(got).toMatchObject({ bytes: SIZE, sha256: imageSha, expect: null });
      expect(r.result).toMatchObject({ complete: true, reply: { verdict: 'accepted', status: 200, headerless: false } });
      expect(r.result!.reply.text).toMatch(/Upload successfully/);
      expect(r.progressCount).toBeGreaterThanOrEqual(1);
      expect((r as { lastProgress?: number }).lastProgress).toBe(r.result!.total);
    } finally {
      s.stop();
    }
  });

  it('understands an answer without any headers', async () => {
    const s = await standin(['--headerless']);
    try {
      const r = await probe(image);
      expect(r.result).toMatchObject({ complete: true, reply: { verdict: 'accepted', headerless: true } });
      expect((await s.next('received')).sha256).toBe(imageSha);
    } finally {
      s.stop();
    }
  });

  it('a router that refuses after the first bytes and closes early: its own words, not a success', async () => {
    const s = await standin(['--refuse-after', '4096']);
    try {
      const r = await probe(image);
      expect(r.ok).toBe(true);
      expect(r.result).toMatchObject({ complete: false, closedEarly: true, reply: { verdict: 'refused' } });
      expect(r.result!.reply.text).toMatch(/Update Failed/);
    } finally {
      s.stop();
    }
  });

  it('a router that restarts half-way (connection reset, no answer): not complete, nothing claimed', async () => {
    const s = await standin(['--drop-after', '65536']);
    try {
      const r = await probe(image);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      // (the kernel may have taken every byte into its send buffer: `sent` counts those; the reset still says it did not arrive)
      expect(r.result).toMatchObject({ complete: false, closedEarly: true, reply: { verdict: 'unclear', text: '' } });
      expect(await s.next('dropped')).toMatchObject({ event: 'dropped' });
    } finally {
      s.stop();
    }
  });

  it('nothing at the address: a three-part fault that says to start the recovery mode', async () => {
    const r = await probe(image, 1500);
    expect(r.ok).toBe(false);
    expect(r.error!.code).toMatch(/^RECOVER_(NO_RECOVERY_PAGE|PAGE_REFUSED)$/);
    expect(r.error!.fix).toMatch(/hold Reset/i);
    expect(r.error!.meaning).toBeTruthy();
  });

  it('recover dlink --json: network step, upload, writing, verify after the router restarts; one cli.step line per step', async () => {
    const s = await standin(['--read-delay-ms', '0.1', '--reboot-ms', '1500']);
    const data = path.join(dir, 'data-cli');
    try {
      const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'dlink', '--file', image, '--model', 'dlink,dir-860l-b1', '--yes', '--json', '--write-seconds', '1', '--verify-timeout', '30']);
      const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: data } });
      let stdout = '';
      let stderr = '';
      p.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => p.on('exit', r));
      const lines = parseCliOutput(stdout);
      const result = resultOf<'recover'>(lines);
      expect(result.ok, `${stdout.slice(-2000)}\n${stderr.slice(-2000)}`).toBe(true);
      expect(code).toBe(0);
      const steps = payloads(lines, 'cli.step');
      expect(steps.map((x) => `${x.step}:${x.state}`)).toEqual(['cables:done', 'network:done', 'button:done', 'transfer:done', 'writing:done', 'verify:done']);
      expect(steps.find((x) => x.step === 'network')!.evidence.join(' ')).toMatch(/192\.168\.0\.2\/24/);
      expect(steps.find((x) => x.step === 'transfer')!.evidence.join(' ')).toMatch(/Upload successfully/);
      expect(steps.find((x) => x.step === 'verify')!.evidence.join(' ')).toMatch(/D-LINK SYSTEMS.*HOME/);
      expect(payloads(lines, 'recover.progress').some((x) => x.phase === 'transfer' && x.bytes > 0)).toBe(true);
      expect((await s.next('received')).sha256).toBe(imageSha);
      if (result.ok) expect(result.value.plan).toMatchObject({ flow: 'dlink', model: 'dlink,dir-860l-b1', sha256: imageSha });
    } finally {
      s.stop();
    }
  });
});
