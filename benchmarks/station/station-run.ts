/**
 * Runs INSIDE the station namespace (see backup.ts). Sets up a slot route per card (net slotRoute), then times,
 * alternately, all routers backed up at once:
 *  - ours: the flash service's backup job per slot (SSH via ssh2 from the slot's address, sha256 + md5 on the fly,
 *    file written and fsynced, manifest; --skip-router-hash like the single-router benchmark), all concurrently;
 *  - anchor: OpenSSH `ssh -b <slot address> root@192.168.1.1 cat /dev/mtd0 > file`, all in parallel.
 * Samples this process's resident memory every 20 ms while ours run. Prints one JSON line.
 * Usage: station-run.ts DATA_DIR KEY_FILE ROUNDS CARD…
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NetService, type SlotRoute } from '../../src-main/capabilities/net';
import { FlashService } from '../../src-main/capabilities/flash';

const [dataDir, keyFile, roundsArg, ...cards] = process.argv.slice(2) as [string, string, string, ...string[]];
const rounds = Number(roundsArg);

function sh(cmd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('sh', ['-c', cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (b) => (err += String(b)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd}: exit ${code} ${err}`))));
  });
}

async function main(): Promise<void> {
  const net = new NetService({}, { dataDir });
  const slots: SlotRoute[] = [];
  for (const c of cards) slots.push(await net.slotRoute(c, { routerIp: '192.168.1.1', prefix: 24 }));
  const flash = new FlashService(dataDir, { progress: () => undefined, partition: () => undefined, done: () => undefined, restoreProgress: () => undefined });
  const sizes: number[] = [];
  // CPU: this process (all its threads: ssh2, hashing, workers, libuv's pool) for ours; the waited-for children
  // (sh + ssh, from /proc/self/stat's cutime + cstime) for OpenSSH's.
  const cpuOurs: number[] = [];
  const cpuOpenssh: number[] = [];
  const childCpuMs = (): number => {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // fields 16 and 17, in clock ticks (USER_HZ = 100)
  };
  const ours = async (round: number): Promise<number> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const results = await Promise.all(
      slots.map((s, i) =>
        flash.startBackup({
          target: { host: '192.168.1.1', method: 'ssh', user: 'root', keyFile, hostKeyPolicy: 'remember', localAddress: s.sourceAddress },
          outDir: path.join(dataDir, `ours-${round}-${i}`),
          retryFailed: false,
          routerHash: false,
        }).finished,
      ),
    );
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (round >= 0) cpuOurs.push((c.user + c.system) / 1000);
    for (const r of results) if (!r.ok) throw new Error(`backup failed: ${JSON.stringify(r.error ?? r.manifest.partitions.map((p) => p.error))}`);
    if (round === 0) for (const r of results) sizes.push(r.manifest.partitions.reduce((n, p) => n + (p.bytes ?? 0), 0));
    for (const r of results) fs.rmSync(r.dir, { recursive: true, force: true });
    return ms;
  };
  const openssh = async (round: number): Promise<number> => {
    const c0 = childCpuMs();
    const t0 = performance.now();
    await Promise.all(
      slots.map((s, i) =>
        sh(`ssh -b ${s.sourceAddress} -i ${keyFile} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@192.168.1.1 cat /dev/mtd0 > ${path.join(dataDir, `openssh-${round}-${i}.bin`)}`),
      ),
    );
    const ms = performance.now() - t0;
    if (round >= 0) cpuOpenssh.push(childCpuMs() - c0);
    for (let i = 0; i < slots.length; i++) fs.rmSync(path.join(dataDir, `openssh-${round}-${i}.bin`));
    return ms;
  };
  // Memory: resident set of this process, sampled while ours run.
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20); // rss() alone: no heap walk
  await openssh(-1); // warm-up: router page caches, ssh binaries
  const baseline = process.memoryUsage.rss();
  peak = baseline;
  const o: number[] = [];
  const a: number[] = [];
  const load: number[] = [];
  // BENCH_ONLY=ours: our side only (profiling, tuning); the section is then not written (backup.ts)
  const oursOnly = process.env.BENCH_ONLY === 'ours';
  for (let i = 0; i < rounds; i++) {
    if (oursOnly) o.push(await ours(i));
    else if (i % 2 === 0) {
      o.push(await ours(i));
      a.push(await openssh(i));
    } else {
      a.push(await openssh(i));
      o.push(await ours(i));
    }
    load.push(Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
  }
  clearInterval(sampler);
  for (const s of slots) await s.release();
  await net.dispose();
  const left = fs.readFileSync(path.join(dataDir, 'net-slots.json'), 'utf8').trim();
  process.stdout.write(JSON.stringify({ ours: o, openssh: a, cpuOurs, cpuOpenssh, sizes, baseline, peak, load, slotsLeft: left, check: crypto.randomUUID() }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
