/**
 * Throw-away network namespaces for tests with real peers. The rescue network (192.168.1.0/24) exists
 * only inside namespaces created here and deleted again (also on failure and on process exit), so test
 * traffic can never reach a real network. Needs root and iproute2; elsewhere the suites skip with a reason.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function netnsSupport(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces exist only on Linux' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, reason: 'creating network namespaces needs root (CI runs as root; run `sudo npm test` to include these tests)' };
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'the `ip` command (iproute2) is missing or cannot manage namespaces here' };
  }
  return { ok: true };
}

/** Print why a real-peer suite is skipped, so a skip is never silent. */
export function reportSkip(suite: string, reason: string): void {
  process.stderr.write(`[skip] ${suite}: ${reason}\n`);
}

const created = new Set<string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const cleanup = (): void => {
    for (const ns of created) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
    }
    created.clear();
  };
  process.once('exit', cleanup);
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface Netns {
  name: string;
  /** argv prefix that runs a program inside this namespace. */
  wrap(cmd: string, args: string[]): [string, string[]];
  spawn(cmd: string, args: string[], opts?: SpawnOptions): ChildProcess;
  exec(cmd: string, args: string[], opts?: { input?: Buffer | string; timeout?: number }): Buffer;
}

function makeNs(name: string): Netns {
  return {
    name,
    wrap: (cmd, args) => ['ip', ['netns', 'exec', name, cmd, ...args]],
    spawn: (cmd, args, opts = {}) => spawn('ip', ['netns', 'exec', name, cmd, ...args], opts),
    exec: (cmd, args, opts = {}) => execFileSync('ip', ['netns', 'exec', name, cmd, ...args], { input: opts.input, timeout: opts.timeout ?? 20_000, stdio: ['pipe', 'pipe', 'pipe'] }),
  };
}

export interface RescueLan {
  router: Netns;
  station: Netns;
  routerIf: string;
  stationIf: string;
  destroy(): void;
}

/**
 * Two namespaces joined by a veth pair: "router" (default 192.168.1.1/24) and "station", the
 * workstation (default 192.168.1.10/24). Names are unique per call, so suites can run side by side.
 */
export function createRescueLan(tag: string, opts: { routerCidr?: string; stationCidr?: string } = {}): RescueLan {
  installExitHook();
  const id = crypto.randomBytes(3).toString('hex');
  const routerNs = `rb-${tag}-r-${id}`;
  const stationNs = `rb-${tag}-s-${id}`;
  const routerIf = `rbr${id}`; // <= 15 chars
  const stationIf = `rbs${id}`;
  const destroy = (): void => {
    for (const ns of [routerNs, stationNs]) {
      try {
        execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
      } catch {
        /* not there */
      }
      created.delete(ns);
    }
  };
  try {
    ip('netns', 'add', routerNs);
    created.add(routerNs);
    ip('netns', 'add', stationNs);
    created.add(stationNs);
    ip('link', 'add', routerIf, 'type', 'veth', 'peer', 'name', stationIf);
    ip('link', 'set', routerIf, 'netns', routerNs);
    ip('link', 'set', stationIf, 'netns', stationNs);
    ip('-n', routerNs, 'addr', 'add', opts.routerCidr ?? '192.168.1.1/24', 'brd', '+', 'dev', routerIf);
    ip('-n', stationNs, 'addr', 'add', opts.stationCidr ?? '192.168.1.10/24', 'brd', '+', 'dev', stationIf);
    for (const [ns, itf] of [[routerNs, routerIf], [stationNs, stationIf]] as const) {
      ip('-n', ns, 'link', 'set', itf, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
  } catch (err) {
    destroy();
    throw err;
  }
  return { router: makeNs(routerNs), station: makeNs(stationNs), routerIf, stationIf, destroy };
}

/** Node with tsx, to run our CLI from source inside a namespace. */
export function nodeTsArgs(script: string, args: string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', script, ...args]];
}

/**
 * Run a TypeScript runner script inside namespace `ns` with one JSON config file (written into `dir`), and return
 * what it printed last as JSON: the station-side half of the multi-card tests.
 */
export function runInNetns<R>(ns: string, runner: string, dir: string, config: object, timeoutMs = 170_000): R {
  const cfg = path.join(dir, 'cfg.json');
  fs.writeFileSync(cfg, JSON.stringify(config));
  const [cmd, args] = nodeTsArgs(runner, [cfg]);
  const text = execFileSync('ip', ['netns', 'exec', ns, cmd, ...args], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(text.trim().split('\n').pop()!) as R;
}

/**
 * One throw-away namespace (unique name, deleted by destroy() and on process exit), for rigs that bring their
 * own link into it (e.g. the QEMU bench rig's tap device).
 */
export function createNetns(tag: string): Netns & { destroy(): void } {
  installExitHook();
  const name = `rb-${tag}-${crypto.randomBytes(3).toString('hex')}`;
  ip('netns', 'add', name);
  created.add(name);
  const destroy = (): void => {
    try {
      execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
    } catch {
      /* not there */
    }
    created.delete(name);
  };
  return { ...makeNs(name), destroy };
}
