/**
 * TP-Link recovery with real TFTP clients as the router: the station namespace runs `recover tplink` (our TFTP
 * server on 192.168.0.66:69, the image cut where it carries a bootloader), the router namespace (192.168.0.86)
 * asks for the file by its model names with tftp-hpa's `tftp`, busybox `tftp` and curl, as TP-Link bootloaders
 * do. The bytes each receives must equal the cut image. Then a web page at 192.168.0.1 stands for the router's
 * new firmware answering, which the verify step needs before anything is called success.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { CliLines, parseCliOutput, payloads, resultOf } from '../../../test-support/cli-lines';
import { tplinkFactory, tplinkUpBoot } from '../../../test-support/vendor-images';
import { expectAllSaid } from '../../../test-support/said';
import { loadCatalog, translator } from '../../../src-shared/i18n';

const support = netnsSupport();
if (!support.ok) reportSkip('recover tplink (namespaces)', support.reason);

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
let lan: RescueLan;
let dir: string;
let web: ChildProcess | undefined;

function routerFetch(client: 'tftp-hpa' | 'busybox' | 'curl', name: string): Buffer {
  const out = path.join(dir, `got-${client}-${name}`);
  fs.rmSync(out, { force: true });
  if (client === 'tftp-hpa') lan.router.exec('tftp', ['-m', 'binary', '192.168.0.66', '-c', 'get', name, out], { timeout: 60_000 });
  else if (client === 'busybox') lan.router.exec('busybox', ['tftp', '-g', '-r', name, '-l', out, '192.168.0.66'], { timeout: 60_000 });
  else lan.router.exec('curl', ['-sS', '--tftp-blksize', '1468', '-o', out, `tftp://192.168.0.66/${name}`], { timeout: 60_000 });
  return fs.readFileSync(out);
}

describe.skipIf(!support.ok)('TP-Link recovery: the router is a TFTP client', () => {
  beforeAll(() => {
    lan = createRescueLan('tp', { routerCidr: '192.168.0.86/24', stationCidr: '192.168.0.66/24' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tplink-'));
    fs.chmodSync(dir, 0o755);
    // the "new firmware" answers on 192.168.0.1 once it has been written (verify step)
    lan.router.exec('ip', ['addr', 'add', '192.168.0.1/24', 'dev', lan.routerIf]);
    const www = path.join(dir, 'www');
    fs.mkdirSync(www);
    fs.writeFileSync(path.join(www, 'index.html'), '<html><head><title>TL-WR841N</title></head><body>TP-LINK</body></html>');
    web = lan.router.spawn('python3', ['-m', 'http.server', '80', '--bind', '192.168.0.1', '--directory', www], { stdio: 'ignore' });
  });
  afterAll(() => {
    web?.kill('SIGKILL');
    lan?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a stock up_boot image loses its outer header and bootloader; tftp-hpa, busybox and curl get exactly the firmware under the model names', async () => {
    const fw = tplinkFactory(0x08410009, 96 * 1024, 400 * 1024);
    const img = tplinkUpBoot(0x08410009, fw);
    const file = path.join(dir, 'wr841nv9_en_3_16_9_up_boot(150310).bin');
    fs.writeFileSync(file, img);
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'tplink', '--file', file, '--model', 'TL-WR841N v9', '--yes', '--json', '--write-seconds', '4', '--fetch-timeout', '60', '--verify-timeout', '30']);
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data') } });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const out = new CliLines(p);
    const serving = await out.waitFor('cli.step', (s) => s.step === 'serve', 60_000, 'the serve step');
    expect(serving.state, stderr).toBe('done');
    expect(serving.evidence.join(' ')).toMatch(/192\.168\.0\.66:69.*"wr841nv9_tp_recovery\.bin", "tp_recovery\.bin"/);
    // the router's bootloader asks by its model name; then, while the guide waits for the writing, two more clients
    expect(sha(routerFetch('tftp-hpa', 'wr841nv9_tp_recovery.bin'))).toBe(sha(fw));
    const fetched = await out.waitFor('cli.step', (s) => s.step === 'transfer', 30_000, 'the fetch step');
    expect(fetched.state).toBe('done');
    expect(fetched.evidence.join(' ')).toMatch(/asked for "wr841nv9_tp_recovery\.bin"/);
    expect(fetched.evidence.join(' ')).toMatch(new RegExp(`all ${fw.length} bytes`));
    expect(sha(routerFetch('busybox', 'tp_recovery.bin'))).toBe(sha(fw));
    expect(sha(routerFetch('curl', 'wr841nv9_tp_recovery.bin'))).toBe(sha(fw));
    // a name nobody listed (another hardware revision's): answer-any serves the chosen image all the same
    expect(sha(routerFetch('curl', 'wr841nv11_tp_recovery.bin'))).toBe(sha(fw));
    await out.waitForLine((l) => l.event === 'cli.result', 90_000, 'the result');
    const code = await new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.on('exit', r)));
    const lines = out.lines;
    expect(out.invalid).toEqual([]);
    const result = resultOf<'recover'>(lines);
    expect(result.ok, stderr.slice(-2000)).toBe(true);
    expect(code).toBe(0);
    if (result.ok) {
      expect(result.value.plan.image).toMatchObject({ cutBytes: 0x20200, servedBytes: fw.length });
      expect(result.value.plan.image.cutReason).toMatch(/skip=257/);
      expect(result.value.plan.sha256).toBe(sha(fw));
      // every evidence line of the run is ours, said in German from its id (decision 0188), the LED line too
      const german = expectAllSaid(result.value.run!.steps.flatMap((s) => s.evidence), translator('de', await loadCatalog('de'))).join('\n');
      expect(german).toMatch(/^Während er schreibt: /m);
    }
    expect(payloads(lines, 'cli.step').map((s) => `${s.step}:${s.state}`)).toEqual(['cables:done', 'network:done', 'serve:done', 'transfer:done', 'writing:done', 'verify:done']);
    expect(payloads(lines, 'cli.step').find((s) => s.step === 'verify')!.evidence.join(' ')).toMatch(/TL-WR841N/);
  });

  it('without a model, any name the router asks for is logged and gets the image (answer-any); an OpenWrt factory image goes unchanged', async () => {
    const img = tplinkFactory(0xc7000005, 64 * 1024, 128 * 1024);
    const file = path.join(dir, 'openwrt-ath79-generic-tplink_archer-c7-v5-squashfs-factory.bin');
    fs.writeFileSync(file, img);
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'tplink', '--file', file, '--yes', '--json', '--write-seconds', '1', '--fetch-timeout', '60', '--verify-timeout', '20']);
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data3') } });
    const out = new CliLines(p);
    await out.waitFor('cli.step', (s) => s.step === 'serve' && s.state === 'done', 60_000, 'the serve step');
    expect(sha(routerFetch('busybox', 'ArcherC7v5_tp_recovery.bin'))).toBe(sha(img));
    const fetched = await out.waitFor('cli.step', (s) => s.step === 'transfer', 30_000, 'the fetch step');
    expect(fetched.evidence.join(' ')).toMatch(/asked for "ArcherC7v5_tp_recovery\.bin".*not one of the known names/);
    await out.waitForLine((l) => l.event === 'cli.result', 60_000, 'the result');
    const r = resultOf<'recover'>(out.lines);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.plan.image).toMatchObject({ cutBytes: 0, servedBytes: img.length });
  });

  it('port 69 taken by another program: the serve step says which port and how to find the program', async () => {
    const squatter = lan.station.spawn('python3', ['-c', "import socket,time; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('192.168.0.66', 69)); print('bound', flush=True); time.sleep(120)"], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise<void>((resolve) => squatter.stdout!.once('data', () => resolve()));
      const file = path.join(dir, 'c7.bin');
      fs.writeFileSync(file, tplinkFactory(0xc7000002));
      const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'tplink', '--file', file, '--model', 'tplink,archer-c7-v2', '--yes', '--json', '--retries', '0']);
      const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data4') } });
      const out = new CliLines(p);
      await out.waitForLine((l) => l.event === 'cli.result', 60_000, 'the result');
      const r = resultOf<'recover'>(out.lines);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('PORT_IN_USE');
        expect(r.error.message).toMatch(/UDP port 69 on 192\.168\.0\.66/);
        expect(r.error.fix).toMatch(/ss -ulpn/);
      }
      expect(payloads(out.lines, 'cli.step').map((s) => `${s.step}:${s.state}`)).toEqual(['cables:done', 'network:done', 'serve:failed']);
    } finally {
      squatter.kill('SIGKILL');
    }
  });

  it('a file for another model is refused before anything is served, in three parts', async () => {
    const file = path.join(dir, 'archer-c7-v2-factory.bin');
    fs.writeFileSync(file, tplinkFactory(0xc7000002));
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'tplink', '--file', file, '--model', 'tplink,tl-wr841n-v9', '--yes', '--json']);
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data2') } });
    let stdout = '';
    p.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((r) => p.on('exit', r));
    expect(code).toBe(1);
    const r = resultOf<'recover'>(parseCliOutput(stdout));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'RECOVER_WRONG_MODEL' });
      expect(r.error.meaning).toMatch(/0xc7000002.*0x08410009/);
      expect(r.error.fix).toBeTruthy();
    }
    expect(stdout).not.toMatch(/"cli\.step"/);
  });
});
