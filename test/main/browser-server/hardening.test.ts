/**
 * Issue 12 on the bench server (decision 0006): rejected upgrades free their socket, non-loopback binds need
 * --insecure-lan, the cookie carries the port, IPv6 binds pass their own Host check, dead screens are dropped
 * by the heartbeat and the number of screens is capped.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import {
  assertBindAllowed,
  hostNamesFor,
  insecureLanWarning,
  isLoopbackBind,
  startBenchServer,
  tokenCookieName,
  urlHost,
  type BenchServer,
  type BenchServerOptions,
} from '../../../src-main/browser-server/server';
import { runCli } from '../../../src-main/cli/main';
import { RbFault } from '../../../src-shared/errors';

const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-renderer-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
fs.mkdirSync(path.join(rendererDir, 'assets'));
fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-harden-'));
const services = createServices({ host: 'bench-server', dataDir });
const open: BenchServer[] = [];
async function start(extra: Partial<BenchServerOptions> = {}): Promise<BenchServer> {
  const s = await startBenchServer({ handlers: createHandlers(services), bus: services.bus, rendererDir, ...extra });
  open.push(s);
  return s;
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
afterAll(async () => {
  await services.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function get(server: BenchServer, pathname: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host, port: server.port, path: pathname, headers: { host: `${urlHost(host)}:${server.port}`, ...headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      })
      .on('error', reject);
  });
}

function connect(server: BenchServer, opts: { host?: string; autoPong?: boolean } = {}): Promise<WebSocket | { rejected: number; body: string }> {
  const host = urlHost(opts.host ?? '127.0.0.1');
  const ws = new WebSocket(`ws://${host}:${server.port}/ws?token=${server.token}`, { origin: `http://${host}:${server.port}`, autoPong: opts.autoPong ?? true });
  return new Promise((resolve) => {
    ws.once('message', () => resolve(ws)); // hello
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ rejected: res.statusCode!, body }));
    });
    ws.once('error', () => resolve({ rejected: -1, body: '' }));
  });
}
const closed = (ws: WebSocket): Promise<number> => new Promise((r) => (ws.readyState === ws.CLOSED ? r(-1) : ws.once('close', (code) => r(code))));

describe('rejected upgrades', () => {
  it('the server lets go of a rejected upgrade socket even when the peer never closes its side', async () => {
    const server = await start();
    const s = net.connect({ port: server.port, host: '127.0.0.1', allowHalfOpen: true });
    let answer = '';
    s.on('data', (d) => (answer += d));
    const gone = new Promise<string>((r) => {
      s.on('error', (e: NodeJS.ErrnoException) => r(e.code ?? 'error'));
      s.on('close', () => r('close'));
    });
    s.write(`GET /ws?token=${'x'.repeat(32)} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${Buffer.alloc(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await new Promise<void>((r) => s.once('end', () => r()));
    expect(answer).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    // The server's side is destroyed, not just half-closed: writing to it now is answered with a reset
    // (the first write brings the reset, the next one fails on it).
    s.write('still there?');
    await new Promise((r) => setTimeout(r, 200));
    if (!s.destroyed) s.write('and now?');
    const outcome = await Promise.race([gone, new Promise<string>((r) => setTimeout(() => r('still open'), 3000))]);
    s.destroy();
    expect(outcome).not.toBe('still open');
  });
});

describe('binding to addresses other computers can reach', () => {
  it('refuses anything but loopback without insecureLan, in three parts that say what anyone on the network can do', async () => {
    for (const bind of ['0.0.0.0', '::', '192.0.2.10', 'fd00::5', 'bench.local']) {
      const err = await startBenchServer({ handlers: createHandlers(services), bus: services.bus, rendererDir, bind }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RbFault);
      expect((err as RbFault).code).toBe('LAN_BIND_REFUSED');
      expect((err as RbFault).meaning).toMatch(/anyone on that network .* token.*flash, erase and restart the routers/);
      expect((err as RbFault).fix).toMatch(/--insecure-lan/);
    }
    for (const bind of ['127.0.0.1', '127.0.0.2', '::1', 'localhost', '::ffff:127.0.0.1']) expect(() => assertBindAllowed(bind, false)).not.toThrow();
    expect(() => assertBindAllowed('0.0.0.0', true)).not.toThrow();
    expect(isLoopbackBind('0:0:0:0:0:0:0:1')).toBe(true);
    expect(isLoopbackBind('128.0.0.1')).toBe(false);
    expect(insecureLanWarning('0.0.0.0')).toMatch(/plain HTTP.*Anyone on this network.*token.*flash, erase and restart the routers/);
  });

  it('`serve --bind 0.0.0.0` without --insecure-lan exits 1 with the reason and starts nothing', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await runCli(['serve', '--bind', '0.0.0.0', '--port', '0'], { out: (l) => out.push(l), err: (l) => err.push(l), stopped: Promise.resolve() });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^Error: The bench server did not start on 0\.0\.0\.0.*\n.*\nWhat to do: .*--insecure-lan/);
  });
});

describe('the token cookie carries the port', () => {
  it('two bench servers on one computer each set and read their own cookie', async () => {
    const a = await start();
    const b = await start();
    const ra = await get(a, `/?token=${a.token}`);
    const rb = await get(b, `/?token=${b.token}`);
    expect(String(ra.headers['set-cookie'])).toMatch(new RegExp(`^${tokenCookieName(a.port)}=${a.token}; HttpOnly; SameSite=Strict`));
    expect(String(rb.headers['set-cookie'])).toMatch(new RegExp(`^${tokenCookieName(b.port)}=${b.token}; `));
    expect(tokenCookieName(a.port)).toBe(`rb_token_${a.port}`);
    // a browser sends both cookies to both servers (cookies ignore ports); each picks its own
    const both = `${tokenCookieName(a.port)}=${a.token}; ${tokenCookieName(b.port)}=${b.token}`;
    expect((await get(a, '/assets/a.js', { cookie: both })).status).toBe(200);
    expect((await get(b, '/assets/a.js', { cookie: both })).status).toBe(200);
    // the old shared name, or the other server's cookie, is not enough
    expect((await get(a, '/assets/a.js', { cookie: `rb_token=${a.token}` })).status).toBe(401);
    expect((await get(a, '/assets/a.js', { cookie: `${tokenCookieName(b.port)}=${a.token}` })).status).toBe(401);
  });
});

const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const s = net.createServer();
  s.once('error', () => resolve(false));
  s.listen(0, '::1', () => s.close(() => resolve(true)));
});

describe('IPv6', () => {
  it('Host names for IPv6 binds are bracketed; :: allows what 0.0.0.0 allows plus IPv6', () => {
    const ifs = [
      { address: '127.0.0.1', family: 'IPv4' },
      { address: '192.168.1.10', family: 'IPv4' },
      { address: '::1', family: 'IPv6' },
      { address: 'FD00:0:0::5', family: 'IPv6' },
      { address: 'fe80::1%eth0', family: 'IPv6' },
    ];
    expect(hostNamesFor('::1', ifs).sort()).toEqual(['[::1]', 'localhost']);
    expect(hostNamesFor('0:0:0:0:0:0:0:1', ifs).sort()).toEqual(['[::1]', 'localhost']);
    expect(hostNamesFor('fd00::5', ifs)).toEqual(['[fd00::5]']);
    expect(hostNamesFor('0.0.0.0', ifs).sort()).toEqual(['127.0.0.1', '192.168.1.10', 'localhost']);
    expect(hostNamesFor('::', ifs).sort()).toEqual(['127.0.0.1', '192.168.1.10', '[::1]', '[fd00::5]', 'localhost']);
    expect(hostNamesFor('127.0.0.1', ifs).sort()).toEqual(['127.0.0.1', 'localhost']);
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('10.0.0.1')).toBe('10.0.0.1');
  });

  if (!hasIpv6Loopback) console.warn('hardening.test.ts: skipping the ::1 server test: this machine has no IPv6 loopback (binding ::1 failed)');
  it.skipIf(!hasIpv6Loopback)('a server bound to ::1 prints a bracketed link, serves it and accepts its WebSocket', async () => {
    const server = await start({ bind: '::1' });
    expect(server.url).toBe(`http://[::1]:${server.port}/?token=${server.token}`);
    expect((await get(server, `/?token=${server.token}`, {}, '::1')).status).toBe(200);
    // a foreign name is still refused
    expect((await get(server, `/?token=${server.token}`, { host: `evil.example:${server.port}` }, '::1')).status).toBe(421);
    const ws = await connect(server, { host: '::1' });
    expect(ws).toBeInstanceOf(WebSocket);
    (ws as WebSocket).close();
  });
});

describe('screens: heartbeat and cap', () => {
  it('drops a screen that stops answering pings and keeps one that answers', async () => {
    const server = await start({ heartbeatMs: 100 });
    const dead = (await connect(server, { autoPong: false })) as WebSocket;
    const live = (await connect(server)) as WebSocket;
    expect(server.clientCount()).toBe(2);
    const code = await Promise.race([closed(dead), new Promise<number>((r) => setTimeout(() => r(0), 3000))]);
    expect(code).toBe(1006); // terminated, no close handshake
    await new Promise((r) => setTimeout(r, 300));
    expect(live.readyState).toBe(WebSocket.OPEN);
    expect(server.clientCount()).toBe(1);
    live.close();
  });

  it('sends screens every event but the local ones (a whole run a playbook.step already told them: decision 0175)', async () => {
    const server = await start();
    const ws = (await connect(server)) as WebSocket;
    const got: string[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { type: string; name?: string; payload?: { text?: string } };
      if (f.type === 'event') got.push(`${f.name} ${f.payload?.text}`);
    });
    const line = (text: string) => ({ runId: 'r', stepId: 's', at: 1, dir: 'note' as const, text });
    services.bus.emit('playbook.transcript', line('only here'), { local: true });
    services.bus.emit('playbook.transcript', line('to screens'));
    services.bus.emit('playbook.transcript', line('also to screens'), { local: false });
    for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['playbook.transcript to screens', 'playbook.transcript also to screens']);
    ws.close();
  });

  it('closes a screen that falls too far behind (1013) instead of skipping events for it; a screen that keeps up misses none', async () => {
    const lines: string[] = [];
    const server = await start({ maxBufferedBytes: 64 * 1024, log: (l) => lines.push(l) });
    const slow = (await connect(server)) as WebSocket;
    const fast = (await connect(server)) as WebSocket;
    let fastGot = 0;
    fast.on('message', (d) => {
      if ((JSON.parse(String(d)) as { type: string }).type === 'event') fastGot++;
    });
    // the slow screen stops reading: the kernel's buffers fill, then the server's own
    (slow as unknown as { _socket: net.Socket })._socket.pause();
    const big = 'x'.repeat(32 * 1024);
    let sent = 0;
    for (; sent < 2000 && slow.readyState === WebSocket.OPEN && !lines.length; sent++) {
      services.bus.emit('playbook.transcript', { runId: 'r', stepId: 's', at: sent, dir: 'note', text: big });
      if (sent % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(lines.join('\n')).toMatch(/a screen fell \d+ KiB behind; it was closed so that it reconnects/);
    for (let i = 0; i < 300 && fastGot < sent; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fastGot).toBe(sent);
    // once it reads again it gets what was queued, then the close with its reason
    const code = new Promise<[number, string]>((r) => slow.once('close', (c, why) => r([c, String(why)])));
    (slow as unknown as { _socket: net.Socket })._socket.resume();
    await expect(code).resolves.toEqual([1013, 'too far behind: reconnect and read the state again']);
    fast.close();
  });

  it('refuses one screen more than the cap with 503 and a plain reason; a place frees up when one closes', async () => {
    const server = await start({ maxClients: 2 });
    const a = (await connect(server)) as WebSocket;
    const b = (await connect(server)) as WebSocket;
    const c = await connect(server);
    expect(c).toMatchObject({ rejected: 503 });
    expect((c as { body: string }).body).toMatch(/already has 2 screens open.*\nClose the bench on another screen/);
    a.close();
    await closed(a);
    await new Promise((r) => setTimeout(r, 50));
    const d = await connect(server);
    expect(d).toBeInstanceOf(WebSocket);
    (d as WebSocket).close();
    b.close();
  });
});

beforeAll(() => {
  expect(fs.existsSync(path.join(rendererDir, 'index.html'))).toBe(true);
});
