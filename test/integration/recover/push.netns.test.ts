/**
 * ASUS rescue mode and Ubiquiti urescue: the router is a TFTP server. tftpd-hpa (`in.tftpd -L -c -s DIR`, uploads
 * allowed) runs in the router namespace at 192.168.1.1 (ASUS) or 192.168.1.20 (Ubiquiti); the station namespace
 * runs `recover asus|ubiquiti` headless, which sends the file with our TFTP client. The file tftpd-hpa wrote must
 * equal the chosen one byte for byte; a web page that appears afterwards stands for the router's new firmware.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { CliLines, payloads, resultOf } from '../../../test-support/cli-lines';
import { noise, trxImage } from '../../../test-support/firmware-images';
import { ubntImage } from '../../../test-support/vendor-images';

const support = netnsSupport();
if (!support.ok) reportSkip('recover asus/ubiquiti (namespaces)', support.reason);

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function pushRun(flow: 'asus' | 'ubiquiti', model: string, router: string, station: string, image: Buffer, remote: string): Promise<void> {
  const lan: RescueLan = createRescueLan(flow === 'asus' ? 'as' : 'ub', { routerCidr: `${router}/24`, stationCidr: `${station}/24` });
  cleanups.push(() => lan.destroy());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rb-${flow}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const tftproot = path.join(dir, 'tftproot');
  fs.mkdirSync(tftproot, { mode: 0o777 });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(tftproot, 0o777);
  const tftpd = lan.router.spawn('in.tftpd', ['-L', '-c', '-s', tftproot, '-a', `${router}:69`], { stdio: 'ignore' });
  cleanups.push(() => void tftpd.kill('SIGKILL'));
  const file = path.join(dir, flow === 'asus' ? 'RT-N56U_3.0.0.4_382.bin.trx' : 'XM.v6.3.11.bin');
  fs.writeFileSync(file, image);
  const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', flow, '--file', file, '--model', model, '--yes', '--json', '--write-seconds', '1', '--verify-timeout', '30']);
  const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data') } });
  cleanups.push(() => void p.kill('SIGKILL'));
  const out = new CliLines(p);
  const sent = await out.waitFor('cli.step', (s) => s.step === 'transfer', 90_000, 'the transfer step');
  expect(sent.state, JSON.stringify(sent)).toBe('done');
  expect(sent.evidence.join(' ')).toMatch(new RegExp(`acknowledged all ${image.length} bytes`));
  // the router writes and comes back with its new firmware: now a web page answers
  const www = path.join(dir, 'www');
  fs.mkdirSync(www);
  fs.writeFileSync(path.join(www, 'index.html'), `<html><head><title>${model} new firmware</title></head></html>`);
  const web: ChildProcess = lan.router.spawn('python3', ['-m', 'http.server', '80', '--bind', router, '--directory', www], { stdio: 'ignore' });
  cleanups.push(() => void web.kill('SIGKILL'));
  await out.waitForLine((l) => l.event === 'cli.result', 90_000, 'the result');
  expect(out.invalid).toEqual([]);
  const result = resultOf<'recover'>(out.lines);
  expect(result.ok, out.stderr.join('').slice(-2000)).toBe(true);
  expect(payloads(out.lines, 'cli.step').map((s) => `${s.step}:${s.state}`)).toEqual(['cables:done', 'network:done', 'button:done', 'transfer:done', 'writing:done', 'verify:done']);
  expect(payloads(out.lines, 'cli.step').find((s) => s.step === 'verify')!.evidence.join(' ')).toMatch(/new firmware/);
  expect(sha(fs.readFileSync(path.join(tftproot, remote)))).toBe(sha(image));
}

describe.skipIf(!support.ok)('TFTP put to the router (ASUS rescue mode, Ubiquiti urescue)', () => {
  it('ASUS restarting mid-transfer (its link drops): a three-part fault about the cable signal, never success', async () => {
    const lan: RescueLan = createRescueLan('ac', { routerCidr: '192.168.1.1/24', stationCidr: '192.168.1.2/24' });
    cleanups.push(() => lan.destroy());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-asus-cut-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const tftproot = path.join(dir, 'tftproot');
    fs.mkdirSync(tftproot);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(tftproot, 0o777);
    const tftpd = lan.router.spawn('in.tftpd', ['-L', '-c', '-s', tftproot, '-a', '192.168.1.1:69'], { stdio: 'ignore' });
    cleanups.push(() => void tftpd.kill('SIGKILL'));
    const file = path.join(dir, 'RT-N56U.trx');
    fs.writeFileSync(file, trxImage([noise(16 * 1024 * 1024, 7), noise(17 * 1024 * 1024, 8)]));
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'asus', '--file', file, '--model', 'asus,rt-n56u', '--yes', '--json', '--retries', '0']);
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(dir, 'data') } });
    cleanups.push(() => void p.kill('SIGKILL'));
    const out = new CliLines(p);
    await out.waitFor('recover.progress', (x) => x.phase === 'transfer' && x.bytes > 0, 90_000, 'the transfer to start');
    lan.router.exec('ip', ['link', 'set', lan.routerIf, 'down']); // the router restarts: its port goes dark
    await out.waitForLine((l) => l.event === 'cli.result', 90_000, 'the result');
    const r = resultOf<'recover'>(out.lines);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('RECOVER_NO_CARRIER');
      expect(r.error.meaning).toBeTruthy();
      expect(r.error.fix).toMatch(/LAN port/);
    }
    expect(payloads(out.lines, 'cli.step').map((s) => `${s.step}:${s.state}`)).toEqual(['cables:done', 'network:done', 'button:done', 'transfer:failed']);
  });

  it('ASUS at 192.168.1.1: tftpd-hpa receives the .trx byte-exact, then the router answers', async () => {
    await pushRun('asus', 'asus,rt-n56u', '192.168.1.1', '192.168.1.2', trxImage([noise(300 * 1024, 5), noise(700 * 1024 + 77, 6)]), 'firmware.trx');
  });

  it('Ubiquiti at 192.168.1.20: tftpd-hpa receives the XM image byte-exact, then the router answers', async () => {
    await pushRun('ubiquiti', 'ubnt,nanostation-m', '192.168.1.20', '192.168.1.25', ubntImage('XM.ar7240.v6.3.11.33396.230425.1742', 900 * 1024), 'firmware.bin');
  });
});
