/**
 * TFTP server benchmark (issue 4), loopback only. In the same run, on the same file, the same client fetches
 * from: our server (in this process, as the app runs it), tftpd-hpa (`in.tftpd -L -s DIR -a 127.0.0.1:PORT`,
 * run in the foreground), the npm `tftp` package 0.1.2 (the alternative in docs/decisions/0010) and the
 * "Node floor" (benchmarks/tftp/node-floor.ts: the least a Node lock-step server can do per packet).
 * Clients: curl --tftp-blksize 1468 (lock-step; the goal is >= 1.0x tftpd-hpa), curl default 512, and
 * atftp with windowsize 8 (RFC 7440; tftpd-hpa has no windowsize, so it runs lock-step there).
 * Our server runs three times: as shipped (lock-step reads on the native engine with its short yielding wait,
 * decision 0013), the native engine without that wait (`lockstepPollUs: 0`), and the JavaScript engine for
 * everything (`engine: 'js'`, with its adaptive busy poll, decision 0011), so the same run shows what each buys. CPU time per MiB is measured per fetch: process.cpuUsage() for
 * the servers in this process, `perf stat -e task-clock` on in.tftpd and its per-transfer children (if perf
 * is installed).
 * Rounds alternate between servers so background load hits all of them alike; the median is reported.
 * Usage: npm run bench:tftp      (ROUNDS=7 SIZE_MIB=32 to change; tftpd-hpa needs root to drop privileges)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startTftpServer } from '../../src-main/capabilities/tftp';
import { startNodeFloor } from './node-floor';

const MiB = 1024 * 1024;
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SIZE = Number(process.env.SIZE_MIB ?? 32) * MiB;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function freeUdpPort(): Promise<number> {
  // a TCP probe is enough to pick a number; UDP binds below check for real
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function run(cmd: string, args: string[], timeoutMs = 120_000): Promise<{ code: number | null; ms: number; err: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - t0, err });
    });
  });
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** `perf stat -e task-clock` on a process and the children it forks from now on; stop() gives CPU ms. */
async function perfStat(pid: number): Promise<{ stop(): Promise<number | undefined> }> {
  const p = spawn('perf', ['stat', '-x', ',', '-e', 'task-clock', '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise((r) => setTimeout(r, 300)); // perf attaches
  return {
    stop: () =>
      new Promise((resolve) => {
        p.on('exit', () => {
          const line = err.split('\n').find((l) => l.includes('task-clock'));
          const ms = line ? Number(line.split(',')[0]) : NaN;
          resolve(Number.isFinite(ms) ? ms : undefined);
        });
        p.kill('SIGINT');
      }),
  };
}

interface Client {
  name: string;
  args(port: number, out: string): [string, string[]];
}
const allClients: Client[] = [
  { name: 'curl blksize 1468', args: (p, out) => ['curl', ['-s', '--tftp-blksize', '1468', '-o', out, `tftp://127.0.0.1:${p}/bench.bin`]] },
  { name: 'curl default (512)', args: (p, out) => ['curl', ['-s', '-o', out, `tftp://127.0.0.1:${p}/bench.bin`]] },
  { name: 'atftp blksize 1468 windowsize 8', args: (p, out) => ['atftp', ['--option', 'blksize 1468', '--option', 'windowsize 8', '-g', '-r', 'bench.bin', '-l', out, '127.0.0.1', String(p)]] },
];
/** CLIENTS=curl to run only the clients whose name contains that word. */
const clients = allClients.filter((c) => !process.env.CLIENTS || c.name.includes(process.env.CLIENTS));

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-bench-'));
  fs.chmodSync(dir, 0o755); // tftpd-hpa drops to user tftp: the folder and file must be world-readable
  const file = path.join(dir, 'bench.bin');
  fs.writeFileSync(file, crypto.randomBytes(SIZE));
  fs.chmodSync(file, 0o644);
  const want = sha(file);
  const out = path.join(os.tmpdir(), `rb-tftp-bench-out-${process.pid}`);

  const servers: Array<{ name: string; port: number; stop: () => Promise<void> }> = [];
  const ours = await startTftpServer({ root: dir, bind: '127.0.0.1', port: 0 });
  console.error(`ours: lock-step engine ${ours.lockstep.engine}${ours.lockstep.why ? ` (${ours.lockstep.why})` : ''}`);
  servers.push({ name: 'ours', port: ours.port, stop: () => ours.close() });
  if (ours.lockstep.engine === 'native') {
    const noSpin = await startTftpServer({ root: dir, bind: '127.0.0.1', port: 0, lockstepPollUs: 0 });
    servers.push({ name: 'ours, native without wait', port: noSpin.port, stop: () => noSpin.close() });
  }
  const js = await startTftpServer({ root: dir, bind: '127.0.0.1', port: 0, engine: 'js' });
  servers.push({ name: 'ours, JavaScript engine', port: js.port, stop: () => js.close() });

  const hpaPort = await freeUdpPort();
  const hpa: ChildProcess = spawn('in.tftpd', ['-L', '-s', dir, '-a', `127.0.0.1:${hpaPort}`], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  servers.push({ name: 'tftpd-hpa', port: hpaPort, stop: async () => void hpa.kill('SIGTERM') });

  const npmPort = await freeUdpPort();
  const tftpPkg = createRequire(import.meta.url)('tftp') as { createServer(o: object): { listen(): void; close(): void; on(ev: string, f: (...a: unknown[]) => void): void } };
  const npmServer = tftpPkg.createServer({ host: '127.0.0.1', port: npmPort, root: dir, denyPUT: true });
  npmServer.on('error', () => undefined);
  npmServer.on('request', (req: unknown) => (req as { on(e: string, f: () => void): void }).on('error', () => undefined));
  npmServer.listen();
  servers.push({ name: 'npm tftp 0.1.2', port: npmPort, stop: async () => npmServer.close() });

  const floor = await startNodeFloor(dir);
  servers.push({ name: 'Node floor', port: floor.port, stop: async () => floor.close() });
  // Warm-up: one fetch from each server first (a long-running server is warm: JIT, page cache, ARP).
  for (const s of servers) await run('curl', ['-s', '--tftp-blksize', '1468', '-o', '/dev/null', `tftp://127.0.0.1:${s.port}/bench.bin`]);
  const results: Record<string, Record<string, number[]>> = {};
  /** CPU ms per MiB, per client, per server. */
  const cpu: Record<string, Record<string, number[]>> = {};
  const perf = spawnSync('perf', ['--version']).status === 0;
  const failures: string[] = [];
  /** Per client, per round: each server's rate, so ratios can be taken within a round (same load). */
  const byRound: Record<string, Array<Record<string, number>>> = {};
  for (const c of clients) {
    results[c.name] = {};
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of r % 2 === 0 ? servers : [...servers].reverse()) {
        fs.rmSync(out, { force: true });
        const [cmd, args] = c.args(s.port, out);
        const inProcess = s.name !== 'tftpd-hpa';
        const stat = !inProcess && perf ? await perfStat(hpa.pid!) : undefined;
        const u0 = process.cpuUsage();
        const res = await run(cmd, args);
        const u = process.cpuUsage(u0);
        const cpuMs = inProcess ? (u.user + u.system) / 1000 : stat ? await stat.stop() : undefined;
        if (cpuMs !== undefined) ((cpu[c.name] ??= {})[s.name] ??= []).push(cpuMs / (SIZE / MiB));
        const ok = res.code === 0 && fs.existsSync(out) && sha(out) === want;
        if (!ok) {
          failures.push(`${c.name} from ${s.name}: exit ${res.code} ${res.err.trim().slice(0, 120)}`);
          continue;
        }
        (results[c.name]![s.name] ??= []).push(SIZE / MiB / (res.ms / 1000));
        (byRound[c.name] ??= []);
        (byRound[c.name]![r] ??= {})[s.name] = SIZE / MiB / (res.ms / 1000);
      }
    }
  }
  for (const s of servers) await s.stop();
  fs.rmSync(out, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });

  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines: string[] = [];
  const names = servers.map((s) => s.name);
  lines.push(`TFTP loopback, ${SIZE / MiB} MiB file, median of ${ROUNDS} rounds (MiB/s, client process start included), ${os.cpus().length} × ${cpuModel}, load average ${os.loadavg()[0]!.toFixed(1)}; ratios are the median of per-round ratios (servers run back to back in each round)`);
  lines.push('');
  const others = names.filter((n) => n !== 'tftpd-hpa');
  lines.push(`| client | ${names.join(' | ')} | ${others.map((n) => `${n} / tftpd-hpa`).join(' | ')} |`);
  lines.push(`|---|${[...names, ...others].map(() => '---').join('|')}|`);
  for (const c of clients) {
    const m = (n: string): number | undefined => (results[c.name]![n]?.length ? median(results[c.name]![n]!) : undefined);
    const f = (x: number | undefined): string => (x === undefined ? 'failed' : x.toFixed(1));
    const paired = (x: string, y = 'tftpd-hpa'): string => {
      const rs = (byRound[c.name] ?? []).filter((r) => r[x] && r[y]).map((r) => r[x]! / r[y]!);
      return rs.length ? `${median(rs).toFixed(2)}×` : 'n/a';
    };
    lines.push(`| ${c.name} | ${names.map((n) => f(m(n))).join(' | ')} | ${others.map((n) => (n === 'ours' ? `**${paired(n)}**` : paired(n))).join(' | ')} |`);
  }
  lines.push('');
  lines.push(`Server CPU time (user + system) per MiB sent, median (ms/MiB)${perf ? '' : '; tftpd-hpa not measured (perf is not installed)'}:`);
  lines.push('');
  lines.push(`| client | ${names.join(' | ')} |`);
  lines.push(`|---|${names.map(() => '---').join('|')}|`);
  for (const c of clients) lines.push(`| ${c.name} | ${names.map((n) => (cpu[c.name]?.[n]?.length ? median(cpu[c.name]![n]!).toFixed(1) : 'n/a')).join(' | ')} |`);
  if (failures.length) {
    lines.push('');
    lines.push(`Failed fetches (${failures.length}): ${[...new Set(failures)].slice(0, 5).join('; ')}`);
  }
  const curlV = spawnSync('curl', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  lines.push('');
  lines.push(`Reproduce: npm run bench:tftp   (${curlV})`);
  console.log(lines.join('\n'));
  process.exit(0);
}

void main();
