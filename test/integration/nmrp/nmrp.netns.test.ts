/**
 * Netgear NMRP end to end, in two throw-away namespaces joined by a veth pair: the router side is the stand-in
 * (test-support/nmrp-router.py, a STAND-IN written from the published format) receiving the upload with a real
 * TFTP server (tftpd-hpa `in.tftpd -L -c`) at the address our CONF_ACK gave it. Our side is the real command
 * line (`rescue-bench recover netgear --json`: raw frames through the native addon, the network assistant's
 * address and static ARP entry, tftpPut). nmrpflash itself, built from its source, runs against the same
 * stand-in in the same suite, so the stand-in is checked against the program people trust.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCliRun, payloads, resultOf } from '../../../test-support/cli-lines';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { dniImage } from '../../../test-support/nmrp';
import { startStandin, type Standin, type StandinOptions } from '../../../test-support/nmrp-standin';
import { nmrpflash } from '../../../test-support/nmrpflash';

const ns = netnsSupport();
const hasHpa = fs.existsSync('/usr/sbin/in.tftpd');
const hasAddon = fs.existsSync(path.resolve('dist/native/rb_rawether.node'));
const why = !ns.ok ? ns.reason : !hasHpa ? 'tftpd-hpa is not installed (apt-get install tftpd-hpa)' : !hasAddon ? 'the raw-Ethernet addon is not built (npm run build:native)' : undefined;
if (why) reportSkip('nmrp (namespaces)', why);
const anchor = why ? undefined : nmrpflash();
if (anchor && !anchor.ok) reportSkip('nmrp against nmrpflash', anchor.reason);

let lan: RescueLan;
let base: string;
let image: string;
let imageSha: string;

function tftpDir(): string {
  const d = fs.mkdtempSync(path.join(base, 'tftp-'));
  fs.chmodSync(d, 0o777);
  return d;
}

function standin(o: Partial<StandinOptions>): Standin {
  // the router's address comes from our CONF_ACK: start each run without one
  lan.router.exec('ip', ['addr', 'flush', 'dev', lan.routerIf]);
  return startStandin(lan.router, { interface: lan.routerIf, tftpDir: tftpDir(), ...o });
}

function ours(args: string[]) {
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'netgear', '--interface', lan.stationIf, '--file', image, ...args, '--json']);
  return collectCliRun(lan.station.spawn(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'] }), { killAfterMs: 90_000 });
}

/** Nothing of the run is left on the station: no NMRP address, no permanent neighbour entry. */
function stationClean(): void {
  expect(lan.station.exec('ip', ['-4', 'addr', 'show', 'dev', lan.stationIf]).toString()).not.toContain('10.164.183.252');
  expect(lan.station.exec('ip', ['neigh', 'show', 'dev', lan.stationIf, 'nud', 'permanent']).toString().trim()).toBe('');
}

