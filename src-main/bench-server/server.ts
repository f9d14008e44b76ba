/**
 * The bench server: the same contract as the Electron IPC, over HTTP + WebSocket, serving the same built
 * renderer to a browser (a repair shop's tablet, or our Playwright tests). Loopback by default; a random
 * token is required for every page and for the WebSocket; Host and Origin are checked (DNS rebinding,
 * cross-site pages); every frame is schema-validated and a bad frame gets an error reply, never a crash.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrameSchema, commandNames, eventNames, type ServerFrame } from '../../src-shared/contract';
import { dispatch, type Handlers } from '../app/dispatch';
import type { EventBus } from '../app/bus';
import { explainBindError, listIpv4Interfaces } from '../services/platform';

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
  /** Per-client send buffer above which events are dropped for that client (it is too slow to keep up). */
  maxBufferedBytes?: number;
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

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

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (bar widths, partition map); no inline <style> or scripts are used.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export async function startBenchServer(opts: BenchServerOptions): Promise<BenchServer> {
  const bind = opts.bind ?? '127.0.0.1';
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxFrame = opts.maxFrameBytes ?? 1024 * 1024;
  const maxBuffered = opts.maxBufferedBytes ?? 8 * 1024 * 1024;
  const rendererDir = path.resolve(opts.rendererDir);
  let port = opts.port ?? 0;

  const allowedHosts = (): Set<string> => {
    const names = bind === '0.0.0.0' ? ['127.0.0.1', 'localhost', ...listIpv4Interfaces().map((i) => i.address)] : bind === '127.0.0.1' ? ['127.0.0.1', 'localhost'] : [bind];
    return new Set(names.map((n) => `${n}:${port}`));
  };
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
    return u.searchParams.get('token') ?? parseCookies(req.headers.cookie)['rb_token'];
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
          'This Rescue Bench needs its access link.\nOpen the full address that `npm run bench` printed: it ends in ?token=…\n',
        );
        return;
      }
      const u = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string> = { ...securityHeaders };
      if (u.searchParams.has('token')) {
        headers['Set-Cookie'] = `rb_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      let rel = decodeURIComponent(u.pathname);
      if (rel === '/' || rel === '') rel = '/index.html';
      if (rel.includes('\0')) throw Object.assign(new Error('nul'), { status: 400 });
      const file = path.resolve(rendererDir, '.' + path.posix.normalize(rel));
      if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) {
        res.writeHead(404).end();
        return;
      }
      let body: Buffer;
      try {
        body = await fs.readFile(file);
      } catch {
        if (rel === '/index.html') {
          res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The screen is not built yet. Run: npm run build:renderer\n');
          return;
        }
        res.writeHead(404).end();
        return;
      }
      headers['Content-Type'] = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      headers['Cache-Control'] = rel === '/index.html' ? 'no-store' : 'private, max-age=3600';
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (!res.headersSent) res.writeHead(status).end();
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrame, perMessageDeflate: false });
  const clients = new Set<WebSocket>();

  const reject = (socket: import('node:stream').Duplex, status: number, text: string): void => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  server.on('upgrade', (req, socket, head) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname !== '/ws') return reject(socket, 404, 'Not Found');
    if (!hostOk(req)) return reject(socket, 421, 'Misdirected Request');
    if (!authorised(req)) return reject(socket, 401, 'Unauthorized');
    if (!originOk(req)) return reject(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };

  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    send(ws, { type: 'hello', server: 'rescue-bench', commands: [...commandNames], events: [...eventNames] });
    ws.on('message', async (data, isBinary) => {
      if (isBinary) {
        send(ws, { type: 'error', error: { code: 'BAD_FRAME', message: 'Binary frames are not part of the protocol.' } });
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        send(ws, { type: 'error', error: { code: 'BAD_FRAME', message: 'The message was not valid JSON.' } });
        return;
      }
      const frame = ClientFrameSchema.safeParse(parsed);
      if (!frame.success) {
        send(ws, { type: 'error', error: { code: 'BAD_FRAME', message: 'The message does not have the form {type:"invoke", id, command, payload}.' } });
        return;
      }
      const result = await dispatch(opts.handlers, frame.data.command, frame.data.payload, { transport: 'bench-server' });
      send(ws, { type: 'reply', id: frame.data.id, result });
    });
  });

  const unsubscribe = opts.bus.subscribe((e) => {
    if (clients.size === 0) return;
    const text = JSON.stringify({ type: 'event', name: e.name, payload: e.payload } satisfies ServerFrame);
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > maxBuffered) continue; // this client cannot keep up; it will resync with a status command
      ws.send(text);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(explainBindError(err, { protocol: 'tcp', address: bind, port, purpose: 'serve the Rescue Bench screen to a browser' })));
    server.listen(port, bind, () => resolve());
  });
  port = (server.address() as import('node:net').AddressInfo).port;
  const hostForUrl = bind === '0.0.0.0' ? '127.0.0.1' : bind;

  return {
    url: `http://${hostForUrl}:${port}/?token=${token}`,
    port,
    bind,
    token,
    registeredCommands: Object.keys(opts.handlers).sort(),
    clientCount: () => clients.size,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
