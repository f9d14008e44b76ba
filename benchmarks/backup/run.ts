/**
 * bench:backup — dump a 64 MiB partition over SSH from dropbear (in a throw-away namespace pair): ours
 * (runBackup: ssh2 with chacha20-poly1305, sha256 on the fly, file written by drainToFile and fsynced) against
 * OpenSSH `ssh … cat … > file`, alternating, in the same run. Goal: ours ≥ 0.9× OpenSSH's throughput.
 * Writes the result into the "Flash backup over SSH" section of docs/benchmarks.md.
 * Usage: npm run bench:backup [-- ROUNDS]   (needs root for the namespaces)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRescueLan, netnsSupport, nodeTsArgs } from '../../test-support/netns';
import { startStandinRouter } from '../../test-support/router-standin';

const SIZE = 64 * 1024 * 1024;
const rounds = Number(process.argv[2] ?? 5);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const ok = netnsSupport();
  if (!ok.ok) throw new Error(`bench:backup needs network namespaces: ${ok.reason}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-backup-'));
  const lan = createRescueLan('bkb');
  try {
    const keyFile = path.join(tmp, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const router = await startStandinRouter(lan, { partitions: [{ name: 'rootfs', size: SIZE }] });
    const sshDir = path.join(router.root, 'root/.ssh');
    fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(sshDir, 'authorized_keys'), fs.readFileSync(`${keyFile}.pub`), { mode: 0o600 });
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    const loadBefore = os.loadavg()[0]!;
    const [cmd, args] = nodeTsArgs(path.join(import.meta.dirname, 'station.ts'), ['192.168.1.1', keyFile, out, String(rounds)]);
    const line = execFileSync('ip', ['netns', 'exec', lan.station.name, cmd, ...args], { encoding: 'utf8', timeout: 600_000 }).trim().split('\n').pop()!;
    router.stop();
    const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after (${os.cpus().length} cores, shared)`;
    const r = JSON.parse(line) as { ours: number[]; openssh: number[]; full: number[]; dump: number[] };
    const mo = median(r.ours);
    const ma = median(r.openssh);
    const mbps = (ms: number): string => ((SIZE / 1048576) / (ms / 1000)).toFixed(1);
    const md = median(r.dump);
    const ratio = ma / md;
    const date = new Date().toISOString().slice(0, 10);
    const section = [
      '## Flash backup over SSH',
      `Reproduce: \`npm run bench:backup\` (benchmarks/backup/run.ts; needs root for the namespaces). A 64 MiB partition on the stand-in`,
      `router (real dropbear ${execFileSync('sh', ['-c', 'dropbear -V 2>&1'], { encoding: 'utf8' }).trim().replace(/^Dropbear /, '')} in a network namespace, veth link), median of ${rounds} alternating runs, ${date}, ${load}.`,
      '',
      '| What | Time | Throughput |',
      '|---|---|---|',
      `| Ours, the dump (session open, ssh2 chacha20-poly1305 stream, sha256 as bytes arrive, 1 MiB writes on libuv's thread pool, flushed as it goes, fsync) | **${md.toFixed(0)} ms** | ${mbps(md)} MiB/s |`,
      `| Anchor: OpenSSH \`ssh root@router cat /dev/mtd0 > file\` | ${ma.toFixed(0)} ms | ${mbps(ma)} MiB/s |`,
      `| **Ratio (ours ÷ OpenSSH throughput)** | **${ratio.toFixed(2)}×** | goal ≥ 0.9× |`,
      `| Ours, whole backup job \`--skip-router-hash\` (adds discovery, rename, manifest) | ${mo.toFixed(0)} ms | ${(ma / mo).toFixed(2)}× of OpenSSH |`,
      `| Ours, default job: the router also hashes the partition itself (busybox sha256sum, a second read there) | ${median(r.full).toFixed(0)} ms | ${mbps(median(r.full))} MiB/s of partition |`,
      '',
      'Before decision 0032 (same bench): 0.80–0.88×. The gains: TCP_NODELAY on the SSH socket (login 95 → ~12 ms; ssh2 left',
      'Nagle on, so handshake packets waited for delayed ACKs) and a block sink instead of a Transform + WriteStream per packet',
      '(~100 ms less CPU per 64 MiB). chacha20-poly1305 stays first: dropbear\'s AES-CTR runs at half its speed (76 vs 146 MiB/s',
      'with OpenSSH too); Debian\'s dropbear offers no AES-GCM. Numbers move with the shared machine\'s load (recorded above).',
      '',
      `All runs (ms): dump ${r.dump.map((x) => x.toFixed(0)).join(', ')}; job ${r.ours.map((x) => x.toFixed(0)).join(', ')}; OpenSSH ${r.openssh.map((x) => x.toFixed(0)).join(', ')}; default job ${r.full.map((x) => x.toFixed(0)).join(', ')}.`,
      '',
    ].join('\n');
    const file = path.join(import.meta.dirname, '../../docs/benchmarks.md');
    const doc = fs.readFileSync(file, 'utf8');
    const start = doc.indexOf('## Flash backup over SSH');
    const next = doc.indexOf('\n## ', start + 5);
    fs.writeFileSync(file, doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : ''));
    process.stdout.write(section + '\n');
  } finally {
    lan.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
