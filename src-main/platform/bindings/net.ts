/**
 * What the network assistant needs from the operating system (decision 0070): run a program, read the kernel's
 * per-interface files (Linux /sys/class/net), open a TCP connection, send one DHCPDISCOVER, and run clean-up
 * when the process ends. `systemNetBinding` is the real one; test-support/bindings/net-mock.ts plays a
 * computer with scripted interfaces so the service is tested without root or namespaces.
 */
import { execFile, execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { buildDhcpDiscover, parseDhcpReply, type DhcpReply } from '../../../src-shared/capabilities/net';
import { currentPlatform, type PlatformName } from '../host';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program does not exist on this computer (ENOENT). */
  missing: boolean;
}

export type TcpOutcome = 'open' | 'refused' | 'timeout' | 'unreachable';

export type DhcpProbeOutcome = { ok: true; replies: DhcpReply[] } | { ok: false; reason: 'permission' | 'in-use' | 'no-route' | 'error'; detail: string };

export interface OsInterface {
  name: string;
  mac: string;
  internal: boolean;
  cidrs: string[];
}

export interface NetBinding {
  readonly platform: PlatformName;
  isRoot(): boolean;
  /** Absolute path of a program on PATH (or in /sbin, /usr/sbin), undefined when absent. */
  which(program: string): string | undefined;
  exec(cmd: string, args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<ExecResult>;
  /** The same, synchronously: only for clean-up while the process exits. */
  execSync(cmd: string, args: string[], opts?: { input?: string; timeoutMs?: number }): ExecResult;
  /** Linux: the text of /sys/class/net/<rel> (trimmed), undefined when it cannot be read (e.g. carrier of a down link). */
  readSys(rel: string): Promise<string | undefined>;
  existsSys(rel: string): Promise<boolean>;
  /** Linux: the interface names in /sys/class/net. */
  listSys(): Promise<string[]>;
  /** Node's own view (every OS; no carrier, no addresses of unplugged adapters). */
  osInterfaces(): OsInterface[];
  tcp(ip: string, port: number, opts: { timeoutMs: number; localAddress?: string }): Promise<TcpOutcome>;
  /** Whether this process may bind UDP port 68 (root, or Linux's ip_unprivileged_port_start ≤ 68). */
  mayBindDhcpClientPort(): Promise<boolean>;
  /**
   * One DHCPDISCOVER out of the interface that owns `localAddress` (sent from that address, to 255.255.255.255:67;
   * Linux routes a limited broadcast out of the source address's interface, so no default route is needed), and
   * every OFFER heard on 0.0.0.0:68 within `timeoutMs` that carries our transaction id.
   */
  dhcpProbe(opts: { localAddress: string; mac: string; timeoutMs: number }): Promise<DhcpProbeOutcome>;
  /**
   * Run `fn` when the process ends: `sync` true from the 'exit' event (only synchronous work happens then),
   * false on SIGINT/SIGTERM when nobody else handles them (then the process exits with 130 after `fn`).
   * Returns the function that removes the hook.
   */
  onExit(fn: (sync: boolean) => void | Promise<void>): () => void;
}

const SBIN = ['/usr/sbin', '/sbin', '/usr/bin', '/bin'];

function execResult(err: (Error & { code?: unknown }) | null, stdout: unknown, stderr: unknown): ExecResult {
  const missing = err?.code === 'ENOENT';
  const code = err ? (typeof err.code === 'number' ? err.code : missing ? 127 : null) : 0;
  return { code, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') || (err && !missing && code === null ? err.message : ''), missing };
}

export function systemNetBinding(platform: PlatformName = currentPlatform()): NetBinding {
  const whichCache = new Map<string, string | undefined>();
  return {
    platform,
    isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
    which(program) {
      if (path.isAbsolute(program)) return fsSync.existsSync(program) ? program : undefined;
      if (whichCache.has(program)) return whichCache.get(program);
      const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...(platform === 'win32' ? [] : SBIN)];
      const exts = platform === 'win32' ? ['', '.exe'] : [''];
      let found: string | undefined;
      for (const d of dirs)
        for (const e of exts) {
          const p = path.join(d, program + e);
          try {
            if (!found && fsSync.statSync(p).isFile()) found = p;
          } catch {
            /* not here */
          }
        }
      whichCache.set(program, found);
      return found;
    },
    exec(cmd, args, opts = {}) {
      return new Promise((resolve) => {
        const child = execFile(cmd, args, { timeout: opts.timeoutMs ?? 15_000, maxBuffer: 8 << 20, windowsHide: true }, (err, stdout, stderr) => resolve(execResult(err as Error & { code?: unknown }, stdout, stderr)));
        child.stdin?.on('error', () => undefined);
        if (opts.input !== undefined) child.stdin?.end(opts.input);
        else child.stdin?.end();
      });
    },
    execSync(cmd, args, opts = {}) {
      try {
        const stdout = execFileSync(cmd, args, { input: opts.input ?? '', timeout: opts.timeoutMs ?? 15_000, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        return { code: 0, stdout: String(stdout), stderr: '', missing: false };
      } catch (e) {
        const err = e as Error & { status?: number | null; stdout?: Buffer; stderr?: Buffer; code?: string };
        return { code: err.status ?? (err.code === 'ENOENT' ? 127 : null), stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? err.message), missing: err.code === 'ENOENT' };
      }
    },
    async readSys(rel) {
      try {
        return (await fs.readFile(path.join('/sys/class/net', rel), 'utf8')).trim();
      } catch {
        return undefined;
      }
    },
    async existsSys(rel) {
      try {
        await fs.lstat(path.join('/sys/class/net', rel));
        return true;
      } catch {
        return false;
      }
    },
    async listSys() {
      try {
        return await fs.readdir('/sys/class/net');
      } catch {
        return [];
      }
    },
    osInterfaces() {
      return Object.entries(os.networkInterfaces()).map(([name, addrs]) => ({
        name,
        mac: addrs?.[0]?.mac ?? '',
        internal: addrs?.some((a) => a.internal) ?? false,
        cidrs: (addrs ?? []).filter((a) => a.family === 'IPv4' && a.cidr).map((a) => a.cidr!),
      }));
    },
    tcp(ip, port, opts) {
      return new Promise((resolve) => {
        const sock = net.connect({ host: ip, port, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
        const done = (o: TcpOutcome): void => {
          clearTimeout(timer);
          sock.destroy();
          resolve(o);
        };
        const timer = setTimeout(() => done('timeout'), opts.timeoutMs);
        sock.once('connect', () => done('open'));
        sock.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ETIMEDOUT' ? 'timeout' : 'unreachable'));
      });
    },
    async mayBindDhcpClientPort() {
      if (typeof process.getuid === 'function' && process.getuid() === 0) return true;
      if (platform !== 'linux') return false;
      try {
        return Number((await fs.readFile('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8')).trim()) <= 68;
      } catch {
        return false;
      }
    },
    dhcpProbe: (opts) => dhcpProbe(opts),
    onExit: (fn) => addExitHook(fn),
  };
}

/** One 'exit' and one SIGINT/SIGTERM handler for every hook of the process, installed while there are hooks. */
const exitHooks = new Set<(sync: boolean) => void | Promise<void>>();
const onExitEvent = (): void => {
  for (const fn of [...exitHooks]) void fn(true);
};
const onSignal = (sig: NodeJS.Signals): void => {
  // Someone else (the CLI, Electron) handles the signal and disposes the services: nothing to add here.
  if (process.listenerCount(sig) > 1) return;
  void Promise.allSettled([...exitHooks].map((fn) => fn(false))).finally(() => process.exit(130));
};
function addExitHook(fn: (sync: boolean) => void | Promise<void>): () => void {
  if (exitHooks.size === 0) {
    process.on('exit', onExitEvent);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  exitHooks.add(fn);
  return () => {
    if (!exitHooks.delete(fn) || exitHooks.size > 0) return;
    process.off('exit', onExitEvent);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

function bindSocket(sock: dgram.Socket, address: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onErr = (e: NodeJS.ErrnoException): void => resolve(e);
    sock.once('error', onErr);
    sock.bind({ address, port, exclusive: true }, () => {
      sock.off('error', onErr);
      resolve(undefined);
    });
  });
}

async function dhcpProbe(opts: { localAddress: string; mac: string; timeoutMs: number }): Promise<DhcpProbeOutcome> {
  const listen = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const send = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const close = (): void => {
    for (const s of [listen, send])
      try {
        s.close();
      } catch {
        /* closed */
      }
  };
  const why = (e: NodeJS.ErrnoException): DhcpProbeOutcome => ({
    ok: false,
    reason: e.code === 'EACCES' || e.code === 'EPERM' ? 'permission' : e.code === 'EADDRINUSE' ? 'in-use' : e.code === 'ENETUNREACH' ? 'no-route' : 'error',
    detail: `${e.code ?? ''} ${e.message}`.trim(),
  });
  const e1 = await bindSocket(listen, '0.0.0.0', 68);
  if (e1) {
    close();
    return why(e1);
  }
  const e2 = await bindSocket(send, opts.localAddress, 68);
  if (e2) {
    close();
    return why(e2);
  }
  send.setBroadcast(true);
  const xid = crypto.randomBytes(4).readUInt32BE(0);
  const replies: DhcpReply[] = [];
  listen.on('message', (msg) => {
    const r = parseDhcpReply(msg);
    if (r && r.xid === xid && !replies.some((x) => x.server === r.server && x.yiaddr === r.yiaddr)) replies.push(r);
  });
  send.on('message', (msg) => {
    const r = parseDhcpReply(msg);
    if (r && r.xid === xid && !replies.some((x) => x.server === r.server && x.yiaddr === r.yiaddr)) replies.push(r);
  });
  const packet = buildDhcpDiscover(xid, opts.mac);
  const sendOnce = (): Promise<NodeJS.ErrnoException | undefined> => new Promise((resolve) => send.send(packet, 67, '255.255.255.255', (err) => resolve(err ?? undefined)));
  const err = await sendOnce();
  if (err) {
    close();
    return why(err);
  }
  // A second DISCOVER halfway: the first can be lost while the link or the server's ARP settles.
  await new Promise((r) => setTimeout(r, Math.floor(opts.timeoutMs / 2)));
  if (replies.length === 0) await sendOnce();
  await new Promise((r) => setTimeout(r, Math.ceil(opts.timeoutMs / 2)));
  close();
  return { ok: true, replies };
}
