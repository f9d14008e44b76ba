/**
 * D-Link recovery upload benchmark (issue 15): our uploader (src-main/capabilities/recover/http-upload.ts) against
 * curl, in the same run, to the same uIP stand-in (test-support/uip-recovery-standin.py: HTTP/1.0, one-segment
 * receive window, immediate ACKs) between two network namespaces (192.168.0.1 router, 192.168.0.2 station).
 * Timed on the server side: from the connection's accept to the last byte of the firmware part, so process
 * start-up (node + tsx for ours, curl's own) is not counted. Rounds alternate ours / curl so load hits both alike;
 * the median is reported.
 * The anchor is `curl -F firmware=@FILE -H 'Expect:'`: without `-H 'Expect:'` curl sends "Expect: 100-continue"
 * and waits a second for a "100 Continue" that an HTTP/1.0 server never sends; that row is shown too, as what a
 * user typing the plain command gets.
 * Usage: npm run bench:recover   (root; ROUNDS=7 SIZE_MIB=4 to change)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRescueLan, netnsSupport, nodeTsArgs } from '../../test-support/netns';
import { noise } from '../../test-support/firmware-images';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SIZE = Math.round(Number(process.env.SIZE_MIB ?? 4) * 1024 * 1024);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const s = netnsSupport();
  if (!s.ok) throw new Error(`needs network namespaces: ${s.reason}`);
  const lan = createRescueLan('bdl', { routerCidr: '192.168.0.1/24', stationCidr: '192.168.0.2/24' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-dlink-'));
  try {
    const file = path.join(dir, 'firmware.bin');
    const data = noise(SIZE, 11);
    fs.writeFileSync(file, data);
    const want = crypto.createHash('sha256').update(data).digest('hex');
    const server = lan.router.spawn('python3', [path.resolve('test-support/uip-recovery-standin.py'), '--bind', '192.168.0.1', '--out', path.join(dir, 'got.bin')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const events: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    readline.createInterface({ input: server.stdout! }).on('line', (l) => {
      events.push(JSON.parse(l) as Record<string, unknown>);
      for (const w of waiters.splice(0)) w();
    });
    const nextReceived = (from: number): Promise<Record<string, unknown>> =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no upload received in 300 s')), 300_000);
        const check = (): void => {
          const hit = events.slice(from).find((e) => e.event === 'received' || e.event === 'refused');
          if (hit) {
            clearTimeout(t);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      });
    await new Promise<void>((resolve) => {
      const check = (): void => (events.some((e) => e.event === 'listening') ? resolve() : void waiters.push(check));
      check();
    });
    const runners: Record<string, () => void> = {
      ours: () => {
        const [cmd, args] = nodeTsArgs('test-support/recover-upload-probe.ts', ['192.168.0.1', file]);
        lan.station.exec(cmd, args, { timeout: 300_000 });
      },
      "curl -F -H 'Expect:'": () => void lan.station.exec('curl', ['-s', '-o', '/dev/null', '-F', `firmware=@${file};type=application/octet-stream`, '-H', 'Expect:', 'http://192.168.0.1/'], { timeout: 300_000 }),
      'curl -F (waits for 100 Continue)': () => void lan.station.exec('curl', ['-s', '-o', '/dev/null', '-F', `firmware=@${file};type=application/octet-stream`, 'http://192.168.0.1/'], { timeout: 300_000 }),
    };
    const ms: Record<string, number[]> = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
    // one warm-up each (ARP, page cache, the stand-in's first accept)
    for (const [name, go] of Object.entries(runners)) {
      const at = events.length;
      go();
      const r = await nextReceived(at);
      if (r.sha256 !== want) throw new Error(`${name}: the server got different bytes (${JSON.stringify(r)})`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? Object.keys(runners).reverse() : Object.keys(runners);
      for (const name of order) {
        const at = events.length;
        runners[name]!();
        const r = await nextReceived(at);
        if (r.event !== 'received' || r.sha256 !== want) throw new Error(`${name}: ${JSON.stringify(r)}`);
        ms[name]!.push(Number(r.ms));
      }
      process.stderr.write(`round ${round + 1}/${ROUNDS}: ${Object.entries(ms).map(([k, v]) => `${k} ${v.at(-1)} ms`).join(', ')}\n`);
    }
    server.kill('SIGKILL');
    const mib = SIZE / 1048576;
    const anchor = median(ms["curl -F -H 'Expect:'"]!);
    console.log(`\nD-Link recovery upload, ${mib.toFixed(1)} MiB, ${ROUNDS} rounds, median, timed by the server (accept → last byte of the part); load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log('| client | median ms | MiB/s | ratio (anchor time ÷ its time) | all rounds (ms) |');
    console.log('|---|---|---|---|---|');
    const anchorRounds = ms["curl -F -H 'Expect:'"]!;
    for (const [name, v] of Object.entries(ms)) {
      const m = median(v);
      // also the median of the ratios taken within each round (same load for both), as the TFTP benchmark does
      const perRound = median(v.map((x, i) => anchorRounds[i]! / x));
      console.log(`| ${name} | ${m.toFixed(1)} | ${(mib / (m / 1000)).toFixed(2)} | ${(anchor / m).toFixed(2)}× (per round: ${perRound.toFixed(2)}×) | ${v.join(', ')} |`);
    }
  } finally {
    lan.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
