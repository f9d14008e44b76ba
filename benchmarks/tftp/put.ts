/**
 * TFTP upload (WRQ) of 32 MiB to tftpd-hpa, the way ASUS rescue mode and Ubiquiti urescue receive firmware: the
 * server (`in.tftpd -L -c`) runs in a "router" namespace at 192.168.1.1, the clients in a "station" namespace at
 * 192.168.1.10, joined by a veth pair (test-support/netns.ts). Clients, in the same run:
 *  - ours: tftpPut (src-main/capabilities/tftp/client.ts) at blksize 1468 (its default), in one warm Node process
 *    in the station namespace (test-support/tftp-put-runner.ts), so Node's start-up is not what is measured;
 *  - atftp's client at blksize 1468: `atftp --option "blksize 1468" -p` (goal: ours >= 1.0x);
 *  - tftp-hpa's client, which has no blksize option (512-byte blocks): `tftp -m binary -c put` (goal >= 1.0x);
 *  - ours at blksize 512 too, to show the like-for-like figure beside tftp-hpa;
 *  - ours with the JavaScript sender (`engine: 'js'`): as shipped, lock-step uploads of a file go through the native
 *    lock-step engine when it is built (decision 0016); this shows what that buys;
 *  - ours on the native engine with the yielding wait the server uses (300 µs; uploads use none, decision 0016).
 * Timed on the server side, from the kernel's own timestamps of the file tftpd-hpa writes: its birth time (the
 * server creates it when the WRQ arrives, before it answers) to its last modification (the last block written),
 * so a client's process start-up and exit do not count. Every upload is checked byte-exact (sha256 of the file).
 * Rounds run every client once, in an order rotated per round (the 2-core machine is shared); per-round ratios
 * (their time / ours) and the median of them are printed, and the medians of the times.
 * Usage: npm run build:native && npm run bench:tftp:put   (needs root for the namespaces; ROUNDS=7 SIZE_MIB=32 to change)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRescueLan, netnsSupport, type RescueLan } from '../../test-support/netns';
import { startPutRunner } from '../../test-support/tftp-put-peer';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SIZE = Number(process.env.SIZE_MIB ?? 32) * 1024 * 1024;
const ROUTER = '192.168.1.1';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function runIn(lan: RescueLan, cmd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = lan.station.spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

async function main(): Promise<void> {
  const ns = netnsSupport();
  if (!ns.ok) {
    console.error(`cannot run: ${ns.reason}`);
    process.exit(2);
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-bench-'));
  fs.chmodSync(base, 0o755);
  const srv = path.join(base, 'srv');
  fs.mkdirSync(srv, { mode: 0o777 });
  fs.chmodSync(srv, 0o777);
  const src = path.join(base, 'bench.bin');
  const data = crypto.randomBytes(SIZE);
  fs.writeFileSync(src, data);
  const want = crypto.createHash('sha256').update(data).digest('hex');
  const lan = createRescueLan('bput');
  const hpa = lan.router.spawn('in.tftpd', ['-L', '-c', '-u', 'root', '-s', srv, '-a', `${ROUTER}:69`], { stdio: 'ignore' });
  const runner = startPutRunner(lan.station);
  const cleanup = (): void => {
    runner.close();
    hpa.kill('SIGKILL');
    lan.destroy();
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    await new Promise((r) => setTimeout(r, 300));
    let n = 0;
    let shippedEngine: string | undefined;
    type Client = { name: string; put(remote: string): Promise<void> };
    const ours = (blksize: number, engine: 'auto' | 'js' = 'auto', lockstepPollUs?: number): Client['put'] => async (remote) => {
      const o = await runner.put({ host: ROUTER, source: { path: src }, remoteName: remote, blksize, engine, ...(lockstepPollUs !== undefined ? { lockstepPollUs } : {}) });
      if (!o.ok) throw new Error(`ours failed: ${o.error.message} ${o.error.details ?? ''}`);
      if (engine === 'auto') shippedEngine = o.result.engine;
    };
    const external = (cmd: string, args: (remote: string) => string[]): Client['put'] => async (remote) => {
      const r = await runIn(lan, cmd, args(remote));
      if (r.code !== 0) throw new Error(`${cmd} exited ${r.code}: ${r.stderr.trim()}`);
    };
    const allClients: Client[] = [
      { name: 'ours blksize 1468', put: ours(1468) },
      { name: 'atftp blksize 1468', put: external('atftp', (r) => ['--option', 'blksize 1468', '-p', '-l', src, '-r', r, ROUTER, '69']) },
      { name: 'tftp-hpa (512, no options)', put: external('tftp', (r) => [ROUTER, '-m', 'binary', '-c', 'put', src, r]) },
      { name: 'ours blksize 512', put: ours(512) },
      { name: 'ours JavaScript engine blksize 1468', put: ours(1468, 'js') },
      { name: 'ours native with the server\'s yielding wait (300 µs) blksize 1468', put: ours(1468, 'auto', 300) },
    ];
    /** CLIENTS=atftp,ours to run only the clients whose name contains one of the words. */
    const only = process.env.CLIENTS?.split(',').filter(Boolean);
    const clients = allClients.filter((c) => !only || only.some((w) => c.name.includes(w)));
    const times: Record<string, number[]> = Object.fromEntries(allClients.map((c) => [c.name, []]));
    // one warm-up upload each (ARP, page cache, the runner's JIT), not counted
    for (const c of clients) await c.put(`warm-${n++}.bin`);
    for (let round = 0; round < ROUNDS; round++) {
      const order = clients.map((_, i) => clients[(i + round) % clients.length]!);
      const line: string[] = [];
      for (const c of order) {
        const remote = `r${round}-${n++}.bin`;
        await c.put(remote);
        const p = path.join(srv, remote);
        // tftpd-hpa closes the file after its final ACK; wait until it has the whole file
        for (let i = 0; i < 200 && fs.statSync(p).size < SIZE; i++) await new Promise((r) => setTimeout(r, 10));
        const st = fs.statSync(p);
        if (st.size !== SIZE) throw new Error(`${c.name}: the server wrote ${st.size} bytes, not ${SIZE}`);
        const got = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
        if (got !== want) throw new Error(`${c.name}: the server's file differs (sha256 ${got})`);
        const ms = st.mtimeMs - st.birthtimeMs;
        if (!(st.birthtimeMs > 0) || ms <= 0) throw new Error('this file system has no birth time (statx btime); run from a folder on ext4, xfs, btrfs or tmpfs');
        times[c.name]!.push(ms);
        line.push(`${c.name} ${ms.toFixed(0)} ms`);
        fs.rmSync(p);
      }
      process.stderr.write(`round ${round + 1}: ${line.join(', ')}\n`);
    }
    const mibs = (ms: number): string => `${(SIZE / 1048576 / (ms / 1000)).toFixed(1)} MiB/s`;
    const ours1468 = times['ours blksize 1468']!;
    const ours512 = times['ours blksize 512']!;
    const ratio = (them: number[], us: number[]): number => median(them.map((t, i) => t / us[i]!));
    console.log(`\nTFTP put of ${SIZE / 1048576} MiB to tftpd-hpa in namespaces, ${ROUNDS} rounds, server-side time (file birth to last write); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log('| Client | Median time | Throughput | All runs (ms) |');
    console.log('|---|---|---|---|');
    for (const c of clients) {
      const t = times[c.name]!;
      if (t.length === 0) continue;
      console.log(`| ${c.name} | ${median(t).toFixed(0)} ms | ${mibs(median(t))} | ${t.map((x) => x.toFixed(0)).join(', ')} |`);
    }
    const have = (...names: string[]): boolean => names.every((x) => (times[x] ?? []).length > 0);
    const say = (text: string, them: string, us: string): void => {
      if (have(them, us)) console.log(`${text}: ${ratio(times[them]!, times[us]!).toFixed(2)}x`);
    };
    say('Ours (1468) vs atftp (1468), median of per-round ratios (their time / ours), goal >= 1.0', 'atftp blksize 1468', 'ours blksize 1468');
    say('Ours (1468, default) vs tftp-hpa (512: it has no blksize option), goal >= 1.0', 'tftp-hpa (512, no options)', 'ours blksize 1468');
    say('Ours at 512 vs tftp-hpa (512), like for like', 'tftp-hpa (512, no options)', 'ours blksize 512');
    say('Ours with the JavaScript sender (1468) vs atftp (1468)', 'atftp blksize 1468', 'ours JavaScript engine blksize 1468');
    say('Ours native with the server\'s yielding wait (1468) vs atftp (1468)', 'atftp blksize 1468', 'ours native with the server\'s yielding wait (300 µs) blksize 1468');
    console.log(`Ours as shipped sent with: ${shippedEngine === 'native' ? 'the native lock-step engine' : 'the JavaScript sender (the native engine is not built: npm run build:native)'}`);
  } finally {
    cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
