/**
 * bench:station:backup — eight routers backed up at once over eight network cards (issue 17): one station
 * namespace with eight veth cards, each to its own router namespace at 192.168.1.1 with the stand-in router (real
 * dropbear, its own 32 MiB of random flash). Ours: the flash service's backup per slot, all at once, each from its
 * slot's source address (net slotRoute); anchor: eight parallel OpenSSH `ssh -b SLOT root@192.168.1.1 cat
 * /dev/mtd0 > file` over the same slot routes, alternating in the same run. Goals: aggregate rate ≥ 0.9× of
 * OpenSSH's; this process's memory growth < 300 MB. Writes the "Station: eight routers backed up at once" section
 * of docs/benchmarks.md.
 * Each round runs twice: the stand-in routers sharing the machine's cores with the clients (a stress test of the
 * client's CPU per byte: on two cores one client thread competes with eight dropbears), and the routers held to a
 * CPU budget of their own, ROUTER_CPU percent of one core each (default 10; cgroup CPU bandwidth), the way real
 * routers have a CPU of their own, slower than the workstation's (decision 0178). ROUTER_CPU=0: shared only.
 * Usage: npm run bench:station:backup [-- ROUNDS [ROUTERS]]   (needs root for the namespaces)
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { netnsSupport, nodeTsArgs } from '../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../test-support/router-standin';
import { createStationLan } from '../../test-support/station-lan';
import { cpuBudgetForNamespaces, type CpuBudget } from '../../test-support/cpu-budget';

const SIZE = 32 * 1024 * 1024;
const rounds = Number(process.argv[2] ?? 3);
const N = Number(process.argv[3] ?? 8);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const ok = netnsSupport();
  if (!ok.ok) throw new Error(`bench:station:backup needs network namespaces: ${ok.reason}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-station-'));
  const lan = createStationLan('stb', N);
  const routers: StandinRouter[] = [];
  let budgetCleanup = (): void => undefined;
  try {
    const keyFile = path.join(tmp, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    for (let i = 0; i < N; i++) {
      const router = await startStandinRouter(lan.cards[i]!, { partitions: [{ name: 'firmware', size: SIZE, data: crypto.randomBytes(SIZE) }] });
      routers.push(router);
      const sshDir = path.join(router.root, 'root/.ssh');
      fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(sshDir, 'authorized_keys'), fs.readFileSync(`${keyFile}.pub`), { mode: 0o600 });
    }
    const routerCpu = Number(process.env.ROUTER_CPU ?? 10);
    let budget: CpuBudget | undefined;
    let budgetNote = 'ROUTER_CPU=0: not measured';
    if (routerCpu > 0) {
      const b = cpuBudgetForNamespaces(lan.cards.map((c) => c.router.name), routerCpu);
      if ('reason' in b) {
        budgetNote = `not measured: ${b.reason}`;
        process.stderr.write(`bench:station:backup: routers with a CPU budget ${budgetNote}\n`);
      } else {
        budget = b;
        budgetCleanup = () => b.remove();
        // station-run.ts runs under `ip netns exec`, which mounts a sysfs of its own (no cgroup file systems in it):
        // it reaches the groups through this process's root (/proc/PID/root), in this mount namespace.
        process.env.RB_BENCH_ROUTER_BUDGET = JSON.stringify({ ...b.spec, groups: b.spec.groups.map((g) => `/proc/${process.pid}/root${g}`) });
      }
    }
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const started = new Date();
    const loadBefore = os.loadavg()[0]!;
    const [cmd, args] = nodeTsArgs(path.join(import.meta.dirname, 'station-run.ts'), [dataDir, keyFile, String(rounds), ...lan.cards.map((c) => c.stationIf)]);
    // BENCH_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", go to the station process (profiling)
    const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    // the copy threads from the built bundle when there is one (as the app and the CLI start them), not via tsx
    const built = path.join(import.meta.dirname, '../../dist/cli/pull-worker.mjs');
    if (fs.existsSync(built) && !process.env.RB_PULL_WORKER_ENTRY) process.env.RB_PULL_WORKER_ENTRY = built;
    const line = execFileSync('ip', ['netns', 'exec', lan.station.name, cmd, ...flags, ...args], { encoding: 'utf8', timeout: 900_000, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
    const loadAfter = os.loadavg()[0]!;
    process.stdout.write(`raw: ${line}\n`);
    if (process.env.BENCH_ONLY === 'ours') return;
    type Side = { ours: number[]; openssh: number[]; cpuOurs: number[]; cpuOpenssh: number[] };
    const r = JSON.parse(line) as Side & { budget?: Side; sizes: number[]; baseline: number; peak: number; load: number[]; slotsLeft: string };
    if (r.sizes.some((s) => s !== SIZE)) throw new Error(`a backup has the wrong size: ${r.sizes.join(', ')}`);
    const total = (SIZE * N) / 1048576;
    const mo = median(r.ours);
    const ma = median(r.openssh);
    const ratio = ma / mo;
    const growth = (r.peak - r.baseline) / 1048576;
    const rows = (side: Side, label: string): string[] => {
      const o = median(side.ours);
      const a = median(side.openssh);
      return [
        `| Ours (${label}) | **${o.toFixed(0)} ms** | ${(total / (o / 1000)).toFixed(1)} MiB/s |`,
        `| Anchor: OpenSSH (${label}) | ${a.toFixed(0)} ms | ${(total / (a / 1000)).toFixed(1)} MiB/s (${(total / N / (a / 1000)).toFixed(1)} MiB/s per router) |`,
        `| **Ratio (${label})** | **${(a / o).toFixed(2)}×** | goal ≥ 0.9× |`,
        `| CPU time per round (${label}): ours, this whole process / OpenSSH's ${N} clients | ${median(side.cpuOurs).toFixed(0)} ms | ${median(side.cpuOpenssh).toFixed(0)} ms |`,
      ];
    };
    const section = [
      '## Station: eight routers backed up at once (issue 17)',
      `Reproduce: \`npm run bench:station:backup\` (benchmarks/station/backup.ts; needs root for the namespaces). ${N} stand-in routers, all at`,
      `192.168.1.1, each in its own namespace behind its own veth card of one station namespace (real dropbear, ${SIZE / 1048576} MiB of random`,
      `flash each); the station reaches each through its slot route (net slotRoute: own source address, \`ip rule\` + table per card).`,
      `Median of ${rounds} alternating rounds after one uncounted warm-up round each, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
      `(per round: ${r.load.map((x) => x.toFixed(1)).join(', ')}; ${os.cpus().length} cores shared with other work).`,
      '',
      `**Routers on the workstation's own ${os.cpus().length} cores** (no limit: the eight dropbears and the client share them):`,
      '',
      '| What | Time for all | Aggregate rate |',
      '|---|---|---|',
      `| Ours: the flash service's backup job per slot, all at once (ssh2 from the slot's address, sha256 on the fly (md5 only for a router without sha256sum), fsync, manifest; \`--skip-router-hash\`) | **${mo.toFixed(0)} ms** | ${(total / (mo / 1000)).toFixed(1)} MiB/s |`,
      `| Anchor: ${N} parallel OpenSSH \`ssh -b SLOT root@192.168.1.1 cat /dev/mtd0 > file\` | ${ma.toFixed(0)} ms | ${(total / (ma / 1000)).toFixed(1)} MiB/s |`,
      `| **Ratio (ours ÷ OpenSSH aggregate rate)** | **${ratio.toFixed(2)}×** | goal ≥ 0.9× |`,
      `| CPU time per round (ours: this whole process, all threads; OpenSSH: its ${N} ssh clients, started from a separate bash) | ${median(r.cpuOurs).toFixed(0)} ms | ${median(r.cpuOpenssh).toFixed(0)} ms for OpenSSH |`,
      `| Workstation memory growth (this process's resident set: peak while ours ran − before) | **${growth.toFixed(0)} MB** | goal < 300 MB |`,
      '',
      `All rounds (ms): ours ${r.ours.map((x) => x.toFixed(0)).join(', ')}; OpenSSH ${r.openssh.map((x) => x.toFixed(0)).join(', ')}. CPU (ms): ours ${r.cpuOurs.map((x) => x.toFixed(0)).join(', ')}; OpenSSH ${r.cpuOpenssh.map((x) => x.toFixed(0)).join(', ')}. Resident set before ${(r.baseline / 1048576).toFixed(0)} MB, peak ${(r.peak / 1048576).toFixed(0)} MB.`,
      `Slot routes left after the run: ${r.slotsLeft === '[]' ? 'none' : r.slotsLeft}. In the first table both sides share the same ${os.cpus().length} cores with the ${N} dropbears, so that ratio`,
      'compares the two clients under the same CPU pressure (one JavaScript thread against eight ssh processes for what the dropbears leave),',
      'not the routers; the second is the bench as it is, routers slower than the computer.',
      '',
      `**Routers with a CPU of their own** (each router namespace held to ${routerCpu} % of one core by ${budget ? budget.kind : 'cgroup CPU bandwidth'}; the same rounds, in turn with the rows above; decision 0178)${r.budget ? ':' : `: ${budgetNote}.`}`,
      ...(r.budget
        ? [
            '',
            '| What | Time for all | Aggregate rate |',
            '|---|---|---|',
            ...rows(r.budget, 'routers with a CPU budget'),
            '',
            `All rounds (ms): ours ${r.budget.ours.map((x) => x.toFixed(0)).join(', ')}; OpenSSH ${r.budget.openssh.map((x) => x.toFixed(0)).join(', ')}. CPU (ms): ours ${r.budget.cpuOurs.map((x) => x.toFixed(0)).join(', ')}; OpenSSH ${r.budget.cpuOpenssh.map((x) => x.toFixed(0)).join(', ')}.`,
          ]
        : []),
      '',
    ].join('\n');
    const file = path.join(import.meta.dirname, '../../docs/benchmarks.md');
    const doc = fs.readFileSync(file, 'utf8');
    const start = doc.indexOf('## Station: eight routers backed up at once');
    if (start < 0) fs.writeFileSync(file, doc.replace(/\n*$/, '\n\n') + section);
    else {
      const next = doc.indexOf('\n## ', start + 5);
      fs.writeFileSync(file, doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : ''));
    }
    process.stdout.write(section + '\n');
  } finally {
    budgetCleanup();
    for (const r of routers) r.stop();
    lan.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
