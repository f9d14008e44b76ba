/**
 * Runs INSIDE the station namespace (see run.ts). Times, alternately:
 *  - ours: the real backup job (runBackup: SSH via ssh2, sha256 + md5 on the fly, file written, fsync, rename,
 *    manifest) for one 64 MiB partition;
 *  - anchor: OpenSSH `ssh root@router cat /dev/mtd0 > file`.
 * Prints one JSON line with every time in milliseconds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSession } from '../../src-main/session';
import { runBackup } from '../../src-main/capabilities/flash';
import { drainToFile } from '../../src-main/capabilities/flash';

const [host, keyFile, outBase, roundsArg] = process.argv.slice(2) as [string, string, string, string];
const rounds = Number(roundsArg || 3);
const key = fs.readFileSync(keyFile);

async function ours(i: number, routerHash = false): Promise<number> {
  const dir = path.join(outBase, `ours-${i}-${routerHash}`);
  const t0 = performance.now();
  const r = await runBackup({
    backupId: `bench-${i}`,
    dir,
    host,
    routerHash,
    open: () => openSession({ host, method: 'ssh', privateKey: key, hostKeyPolicy: 'session-only' }),
    emitProgress: () => undefined,
    emitPartition: () => undefined,
    signal: new AbortController().signal,
  });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`backup failed: ${JSON.stringify(r.manifest.partitions.map((p) => p.error))}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** The dump alone, like the anchor: session, stream, sha256 as bytes arrive, file written and fsynced (drainToFile, as in runBackup). */
async function dump(i: number): Promise<number> {
  const file = path.join(outBase, `dump-${i}.bin`);
  const t0 = performance.now();
  const s = await openSession({ host, method: 'ssh', privateKey: key, hostKeyPolicy: 'session-only' });
  const pull = await s.pull('cat /dev/mtd0');
  const fd = fs.openSync(file, 'w');
  const [drained] = await Promise.all([drainToFile(pull.stream, fd, { algorithms: ['sha256'] }), pull.done]); // the backup job's own sink
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  if (!drained.digests.sha256) throw new Error('no sha256');
  await s.close();
  const ms = performance.now() - t0;
  if (fs.statSync(file).size !== 64 * 1024 * 1024) throw new Error('dump has the wrong size');
  fs.rmSync(file);
  return ms;
}

function openssh(i: number): number {
  const file = path.join(outBase, `openssh-${i}.bin`);
  const t0 = performance.now();
  execFileSync('sh', ['-c', `ssh -i ${keyFile} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@${host} cat /dev/mtd0 > ${file}`]);
  const ms = performance.now() - t0;
  if (fs.statSync(file).size !== 64 * 1024 * 1024) throw new Error('openssh copy has the wrong size');
  fs.rmSync(file);
  return ms;
}

async function main(): Promise<void> {
  const o: number[] = [];
  const a: number[] = [];
  const full: number[] = [];
  const d: number[] = [];
  await ours(-1); // warm-up (JIT, page cache on the router side)
  openssh(-1);
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      d.push(await dump(i));
      o.push(await ours(i));
      a.push(openssh(i));
    } else {
      a.push(openssh(i));
      o.push(await ours(i));
      d.push(await dump(i));
    }
  }
  // The default job also lets the router hash the partition itself (a second read there): reported separately.
  for (let i = 0; i < Math.min(3, rounds); i++) full.push(await ours(100 + i, true));
  process.stdout.write(JSON.stringify({ ours: o, openssh: a, full, dump: d }) + '\n');
}
main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exit(1);
  },
);
