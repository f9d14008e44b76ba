/**
 * Runs INSIDE the station namespace (see backup.ts). Sets up a slot route per card (net slotRoute), then times,
 * alternately, all routers backed up at once:
 *  - ours: the flash service's backup job per slot (SSH via ssh2 from the slot's address, sha256 on the fly (md5 only for a router without sha256sum),
 *    file written and fsynced, manifest; --skip-router-hash like the single-router benchmark), all concurrently;
 *  - anchor: OpenSSH `ssh -b <slot address> root@192.168.1.1 cat /dev/mtd0 > file`, all in parallel.
 * Samples this process's resident memory every 20 ms while ours run. Prints one JSON line.
 * With RB_BENCH_ROUTER_BUDGET (a CpuBudgetSpec, set by backup.ts) every round is run twice, the routers sharing the
 * machine's cores with the clients ("shared") and the routers held to their CPU budget ("budget"), in turn.
 * Usage: station-run.ts DATA_DIR KEY_FILE ROUNDS CARD…
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NetService, type SlotRoute } from '../../src-main/capabilities/net';
import { FlashService } from '../../src-main/capabilities/flash';
import { switchCpuBudget, type CpuBudgetSpec } from '../../test-support/cpu-budget';

const [dataDir, keyFile, roundsArg, ...cards] = process.argv.slice(2) as [string, string, string, ...string[]];
const rounds = Number(roundsArg);

/**
 * The anchor's commands run from one small bash started before anything else, not from this process: starting a
 * child forks this (large) process, and every page it writes next faults once — a tax on the next round of ours
 * that OpenSSH's own side never pays (decision 0125). Each command line answers with its exit status and bash's
 * `times` (its children's CPU, cumulative).
 */
