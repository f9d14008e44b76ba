/**
 * Cold start to a ready practice router (issue 18: goal < 2 s), side by side with its anchor in the same run.
 *
 *   ours      `rescue-bench serve --practice --json` (the built CLI, a new process each time) from spawn until its
 *             cli.listening line: the bench server listens AND the practice router is ready (sockets bound,
 *             flash files written; its SSH host key is made at its first login), so "Switch on" boots it.
 *   baseline  the same `serve --json` without --practice: what the practice router adds.
 *   anchor    dropbear, the SSH server OpenWrt's failsafe starts: dropbearkey -t ed25519, then
 *             `dropbear -F -E -r key -p 127.0.0.1:PORT` until a TCP connection is accepted.
 *
 * Loopback only. Needs `npm run build:node` (dist/cli) and dropbear-bin. Run: npm run bench:practice
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PracticeService } from '../../src-main/capabilities/practice';

const RUNS = Number(process.env.RUNS ?? 9);
const cli = path.resolve('dist/cli/cli.mjs');
if (!fs.existsSync(cli)) throw new Error('dist/cli/cli.mjs is not built: npm run build:node');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function serveUntilListening(practice: boolean): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-practice-'));
  const netmsg = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--json', '--renderer', dataDir, ...(practice ? ['--practice', '--netmsg-port', String(netmsg)] : [])], {
    env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.on('line', (l) => {
      if (l.includes('"cli.listening"')) resolve(performance.now() - t0);
    });
    child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
  });
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

async function dropbearUntilAccepting(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-dropbear-'));
  const key = path.join(dir, 'key');
  const port = await freePort();
  const t0 = performance.now();
  spawnSync('dropbearkey', ['-t', 'ed25519', '-f', key], { stdio: 'ignore' });
  const child = spawn('/usr/sbin/dropbear', ['-F', '-E', '-r', key, '-p', `127.0.0.1:${port}`], { stdio: 'ignore' });
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        r(true);
      });
      s.on('error', () => r(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

/** The practice router alone, in a running workstation: practice.start until it answers (ports bound, key made, flash written). */
async function inProcessStart(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-practice-'));
  const svc = new PracticeService({ dataDir, state: () => undefined, addConsole: () => () => undefined });
  const t0 = performance.now();
  await svc.start('forgot-password', await freePort());
  const ms = performance.now() - t0;
  await svc.stop(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

const inproc: number[] = [];
const ours: number[] = [];
const base: number[] = [];
const anchor: number[] = [];
await serveUntilListening(true); // warm the disk cache once, as a second start on a user's machine would be
for (let i = 0; i < RUNS; i++) {
  ours.push(await serveUntilListening(true));
  base.push(await serveUntilListening(false));
  anchor.push(await dropbearUntilAccepting());
  inproc.push(await inProcessStart());
}
const f = (x: number) => x.toFixed(0);
console.log(`runs: ${RUNS}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`serve --practice → ready:   median ${f(median(ours))} ms, max ${f(max(ours))} ms  (goal < 2000 ms: ${max(ours) < 2000 ? 'met' : 'NOT met'})`);
console.log(`serve (no practice) → ready: median ${f(median(base))} ms, max ${f(max(base))} ms  (the practice router adds ${f(median(ours) - median(base))} ms)`);
console.log(`dropbear key + listen:        median ${f(median(anchor))} ms, max ${f(max(anchor))} ms`);
console.log(`practice.start in a running workstation: median ${median(inproc).toFixed(1)} ms, max ${max(inproc).toFixed(1)} ms (${(median(inproc) / median(anchor)).toFixed(2)}x dropbear)`);
console.log(`ratio ours/anchor (median): ${(median(ours) / median(anchor)).toFixed(1)}x`);
