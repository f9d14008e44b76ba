import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import { startBenchServer, type BenchServer } from '../../../src-main/browser-server/server';

const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-renderer-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
fs.mkdirSync(path.join(rendererDir, 'assets'));
fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'console.log(1)');
const secret = path.join(path.dirname(rendererDir), `rb-secret-${process.pid}.txt`);
fs.writeFileSync(secret, 'outside the renderer folder');

let server: BenchServer;
const services = createServices({ host: 'bench-server', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rb-auth-')) });

beforeAll(async () => {
  server = await startBenchServer({ handlers: createHandlers(services), bus: services.bus, rendererDir, maxFrameBytes: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
  await services.dispose();
  fs.rmSync(secret, { force: true });
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

type Opened = { ws: WebSocket; next(): Promise<Record<string, any>> };
function open(opts: { token?: string; origin?: string | null } = {}): Promise<Opened | { rejected: number }> {
  const token = opts.token ?? server.token;
  const origin = opts.origin === undefined ? `http://127.0.0.1:${server.port}` : opts.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(token)}`, origin ? { origin } : {});
  const queue: Record<string, any>[] = [];
  const waiters: ((v: Record<string, any>) => void)[] = [];
  ws.on('message', (m) => {
    const v = JSON.parse(m.toString());
    const w = waiters.shift();
    if (w) w(v);
    else queue.push(v);
  });
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws, next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiters.push(r))) }));
    ws.once('unexpected-response', (_req, res) => resolve({ rejected: res.statusCode! }));
    ws.once('error', () => resolve({ rejected: -1 }));
  });
}
async function openOk(): Promise<Opened> {
  const o = await open();
  if ('rejected' in o) throw new Error(`rejected ${o.rejected}`);
  expect((await o.next()).type).toBe('hello');
  return o;
}
async function aliveCheck(): Promise<void> {
  const o = await openOk();
  o.ws.send(JSON.stringify({ type: 'invoke', id: 1, command: 'app.info', payload: {} }));
  const r = await o.next();
  expect(r).toMatchObject({ type: 'reply', id: 1, result: { ok: true, value: { name: 'Rescue Bench' } } });
  o.ws.close();
}

describe('bench server: HTTP', () => {
  it('binds loopback by default and prints a URL with the token', () => {
    expect(server.bind).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });
  it('refuses pages without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/assets/a.js')).status).toBe(401);
  });
  it('serves the UI with the token, sets a strict cookie and security headers', async () => {
    const r = await get(`/?token=${server.token}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await get('/assets/a.js', { cookie: `rb_token_${server.port}=${server.token}` })).status).toBe(200);
  });
  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).status).toBe(421);
  });
  it('never serves files outside the renderer folder', async () => {
    for (const p of [`/../${path.basename(secret)}`, `/%2e%2e/${path.basename(secret)}`, '/..%2f..%2fetc%2fpasswd', '/%00']) {
      const r = await get(`${p}?token=${server.token}`);
      expect(r.body).not.toContain('outside the renderer folder');
      expect(r.status).not.toBe(200);
    }
  });
});

describe('bench server: WebSocket', () => {
  it('rejects no token, a bad token, a missing or foreign Origin', async () => {
    expect(await open({ token: '' })).toEqual({ rejected: 401 });
    expect(await open({ token: 'x'.repeat(32) })).toEqual({ rejected: 401 });
    expect(await open({ origin: null })).toEqual({ rejected: 403 });
    expect(await open({ origin: 'http://evil.example' })).toEqual({ rejected: 403 });
    expect(await open({ origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ rejected: 403 });
    await aliveCheck();
  });

  it('answers malformed JSON, bad frames, unknown commands and bad payloads with errors, and keeps serving', async () => {
    const o = await openOk();
    o.ws.send('{not json');
    expect(await o.next()).toMatchObject({ type: 'error', error: { code: 'BAD_FRAME' } });
    o.ws.send(JSON.stringify({ hello: 1 }));
    expect(await o.next()).toMatchObject({ type: 'error', error: { code: 'BAD_FRAME' } });
    o.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await o.next()).toMatchObject({ type: 'error', error: { code: 'BAD_FRAME' } });
    o.ws.send(JSON.stringify({ type: 'invoke', id: 7, command: 'rm.rf', payload: {} }));
    expect(await o.next()).toMatchObject({ type: 'reply', id: 7, result: { ok: false, error: { code: 'UNKNOWN_COMMAND' } } });
    o.ws.send(JSON.stringify({ type: 'invoke', id: 8, command: '__proto__', payload: {} }));
    expect(await o.next()).toMatchObject({ type: 'reply', id: 8, result: { ok: false, error: { code: 'UNKNOWN_COMMAND' } } });
    o.ws.send(JSON.stringify({ type: 'invoke', id: 9, command: 'failsafe.monitor.start', payload: { port: -5, bind: '999.1.1.1' } }));
    const bad = await o.next();
    expect(bad).toMatchObject({ type: 'reply', id: 9, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(bad.result.error.fix).toBeTruthy();
    o.ws.send(JSON.stringify({ type: 'invoke', id: 10, command: 'app.info', payload: {} }));
    expect(await o.next()).toMatchObject({ type: 'reply', id: 10, result: { ok: true } });
    o.ws.close();
  });

  it('closes only the offending connection on an oversized frame', async () => {
    const o = await openOk();
    const closed = new Promise<number>((r) => o.ws.once('close', (code) => r(code)));
    o.ws.send('x'.repeat(70 * 1024));
    expect(await closed).toBe(1009);
    await aliveCheck();
  });
});
