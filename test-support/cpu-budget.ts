/**
 * A CPU budget for the processes of a network namespace (benchmarks only): the stand-in routers run on the
 * workstation's own cores, where a real router has a CPU of its own that is much slower than a workstation's.
 * With a budget each router namespace gets at most `percent` of one core (Linux CFS bandwidth control: cgroup v2
 * `cpu.max`, or cgroup v1 `cpu.cfs_quota_us`), so the routers, not the computer, set the pace, as on a bench.
 * Processes started later in the namespace (dropbear's per-connection children, the `cat` they run) inherit the
 * group. `set(false)` lifts the limit without moving anyone; `remove()` moves the processes back and deletes the groups.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What another process needs to switch the budget on and off (JSON, e.g. in an environment variable). */
export interface CpuBudgetSpec {
  v: 1 | 2;
  quotaUs: number;
  groups: string[];
}

export interface CpuBudget {
  /** How the limit is made (for the report). */
  kind: 'cgroup v2 cpu.max' | 'cgroup v1 cpu.cfs_quota_us';
  percent: number;
  spec: CpuBudgetSpec;
  set(on: boolean): void;
  remove(): void;
}

/** Switch a budget made by another process on (each group limited) or off (no limit). */
export function switchCpuBudget(spec: CpuBudgetSpec, on: boolean): void {
  for (const g of spec.groups) {
    if (spec.v === 2) fs.writeFileSync(path.join(g, 'cpu.max'), on ? `${spec.quotaUs} ${PERIOD_US}` : `max ${PERIOD_US}`);
    else {
      fs.writeFileSync(path.join(g, 'cpu.cfs_period_us'), String(PERIOD_US));
      fs.writeFileSync(path.join(g, 'cpu.cfs_quota_us'), on ? String(spec.quotaUs) : '-1');
    }
  }
}

const PERIOD_US = 100_000;

function cgroupRoot(): { dir: string; v: 1 | 2 } | { reason: string } {
  const v2 = '/sys/fs/cgroup';
  try {
    if (fs.readFileSync(path.join(v2, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('cpu')) {
      // the cpu controller must be enabled for children of the root
      const sub = path.join(v2, 'cgroup.subtree_control');
      if (!fs.readFileSync(sub, 'utf8').split(/\s+/).includes('cpu')) fs.writeFileSync(sub, '+cpu');
      return { dir: v2, v: 2 };
    }
  } catch {
    /* not cgroup v2 with the cpu controller: try v1 */
  }
  const v1 = '/sys/fs/cgroup/cpu';
  if (fs.existsSync(path.join(v1, 'cpu.cfs_quota_us'))) return { dir: v1, v: 1 };
  return { reason: 'no cgroup cpu controller (neither /sys/fs/cgroup/cgroup.controllers with cpu nor /sys/fs/cgroup/cpu/cpu.cfs_quota_us)' };
}

/** Put every process of each namespace into its own group limited to `percent` of one core; a reason when it cannot. */
export function cpuBudgetForNamespaces(namespaces: string[], percent: number): CpuBudget | { reason: string } {
  const root = cgroupRoot();
  if ('reason' in root) return root;
  const quota = Math.round((PERIOD_US * percent) / 100);
  const groups = namespaces.map((ns, i) => path.join(root.dir, `rb-bench-router-${process.pid}-${i}`));
  const spec: CpuBudgetSpec = { v: root.v, quotaUs: quota, groups };
  const write = (g: string, on: boolean): void => switchCpuBudget({ ...spec, groups: [g] }, on);
  const procs = (g: string): string => path.join(g, 'cgroup.procs');
  try {
    namespaces.forEach((ns, i) => {
      const g = groups[i]!;
      fs.mkdirSync(g);
      write(g, true);
      for (const pid of execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).split(/\s+/).filter(Boolean)) fs.writeFileSync(procs(g), pid);
    });
  } catch (e) {
    removeGroups(groups, root.dir);
    return { reason: `could not set up the CPU budget: ${(e as Error).message}` };
  }
  return {
    kind: root.v === 2 ? 'cgroup v2 cpu.max' : 'cgroup v1 cpu.cfs_quota_us',
    percent,
    spec,
    set: (on) => switchCpuBudget(spec, on),
    remove: () => removeGroups(groups, root.dir),
  };
}

function removeGroups(groups: string[], rootDir: string): void {
  for (const g of groups) {
    if (!fs.existsSync(g)) continue;
    try {
      for (const pid of fs.readFileSync(path.join(g, 'cgroup.procs'), 'utf8').split(/\s+/).filter(Boolean)) {
        try {
          fs.writeFileSync(path.join(rootDir, 'cgroup.procs'), pid);
        } catch {
          /* it ended meanwhile */
        }
      }
      fs.rmdirSync(g);
    } catch {
      /* left for the next boot; named after this process */
    }
  }
}
