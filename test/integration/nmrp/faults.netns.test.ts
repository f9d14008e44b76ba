/**
 * Upload faults with the real stack (our CLI, the network assistant, tftpPut) against the NMRP stand-in
 * (test-support/nmrp-router.py, a STAND-IN): the router asks for the file but no TFTP server answers the first
 * block, and the router "restarts" mid-upload (its TFTP server stops and its address goes). Both end non-zero
 * with a three-part fault, and nothing of the run is left on this computer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCliRun, resultOf } from '../../../test-support/cli-lines';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { dniImage } from '../../../test-support/nmrp';
import { startStandin, type StandinOptions } from '../../../test-support/nmrp-standin';

const ns = netnsSupport();
const why = !ns.ok ? ns.reason : !fs.existsSync('/usr/sbin/in.tftpd') ? 'tftpd-hpa is not installed' : !fs.existsSync(path.resolve('dist/native/rb_rawether.node')) ? 'the raw-Ethernet addon is not built (npm run build:native)' : undefined;
if (why) reportSkip('nmrp upload faults (namespaces)', why);

let lan: RescueLan;
let base: string;
let image: string;

async function run(o: Partial<StandinOptions>) {
  lan.router.exec('ip', ['addr', 'flush', 'dev', lan.routerIf]);
  const dir = fs.mkdtempSync(path.join(base, 'tftp-'));
  fs.chmodSync(dir, 0o777);
  const r = startStandin(lan.router, { interface: lan.routerIf, tftpDir: dir, linger: 1, ...o });
  await r.listening;
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['recover', 'netgear', '--interface', lan.stationIf, '--file', image, '--timeout', '2', '--json']);
  const cli = await collectCliRun(lan.station.spawn(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'] }), { killAfterMs: 90_000 });
  await r.done;
  return { cli, r };
}

function stationClean(): void {
  expect(lan.station.exec('ip', ['-4', 'addr', 'show', 'dev', lan.stationIf]).toString()).not.toContain('10.164.183.252');
  expect(lan.station.exec('ip', ['neigh', 'show', 'dev', lan.stationIf, 'nud', 'permanent']).toString().trim()).toBe('');
}

describe.skipIf(!!why)('Netgear NMRP upload faults', () => {
  beforeAll(() => {
    lan = createRescueLan('nmrpf');
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrpf-'));
    fs.chmodSync(base, 0o755);
    image = path.join(base, 'R7800-V1.0.2.94.img');
    fs.writeFileSync(image, dniImage(crypto.randomBytes(4 * 1024 * 1024)));
  });
  afterAll(() => {
    lan?.destroy();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('no answer to the first block: names ARP and the firewall', async () => {
    const { cli, r } = await run({ noTftpd: true });
    expect(r.find('no-server')).toBeDefined();
    expect(cli.code).toBe(1);
    const res = resultOf(cli.lines);
    expect(!res.ok && res.error).toMatchObject({ code: 'NMRP_TFTP_NO_ANSWER' });
    expect(!res.ok && res.error.meaning).toMatch(/ARP/);
    stationClean();
  });

  it('the router restarts mid-upload: says where it stopped and that nothing was written', async () => {
    const { cli, r } = await run({ resetAtBytes: 1024 * 1024 });
    expect(r.find('reset')).toBeDefined();
    expect(cli.code).toBe(1);
    const res = resultOf(cli.lines);
    expect(!res.ok && res.error).toMatchObject({ code: 'NMRP_UPLOAD_INTERRUPTED' });
    expect(!res.ok && res.error.message).toMatch(/stopped at \d+ %/);
    stationClean();
  });
});
