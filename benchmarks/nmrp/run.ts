/**
 * Netgear NMRP benchmark (issue 16): ours (`rescue-bench recover netgear`) against nmrpflash v0.9.25 (built from
 * its source by test-support/nmrpflash.ts into a cache outside the repository), in the same run, against the same
 * stand-in router (test-support/nmrp-router.py — a STAND-IN for a Netgear bootloader) with the same 32 MiB image,
 * in two throw-away namespaces joined by a veth pair. The stand-in measures both on its own clock, from the
 * kernel's receive times of the frames: the span from its first CONF_REQ to the CLOSE_ACK it receives, and the
 * upload rate from the TFTP write request to the last data block. Each recovery includes two keep-alives 0.2 s
 * apart (the "writing"), the same for both. Rounds alternate between the two programs; medians are reported.
 * Needs root (namespaces, raw frames), tftpd-hpa, the raw-Ethernet addon (npm run build:native) and
 * nmrpflash's build dependencies (libpcap-dev libnl-3-dev libnl-route-3-dev pkg-config).
 * Usage: npm run bench:nmrp      (ROUNDS=5 SIZE_MIB=32 to change)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRescueLan, netnsSupport, nodeTsArgs } from '../../test-support/netns';
import { dniImage } from '../../test-support/nmrp';
import { startStandin } from '../../test-support/nmrp-standin';
import { nmrpflash } from '../../test-support/nmrpflash';

const MiB = 1024 * 1024;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SIZE = Number(process.env.SIZE_MIB ?? 32) * MiB;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const ns = netnsSupport();
  if (!ns.ok) throw new Error(`cannot run: ${ns.reason}`);
  if (!fs.existsSync(path.resolve('dist/native/rb_rawether.node'))) throw new Error('the raw-Ethernet addon is not built: npm run build:native');
  const anchor = nmrpflash();
  if (!anchor.ok) throw new Error(`nmrpflash: ${anchor.reason}`);
  const lan = createRescueLan('nmrpb');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrp-bench-'));
  fs.chmodSync(base, 0o755);
  try {
    const image = path.join(base, 'R7800-V1.0.2.94.img');
    fs.writeFileSync(image, dniImage(crypto.randomBytes(SIZE - 129)));
    const sha = crypto.createHash('sha256').update(fs.readFileSync(image)).digest('hex');
    const programs: Record<'ours' | 'nmrpflash', () => [string, string[]]> = {
      ours: () => nodeTsArgs('src-main/cli/main.ts', ['recover', 'netgear', '--interface', lan.stationIf, '--file', image, '--json']),
      nmrpflash: () => [anchor.path, ['-i', lan.stationIf, '-f', image]],
    };
    const results: Record<string, { span: number[]; rate: number[] }> = { ours: { span: [], rate: [] }, nmrpflash: { span: [], rate: [] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 ? (['nmrpflash', 'ours'] as const) : (['ours', 'nmrpflash'] as const)) {
        lan.router.exec('ip', ['addr', 'flush', 'dev', lan.routerIf]);
        const dir = fs.mkdtempSync(path.join(base, 'tftp-'));
        fs.chmodSync(dir, 0o777);
        const r = startStandin(lan.router, { interface: lan.routerIf, tftpDir: dir, fileName: 'firmware', keepalives: 2, keepaliveEvery: 0.2 });
        await r.listening;
        const [cmd, args] = programs[name]();
        const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
        const code = await new Promise<number>((resolve) => p.on('close', (c) => resolve(c ?? -1)));
        const rc = await r.done;
        const ev = (e: string) => r.find(e);
        const up = ev('uploaded');
        if (code !== 0 || rc !== 0 || !up || up.sha256 !== sha) throw new Error(`${name} round ${round}: exit ${code}, stand-in ${rc}, upload ${String(up?.sha256)}\n${err}`);
        const span = ev('close-ack')!.t - ev('conf-req')!.t;
        const rate = SIZE / (up.t - ev('wrq')!.t) / MiB;
        results[name]!.span.push(span);
        results[name]!.rate.push(rate);
        console.log(`round ${round + 1} ${name.padEnd(9)} CONF_REQ→CLOSE_ACK ${span.toFixed(3)} s, upload ${rate.toFixed(1)} MiB/s`);
        // TRACE=1: the stand-in's events relative to its first CONF_REQ, to see where a run spent its time
        if (process.env.TRACE) console.log('  ' + r.events.map((e) => `${e.event}@${(e.t - ev('conf-req')!.t).toFixed(3)}`).join(' '));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const o = results.ours!;
    const n = results.nmrpflash!;
    console.log(`\n${SIZE / MiB} MiB, ${ROUNDS} rounds each, medians:`);
    console.log(`| program | CONF_REQ → CLOSE_ACK | upload rate |`);
    console.log(`|---|---|---|`);
    console.log(`| ours (recover netgear) | ${median(o.span).toFixed(3)} s | ${median(o.rate).toFixed(1)} MiB/s |`);
    console.log(`| nmrpflash v0.9.25 | ${median(n.span).toFixed(3)} s | ${median(n.rate).toFixed(1)} MiB/s |`);
    console.log(`| ours ÷ nmrpflash | ${(median(o.span) / median(n.span)).toFixed(2)}× time | ${(median(o.rate) / median(n.rate)).toFixed(2)}× rate |`);
    console.log(`all spans (s): ours ${o.span.map((x) => x.toFixed(3)).join(', ')}; nmrpflash ${n.span.map((x) => x.toFixed(3)).join(', ')}`);
    console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    lan.destroy();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