describe.skipIf(!!why)('Netgear NMRP against the stand-in router', () => {
  beforeAll(() => {
    lan = createRescueLan('nmrp', { routerCidr: '192.168.1.1/24', stationCidr: '192.168.1.10/24' });
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrp-'));
    fs.chmodSync(base, 0o755);
    image = path.join(base, 'R7800-V1.0.2.94.img');
    fs.writeFileSync(image, dniImage(crypto.randomBytes(3 * 1024 * 1024 + 77)));
    imageSha = crypto.createHash('sha256').update(fs.readFileSync(image)).digest('hex');
  });
  afterAll(() => {
    lan?.destroy();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('recovers: CONF_ACK with address and region, the upload byte-exact under the requested name, keep-alives, CLOSE_ACK; exit 0 and nothing left behind', async () => {
    const r = standin({ fileName: 'firmware', keepalives: 3 });
    await r.listening;
    const run = await ours(['--region', 'au']);
    expect(await r.done).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    expect(r.find('conf-ack')).toMatchObject({ ip: '10.164.183.253', mask: '255.255.255.0', region: 10 });
    expect(r.find('wrq')).toMatchObject({ name: 'firmware', options: { blksize: '1456' } });
    expect(r.find('uploaded')).toMatchObject({ name: 'firmware', sha256: imageSha, blksize: 1456 });
    expect(r.events.filter((e) => e.event === 'keep-alive-ack')).toHaveLength(3);
    expect(r.find('close-ack')).toBeDefined();
    const stages = payloads(run.lines, 'nmrp.stage').map((s) => s.stage);
    expect(stages).toEqual(expect.arrayContaining(['advertising', 'router-found', 'configured', 'upload-requested', 'uploading', 'uploaded', 'writing', 'done']));
    // every keep-alive answered; the first comes right after the last block (as bootloaders send it), often while our
    // TFTP client is still settling: answered then, without a 'writing' report of its own
    expect(payloads(run.lines, 'nmrp.stage').find((s) => s.stage === 'done')?.keepAlives).toBe(3);
    expect(stages.filter((s) => s === 'writing').length).toBeGreaterThanOrEqual(2);
    const result = resultOf<'recover netgear'>(run.lines);
    expect(result.ok && result.value.image?.board).toBe('R7800');
    stationClean();
  });

  it('answers a re-sent CONF_REQ with a fresh CONF_ACK when the first is lost, and uses the file name when the router sends none', async () => {
    const r = standin({ fileName: '', dropConfAcks: 1, keepalives: 1 });
    await r.listening;
    const run = await ours([]);
    expect(await r.done).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    expect(r.find('conf-ack-dropped')).toBeDefined();
    expect(r.find('uploaded')).toMatchObject({ name: 'R7800-V1.0.2.94.img', sha256: imageSha });
    expect(payloads(run.lines, 'nmrp.stage').filter((s) => s.stage === 'configured').length).toBeGreaterThanOrEqual(2);
    stationClean();
  });

  it('fails with everything undone when the router goes silent after taking its address', async () => {
    const r = standin({ silentAfter: 'conf-ack', linger: 4 });
    await r.listening;
    const run = await ours(['--timeout', '1']);
    expect(run.code).toBe(1);
    const result = resultOf(run.lines);
    expect(!result.ok && result.error.code).toBe('NMRP_ROUTER_SILENT');
    stationClean();
    r.kill();
    await r.done;
  });

  describe.skipIf(!anchor?.ok)('nmrpflash v0.9.25 against the same stand-in', () => {
    const flash = (args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const p = lan.station.spawn((anchor as { path: string }).path, ['-i', lan.stationIf, '-f', image, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        p.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
        p.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
        const t = setTimeout(() => p.kill('SIGKILL'), 60_000);
        p.on('close', (code) => {
          clearTimeout(t);
          resolve({ code: code ?? -1, out });
        });
      });

    it('recovers through the stand-in the same way: byte-exact upload of the requested name, keep-alives, CLOSE_ACK', async () => {
      const r = standin({ fileName: 'firmware', keepalives: 2 });
      await r.listening;
      const f = await flash([]);
      expect(await r.done).toBe(0);
      expect(f.code, f.out).toBe(0);
      expect(f.out).toContain('Reboot your device now.');
      expect(r.find('conf-ack')).toMatchObject({ ip: '10.164.183.253', mask: '255.255.255.0', region: null });
      expect(r.find('uploaded')).toMatchObject({ name: 'firmware', sha256: imageSha, blksize: 1456 });
      expect(r.events.filter((e) => e.event === 'keep-alive-ack')).toHaveLength(2);
    });

    it('recovers from a lost CONF_ACK through the stand-in, as ours does', async () => {
      const r = standin({ fileName: '', dropConfAcks: 1, keepalives: 0 });
      await r.listening;
      const f = await flash([]);
      expect(await r.done).toBe(0);
      expect(f.code, f.out).toBe(0);
      expect(r.find('uploaded')).toMatchObject({ name: 'R7800-V1.0.2.94.img', sha256: imageSha });
    });
  });
});
