/**
 * A private PostgreSQL server for tests (Debian's `postgresql` package): a new cluster in a temp folder,
 * started on a free port on 127.0.0.1 only, with a password, run as a non-root user (`postgres` when the test
 * runs as root — PostgreSQL refuses to run as root — else the test's own user). `stop()` stops it; `remove()`
 * stops it and deletes the folder. Without the binaries, `startPostgres` says why, for a printed skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgServer {
  url: string;
  port: number;
  /** A URL to the same server with a wrong port: nothing answers there. */
  deadUrl: string;
  start(): void;
  stop(): void;
  remove(): void;
}

function binDir(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) return `/usr/lib/postgresql/${v}/bin`;
  } catch {
    // no PostgreSQL installed
  }
  return undefined;
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<{ ok: true; server: PgServer } | { ok: false; reason: string }> {
  const bin = binDir();
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (Debian package `postgresql`: initdb, pg_ctl)' };
  const root = process.getuid?.() === 0;
  let user: string | undefined;
  if (root) {
    if (spawnSync('id', ['-u', 'postgres']).status !== 0) return { ok: false, reason: 'running as root and there is no `postgres` user to run the server as' };
    user = 'postgres';
  }
  const as = (cmd: string, args: string[]) => (user ? execFileSync('runuser', ['-u', user, '--', path.join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-pg-'));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.mkdirSync(sock);
  const password = 'rb-test-' + Math.random().toString(36).slice(2, 10);
  fs.writeFileSync(path.join(dir, 'pw'), `${password}\n`, { mode: 0o644 });
  if (user) execFileSync('chown', ['-R', user, dir]);
  as('initdb', ['-D', data, '-U', 'rb', `--pwfile=${path.join(dir, 'pw')}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync']);
  const port = await freeTcpPort();
  const start = () => {
    as('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  };
  const stop = () => {
    try {
      as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  const url = `postgres://rb:${password}@127.0.0.1:${port}/postgres`;
  const deadPort = await freeTcpPort();
  return {
    ok: true,
    server: {
      url,
      port,
      deadUrl: `postgres://rb:${password}@127.0.0.1:${deadPort}/postgres`,
      start,
      stop,
      remove() {
        stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
