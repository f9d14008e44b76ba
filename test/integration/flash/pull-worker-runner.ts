/**
 * Runs INSIDE the station namespace of pull-worker.netns.test.ts (as root, through `ip netns exec`): two routers'
 * backups at once through the flash service, with the copies on worker threads (RB_PULL_WORKER=1) and on the main
 * thread (=0); then, copies on workers and both routers slowed down (tc on the router's side), every copy thread
 * ended mid-copy, and in another round router 1's cable pulled mid-copy; then router 0's failed partitions retried.
 * Prints one JSON line. Usage: pull-worker-runner.ts CONFIG.json
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NetService, type SlotRoute } from '../../../src-main/capabilities/net';
import { FlashService } from '../../../src-main/capabilities/flash';
import { pullPoolForTests } from '../../../src-main/capabilities/flash/pull-pool';
import type { BackupProgress, BackupResult } from '../../../src-shared/capabilities/flash/contract';

const cfg = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { dataDir: string; cards: string[]; routerNs: string[] };
const sha = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const summary = (r: BackupResult) => ({
  ok: r.ok,
  error: r.error?.code,
  leftovers: fs.existsSync(r.dir) ? fs.readdirSync(r.dir).filter((f) => f.endsWith('.partial')) : [],
  partitions: r.manifest.partitions.map((p) => ({ name: p.name, status: p.status, sha256: p.sha256, bytes: p.bytes, error: p.error, local: p.file ? sha(path.join(r.dir, p.file)) : undefined })),
});

async function main(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const net = new NetService({}, { dataDir: cfg.dataDir });
  const slots: SlotRoute[] = [];
  for (const c of cfg.cards) slots.push(await net.slotRoute(c, { routerIp: '192.168.1.1', prefix: 24 }));
  let onProgress: ((p: BackupProgress) => void) | undefined;
  const flash = new FlashService(cfg.dataDir, { progress: (p) => onProgress?.(p), partition: () => undefined, done: () => undefined, restoreProgress: () => undefined });
  const backup = (i: number, dir: string, retryFailed = false) =>
    flash.startBackup({ target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'remember', localAddress: slots[i]!.sourceAddress }, outDir: dir, retryFailed }).finished;

  for (const mode of ['1', '0'] as const) {
    process.env.RB_PULL_WORKER = mode;
    const rs = await Promise.all(slots.map((_, i) => backup(i, path.join(cfg.dataDir, `m${mode}-${i}`))));
    out[`mode${mode}`] = rs.map(summary);
    out[`threads${mode}`] = pullPoolForTests.workers().length;
  }

  // Slow both routers down so the copies are under way for a few seconds.
  const vethOf = (ns: string) => execFileSync('ip', ['-n', ns, '-j', 'link', 'show', 'type', 'veth'], { encoding: 'utf8' }).match(/"ifname":"([^"]+)"/)![1]!;
  for (const ns of cfg.routerNs) execFileSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', vethOf(ns), 'root', 'tbf', 'rate', '24mbit', 'burst', '32kb', 'latency', '400ms']);
  process.env.RB_PULL_WORKER = '1';
  // 1. Every copy thread ends while both routers' rootfs are being copied.
  let ended = false;
  const copying = new Set<string>();
  onProgress = (p) => {
    if (p.phase !== 'copying' || p.partition?.name !== 'rootfs' || p.partition.done < 1 << 20) return;
    copying.add(p.dir);
    if (!ended && copying.size === 2) {
      ended = true;
      for (const w of pullPoolForTests.workers()) void w.terminate();
    }
  };
  let t0 = Date.now();
  const crash = await Promise.all(slots.map((_, i) => backup(i, path.join(cfg.dataDir, `crash-${i}`))));
  out.crashMs = Date.now() - t0;
  out.crash = crash.map(summary);
  out.ended = ended;
  // 2. Router 1's cable pulled while its rootfs is being copied.
  let pulled = false;
  onProgress = (p) => {
    if (!pulled && p.phase === 'copying' && p.partition?.name === 'rootfs' && p.partition.done >= 1 << 20 && p.dir.endsWith('cable-1')) {
      pulled = true;
      execFileSync('ip', ['-n', cfg.routerNs[1]!, 'link', 'set', vethOf(cfg.routerNs[1]!), 'down']);
    }
  };
  t0 = Date.now();
  const cable = await Promise.all(slots.map((_, i) => backup(i, path.join(cfg.dataDir, `cable-${i}`))));
  out.cableMs = Date.now() - t0;
  out.cable = cable.map(summary);
  out.pulled = pulled;
  onProgress = undefined;
  execFileSync('ip', ['-n', cfg.routerNs[1]!, 'link', 'set', vethOf(cfg.routerNs[1]!), 'up']);
  for (const ns of cfg.routerNs) execFileSync('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'del', 'dev', vethOf(ns), 'root']);

  // Router 0 again, its failed partitions only, with a new copy thread; router 1's running beside it.
  const [retry] = await Promise.all([backup(0, path.join(cfg.dataDir, 'crash-0'), true), backup(1, path.join(cfg.dataDir, 'again-1'))]);
  out.retry = summary(retry!);

  for (const s of slots) await s.release();
  await net.dispose();
  return out;
}

main().then(
  (o) => {
    process.stdout.write(JSON.stringify(o) + '\n');
    process.exit(0);
  },
  (e) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exit(1);
  },
);
