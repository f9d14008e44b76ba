/**
 * The bench server: the same contract as the Electron IPC, over HTTP + WebSocket, serving the same built
 * renderer to a browser (a repair shop's tablet, or our Playwright tests). Loopback by default; a random
 * token is required for every page and for the WebSocket; Host and Origin are checked (DNS rebinding,
 * cross-site pages); every frame is schema-validated and a bad frame gets an error reply, never a crash.
 * Plain HTTP: addresses other computers can reach are refused unless the operator says --insecure-lan
 * (decision 0006). Dead screens are found by ping and dropped; the number of screens is capped.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { english, type Translate } from '../../src-shared/i18n';
import { ClientFrameSchema, commandNames, eventNames, type ServerFrame } from '../../src-shared/contract';
import { fault, RbFault, toErrorShape } from '../../src-shared/errors';
import { dispatch, type Handlers } from '../core/dispatch';
import type { EventBus } from '../core/bus';
import { explainBindError, listIpv4Interfaces } from '../platform';
import { contentSecurityPolicy, readStaticFile } from '../core/static-files';


export interface BenchServerOptions {
  handlers: Handlers;
  bus: EventBus;
  /** Folder with the built renderer (index.html + assets). */
  rendererDir: string;
  port?: number;
  /** 127.0.0.1 unless the operator explicitly asks for another address. */
  bind?: string;
  token?: string;
  /** Largest WebSocket frame accepted; larger frames close that connection with 1009 and nothing else. */
  maxFrameBytes?: number;
  /**
   * Per-client send buffer above which that client is closed with 1013 (too slow to keep up): it reconnects and
   * reads the state again, rather than miss events and show what is no longer true.
   */
  maxBufferedBytes?: number;
  /**
   * An address other computers can reach (anything but loopback) is refused unless this is true: the bench
   * speaks plain HTTP, so anyone on that network who sees the traffic can take the token (`serve --insecure-lan`).
   */
  insecureLan?: boolean;
  /** Most screens (WebSocket connections) at once; one more is refused with 503 and a plain reason. */
  maxClients?: number;
  /** Every this many ms each screen is pinged; one that has not answered the previous ping is dropped. */
  heartbeatMs?: number;
  /** Where faults the server survives are reported (a screen's message that could not be answered). */
  log?: (line: string) => void;
}

export const DEFAULT_MAX_CLIENTS = 16;
export const DEFAULT_HEARTBEAT_MS = 30_000;

/** The cookie that carries the token for static assets; cookies ignore ports, so the name carries it. */
export function tokenCookieName(port: number): string {
  return `rb_token_${port}`;
}

/** Canonical form of an IP literal (IPv6 compressed, lower case), or the name itself. */
function canonicalAddress(address: string): string {
  if (net.isIPv6(address)) {
    try {
      return new URL(`http://[${address}]/`).hostname.slice(1, -1);
    } catch {
      return address.toLowerCase(); // a zone index (fe80::1%eth0) has no URL form
    }
  }
  return address.toLowerCase();
}

/** An address as it appears in a URL and a Host header: IPv6 in brackets. */
export function urlHost(address: string): string {
  const a = canonicalAddress(address);
  return net.isIPv6(a) ? `[${a}]` : a;
}

/** True when only this computer can reach the address: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackBind(bind: string): boolean {
  const a = canonicalAddress(bind);
  if (a === 'localhost' || a === '::1') return true;
  if (net.isIPv4(a)) return a.startsWith('127.');
  // IPv4-mapped: ::ffff:127.0.0.1 is written ::ffff:7f00:1 in canonical form
  if (a.startsWith('::ffff:')) return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(a);
  return false;
}

const isWildcard = (bind: string): boolean => bind === '0.0.0.0' || canonicalAddress(bind) === '::';

/** The names a browser may put in the Host header for a server bound to `bind` (DNS-rebinding check), without the port. */
export function hostNamesFor(bind: string, interfaces: { address: string; family: string }[] = allInterfaces()): string[] {
  const names = new Set<string>();
  const loopback4 = ['127.0.0.1', 'localhost'];
  if (isWildcard(bind)) {
    for (const n of loopback4) names.add(n);
    const v6 = canonicalAddress(bind) === '::';
    if (v6) names.add('[::1]');
    for (const i of interfaces) if (i.family === 'IPv4' || (v6 && i.family === 'IPv6' && !i.address.includes('%'))) names.add(urlHost(i.address));
  } else if (canonicalAddress(bind) === '127.0.0.1') {
    for (const n of loopback4) names.add(n);
  } else if (canonicalAddress(bind) === '::1') {
    names.add('[::1]').add('localhost');
  } else {
    names.add(urlHost(bind));
  }
  return [...names];
}