function launcher(): { run(cmd: string): Promise<{ code: number; childCpuMs: number }>; close(): void } {
  const p = spawn('bash', ['-c', 'while IFS= read -r line; do eval "$line"; rc=$?; times; echo "end $rc"; done'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  let waiting: ((lines: string[]) => void) | undefined;
  p.stdout.setEncoding('utf8');
  p.stdout.on('data', (d: string) => {
    buf += d;
    const i = buf.search(/end -?\d+\n/);
    if (i >= 0 && waiting) {
      const end = buf.indexOf('\n', i) + 1;
      const lines = buf.slice(0, end).trim().split('\n');
      buf = buf.slice(end);
      const w = waiting;
      waiting = undefined;
      w(lines);
    }
  });
  const secs = (t: string): number => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  return {
    run: (cmd) =>
      new Promise((resolve) => {
        waiting = (lines) => {
          const children = lines[lines.length - 2]!.split(/\s+/); // "0m1.234s 0m0.456s": children's user, system
          resolve({ code: Number(lines[lines.length - 1]!.split(' ')[1]), childCpuMs: (secs(children[0]!) + secs(children[1]!)) * 1000 });
        };
        p.stdin.write(cmd.replace(/\n/g, ' ') + '\n');
      }),
    close: () => p.stdin.end(),
  };
}

async function main(): Promise<void> {
  const anchor = launcher();
  const net = new NetService({}, { dataDir });
  const slots: SlotRoute[] = [];
  for (const c of cards) slots.push(await net.slotRoute(c, { routerIp: '192.168.1.1', prefix: 24 }));
  // When each job first reached each phase (diagnostics on stderr: how long login + discovery take before the copy)
  const phaseT = new Map<string, number>();
  const flash = new FlashService(dataDir, { progress: (p) => { const k = p.backupId + ':' + p.phase; if (!phaseT.has(k)) phaseT.set(k, performance.now()); }, partition: () => undefined, done: () => undefined, restoreProgress: () => undefined });
  const sizes: number[] = [];
  // CPU: this process (all its threads: ssh2, hashing, workers, libuv's pool) for ours; the waited-for children
  // (ssh, from bash's `times`) for OpenSSH's.
  const budgetSpec = process.env.RB_BENCH_ROUTER_BUDGET ? (JSON.parse(process.env.RB_BENCH_ROUTER_BUDGET) as CpuBudgetSpec) : undefined;
  type Mode = 'shared' | 'budget';
  let mode: Mode = 'shared';
  const per = { shared: { cpuOurs: [] as number[], cpuOpenssh: [] as number[], ours: [] as number[], openssh: [] as number[] }, budget: { cpuOurs: [] as number[], cpuOpenssh: [] as number[], ours: [] as number[], openssh: [] as number[] } };
  const { cpuOurs, cpuOpenssh } = per.shared;
  // read/write system calls of this process per round (/proc/self/io): how many pieces the bytes came in
  const syscalls = (): [number, number] => {
    const t = fs.readFileSync('/proc/self/io', 'utf8');
    return [Number(/syscr: (\d+)/.exec(t)![1]), Number(/syscw: (\d+)/.exec(t)![1])];
  };
  const callsOurs: Array<[number, number]> = [];
  // The whole machine's CPU time, busy and idle, over all cores (/proc/stat, in ms): whether a round was short of
  // CPU (no idle left: the clients and the eight dropbears shared it all) or waited with cores idle.
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const machine = (): [number, number] => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3]! + f[4]!;
    return [(f.slice(0, 8).reduce((x, y) => x + y, 0) - idle) * tick, idle * tick];
  };
  const machineLine = (who: string, round: number, m0: [number, number]): void => {
    const m1 = machine();
    process.stderr.write(`MACHINE round ${round} ${who}: busy ${(m1[0] - m0[0]).toFixed(0)} ms, idle ${(m1[1] - m0[1]).toFixed(0)} ms\n`);
  };
  // BENCH_COMPARE=1: ours twice per round, copies on worker threads (RB_PULL_WORKER=1) and on the main thread (=0)
  const compare = process.env.BENCH_COMPARE === '1';
  const thread: number[] = [];
  const cpuThread: number[] = [];
  const ours = async (round: number, workerMode?: '0' | '1'): Promise<number> => {
    if (workerMode) process.env.RB_PULL_WORKER = workerMode;
    const s0 = syscalls();
    const sched0 = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    const c0 = process.cpuUsage();
    const m0 = machine();
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
    machineLine(`ours ${mode}`, round, m0);
    { const by: Record<string, number[]> = {}; for (const [k, v] of phaseT) { const ph = k.split(':')[1]!; (by[ph] ??= []).push(Math.round(v - t0)); } phaseT.clear();
      process.stderr.write(`PHASES round ${round} ${mode}: ${Object.entries(by).map(([k, v]) => k + ' ' + v.sort((a, b) => a - b).join('/')).join('; ')} cpu ${((c.user + c.system) / 1000).toFixed(0)}\n`); }
    // the main thread's time on a CPU, waiting for one (runnable), and the rest (asleep: waiting for data or disk)
    const sched1 = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    process.stderr.write(`SCHED round ${round} ${mode}: wall ${ms.toFixed(0)} main-thread run ${((sched1[0]!-sched0[0]!)/1e6).toFixed(0)} ms, runqueue wait ${((sched1[1]!-sched0[1]!)/1e6).toFixed(0)} ms, slices ${sched1[2]!-sched0[2]!}\n`);
    if (round >= 0) (workerMode === '0' ? cpuThread : per[mode].cpuOurs).push((c.user + c.system) / 1000);
    const s1 = syscalls();
    callsOurs.push([s1[0] - s0[0], s1[1] - s0[1]]);
    for (const r of results) if (!r.ok) throw new Error(`backup failed: ${JSON.stringify(r.error ?? r.manifest.partitions.map((p) => p.error))}`);
    if (round === 0) for (const r of results) sizes.push(r.manifest.partitions.reduce((n, p) => n + (p.bytes ?? 0), 0));
    for (const r of results) fs.rmSync(r.dir, { recursive: true, force: true });
    return ms;
  };
  const openssh = async (round: number): Promise<number> => {
    const before = (await anchor.run('true')).childCpuMs;
    const m0 = machine();
    const t0 = performance.now();
    const ssh = (s: SlotRoute, i: number): string =>
      `ssh -b ${s.sourceAddress} -i ${keyFile} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@192.168.1.1 cat /dev/mtd0 > ${path.join(dataDir, `openssh-${round}-${i}.bin`)} & pids="$pids $!";`;
    const r = await anchor.run(`pids=; ${slots.map(ssh).join(' ')} fail=0; for p in $pids; do wait $p || fail=1; done; (exit $fail)`);
    const ms = performance.now() - t0;
    machineLine(`openssh ${mode}`, round, m0);
    if (r.code !== 0) throw new Error(`an OpenSSH dump failed in round ${round}`);
    if (round >= 0) per[mode].cpuOpenssh.push(r.childCpuMs - before);
    for (let i = 0; i < slots.length; i++) {
      const f = path.join(dataDir, `openssh-${round}-${i}.bin`);
      if (round >= 0 && fs.statSync(f).size !== sizes[0] && sizes.length) throw new Error(`OpenSSH's dump ${f} has ${fs.statSync(f).size} bytes`);
      fs.rmSync(f);
    }
    return ms;
  };
  // Memory: resident set of this process, sampled while ours run.
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20); // rss() alone: no heap walk
  await openssh(-1); // warm-up: router page caches, ssh binaries
  const baseline = process.memoryUsage.rss();
  peak = baseline;
  // ours gets its uncounted warm-up round too (compiled code, first connections), as OpenSSH got one above; after the
  // baseline, so the memory it takes still counts as growth
  await ours(-1);
  const o = per.shared.ours;
  const a = per.shared.openssh;
  const load: number[] = [];
  // BENCH_ONLY=ours: our side only (profiling, tuning); the section is then not written (backup.ts)
  const oursOnly = process.env.BENCH_ONLY === 'ours';
  for (let i = 0; i < rounds; i++) {
    const modes: Mode[] = budgetSpec ? (i % 2 === 0 ? ['shared', 'budget'] : ['budget', 'shared']) : ['shared'];
    for (const m of modes) {
      mode = m;
      if (budgetSpec) switchCpuBudget(budgetSpec, m === 'budget');
      const ro = per[m].ours;
      const ra = per[m].openssh;
      if (compare) {
        if (i % 2 === 0) {
          ro.push(await ours(i, '1'));
          thread.push(await ours(i + 1000, '0'));
        } else {
          thread.push(await ours(i + 1000, '0'));
          ro.push(await ours(i, '1'));
        }
        if (!oursOnly) ra.push(await openssh(i));
      } else if (oursOnly) ro.push(await ours(i));
      else if (i % 2 === 0) {
        ro.push(await ours(i));
        ra.push(await openssh(i));
      } else {
        ra.push(await openssh(i));
        ro.push(await ours(i));
      }
    }
    if (budgetSpec) switchCpuBudget(budgetSpec, false);
    load.push(Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
  }
  clearInterval(sampler);
  for (const s of slots) await s.release();
  await net.dispose();
  anchor.close();
  const left = fs.readFileSync(path.join(dataDir, 'net-slots.json'), 'utf8').trim();
  process.stdout.write(JSON.stringify({ ours: o, openssh: a, cpuOurs, cpuOpenssh, ...(budgetSpec ? { budget: per.budget } : {}), callsOurs, ...(compare ? { mainThread: thread, cpuMainThread: cpuThread } : {}), sizes, baseline, peak, load, slotsLeft: left, check: crypto.randomUUID() }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