function allInterfaces(): { address: string; family: string }[] {
  const out: { address: string; family: string }[] = listIpv4Interfaces().map((i) => ({ address: i.address, family: 'IPv4' }));
  for (const addrs of Object.values(os.networkInterfaces())) for (const a of addrs ?? []) if (a.family === 'IPv6') out.push({ address: a.address, family: 'IPv6' });
  return out;
}

/** Throws (three parts) when `bind` is reachable from other computers and the operator did not say --insecure-lan. */
export function assertBindAllowed(bind: string, insecureLan: boolean): void {
  if (!isLoopbackBind(bind) && !insecureLan) throw lanBindRefused(bind);
}

/** What the operator reads when the bench is served to the network without encryption. */
export function insecureLanWarning(bind: string, t: Translate = english): string {
  return t('cli.serve.insecure', { bind });
}

function lanBindRefused(bind: string): RbFault {
  return fault('LAN_BIND_REFUSED', { bind }, { details: `bind ${bind}` });
}

export interface BenchServer {
  url: string;
  port: number;
  bind: string;
  token: string;
  /** Command names this transport dispatches: must equal the contract's (contract-surface test). */
  registeredCommands: string[];
  clientCount(): number;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export async function startBenchServer(opts: BenchServerOptions): Promise<BenchServer> {
  const bind = opts.bind ?? '127.0.0.1';
  assertBindAllowed(bind, opts.insecureLan === true);
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxFrame = opts.maxFrameBytes ?? 1024 * 1024;
  const maxBuffered = opts.maxBufferedBytes ?? 8 * 1024 * 1024;
  const maxClients = opts.maxClients ?? DEFAULT_MAX_CLIENTS;
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const rendererDir = path.resolve(opts.rendererDir);
  let port = opts.port ?? 0;

  // Browsers leave the default port out of Host and Origin.
  const allowedHosts = (): Set<string> => new Set(hostNamesFor(bind).flatMap((n) => (port === 80 ? [n, `${n}:80`] : [`${n}:${port}`])));
  const hostOk = (req: http.IncomingMessage): boolean => allowedHosts().has((req.headers.host ?? '').toLowerCase());
  const originOk = (req: http.IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (!origin) return false;
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' && allowedHosts().has(u.host.toLowerCase());
    } catch {
      return false;
    }
  };
  const tokenFrom = (req: http.IncomingMessage): string | undefined => {
    const u = new URL(req.url ?? '/', 'http://x');
    return u.searchParams.get('token') ?? parseCookies(req.headers.cookie)[tokenCookieName(port)];
  };
  const authorised = (req: http.IncomingMessage): boolean => {
    const t = tokenFrom(req);
    return typeof t === 'string' && safeEqual(t, token);
  };

  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!hostOk(req)) {
        res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Wrong host name for this bench server.\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (!authorised(req)) {
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders }).end(
          'This Rescue Bench needs its access link.\nOpen the full address the bench printed when it started: it ends in ?token=…\n',
        );
        return;
      }
      const u = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string> = { ...securityHeaders };
      if (u.searchParams.has('token')) {
        headers['Set-Cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      const file = await readStaticFile(rendererDir, u.pathname);
      if (file.status === 404 && file.notBuilt) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The screen is not built yet. From a checkout run: npm run build:renderer (an installed Rescue Bench ships it; or pass --renderer DIR)\n');
        return;
      }
      if (file.status !== 200) {
        res.writeHead(file.status).end();
        return;
      }
      res.writeHead(200, { ...headers, ...file.headers });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (!res.headersSent) res.writeHead(status).end();
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrame, perMessageDeflate: false });
  const clients = new Set<WebSocket>();

  /** Refuse an upgrade in plain HTTP. The peer may already be gone (a reset): that must not end the process. */
  const reject = (socket: Duplex, status: number, text: string, body = ''): void => {
    socket.on('error', () => socket.destroy());
    if (socket.destroyed || !socket.writable) {
      socket.destroy();
      return;
    }
    const head = `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // end() only half-closes; destroy once the answer is out so a peer that never closes holds nothing.
    socket.end(head + body, () => socket.destroy());
  };
  server.on('upgrade', (req, socket, head) => {
    try {
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname !== '/ws') return reject(socket, 404, 'Not Found');
      if (!hostOk(req)) return reject(socket, 421, 'Misdirected Request');
      if (!authorised(req)) return reject(socket, 401, 'Unauthorized');
      if (!originOk(req)) return reject(socket, 403, 'Forbidden');
      if (clients.size >= maxClients)
        return reject(socket, 503, 'Service Unavailable', `This Rescue Bench already has ${clients.size} screens open, the most it serves at once.\nClose the bench on another screen, then reload this page.\n`);
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } catch {
      reject(socket, 400, 'Bad Request');
    }
  });
  wss.on('error', (err) => log(`Bench server WebSocket: ${err.message}`));

  const send = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  // A screen that has not answered the previous ping (closed laptop lid, pulled Wi-Fi) is dropped.
  const answered = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of clients) {
      if (answered.get(ws) === false) {
        clients.delete(ws);
        ws.terminate();
        continue;
      }
      answered.set(ws, false);
      if (ws.readyState === ws.OPEN) ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  wss.on('connection', (ws) => {
    clients.add(ws);
    answered.set(ws, true);
    ws.on('pong', () => answered.set(ws, true));
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    send(ws, { type: 'hello', server: 'rescue-bench', commands: [...commandNames], events: [...eventNames] });
    ws.on('message', (data, isBinary) => {
      // Every message's promise is caught: an unhandled rejection here would end the whole process.
      onMessage(ws, data, isBinary).catch((err: unknown) => {
        log(`Bench server: a message from a screen could not be answered: ${(err as Error)?.stack ?? String(err)}`);
        try {
          send(ws, { type: 'error', error: toErrorShape(err) });
        } catch {
          ws.terminate();
        }
      });
    });
  });

  const onMessage = async (ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> => {
    if (isBinary) {
      send(ws, { type: 'error', error: fault('BAD_FRAME', { why: 'binary', form: '' }).toShape() });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      send(ws, { type: 'error', error: fault('BAD_FRAME', { why: 'json', form: '' }).toShape() });
      return;
    }
    const frame = ClientFrameSchema.safeParse(parsed);
    if (!frame.success) {
      send(ws, { type: 'error', error: fault('BAD_FRAME', { why: 'shape', form: '{type:"invoke", id, command, payload}' }).toShape() });
      return;
    }
    const result = await dispatch(opts.handlers, frame.data.command, frame.data.payload, { transport: 'bench-server' });
    send(ws, { type: 'reply', id: frame.data.id, result });
  };

  const unsubscribe = opts.bus.subscribe((e) => {
    if (clients.size === 0 || e.local) return; // a local event: the screens heard it another way (bus.ts)
    const text = JSON.stringify({ type: 'event', name: e.name, payload: e.payload } satisfies ServerFrame);
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > maxBuffered) {
        // This screen cannot keep up. Skipping events for it would leave it showing a state that is no longer
        // true, with no way to know. Close it instead (1013, try again later): it reconnects by itself and reads
        // every capability's state afresh (resync on 'open'). What was already queued still reaches it.
        log(`Bench server: a screen fell ${Math.round(ws.bufferedAmount / 1024)} KiB behind; it was closed so that it reconnects and reads the state again`);
        ws.close(1013, 'too far behind: reconnect and read the state again');
        continue;
      }
      ws.send(text);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(explainBindError(err, { protocol: 'tcp', address: bind, port, purpose: 'serve the Rescue Bench screen to a browser' })));
    server.listen(port, bind, () => resolve());
  });
  port = (server.address() as net.AddressInfo).port;
  server.on('error', (err) => log(`Bench server: ${err.message}`));
  const hostForUrl = bind === '0.0.0.0' ? '127.0.0.1' : isWildcard(bind) ? '[::1]' : urlHost(bind);

  return {
    url: `http://${hostForUrl}:${port}/?token=${token}`,
    port,
    bind,
    token,
    registeredCommands: Object.keys(opts.handlers).sort(),
    clientCount: () => clients.size,
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const ws of clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
