/**
 * The two crash probes of issue 12, replayed against a real `rescue-bench serve` process: a rejected WebSocket
 * upgrade followed by a TCP reset (no token needed), and one authenticated command nested 5,000 levels deep.
 * After each, the same process must still serve the page (HTTP 200 with the token) and answer a fresh
 * WebSocket command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliLines } from '../../../test-support/cli-lines';
import { nodeTsArgs } from '../../../test-support/netns';

let base: string;
let child: ChildProcess;
let out: CliLines;
let port: number;
let token: string;
let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-crash-'));
  const renderer = path.join(base, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>probe</title>');
  const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['serve', '--port', '0', '--renderer', renderer, '--json']);
  child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(base, 'data') } });
  child.on('exit', (code, signal) => (exit = { code, signal }));
  out = new CliLines(child);
  const listening = await out.waitFor('cli.listening', undefined, 30_000, 'the bench server');
  port = listening.port;
  token = new URL(listening.url).searchParams.get('token')!;
}, 40_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
  fs.rmSync(base, { recursive: true, force: true });
});

function stillRunning(): void {
  expect(exit, `the bench server exited; stderr:\n${out.stderr.join('').slice(-3000)}`).toBeUndefined();
}

function getPage(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: `/?token=${token}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
      .on('error', reject);
  });
}

function openWs(): Promise<{ ws: WebSocket; next(): Promise<Record<string, any>> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin: `http://127.0.0.1:${port}` });
  const queue: Record<string, any>[] = [];
  const waiters: { resolve(v: Record<string, any>): void; reject(e: Error): void }[] = [];
  ws.on('message', (m) => {
    const v = JSON.parse(m.toString());
    const w = waiters.shift();
    if (w) w.resolve(v);
    else queue.push(v);
  });
  ws.on('close', (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the connection closed (${code}) before a reply; server stderr:\n${out.stderr.join('').slice(-3000)}`));
  });
  const next = (): Promise<Record<string, any>> =>
    queue.length
      ? Promise.resolve(queue.shift()!)
      : new Promise((resolve, reject) => {
          const t = setTimeout(() => reject(new Error('no frame within 10 s')), 10_000);
          waiters.push({
            resolve: (v) => {
              clearTimeout(t);
              resolve(v);
            },
            reject: (e) => {
              clearTimeout(t);
              reject(e);
            },
          });
        });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, next }));
    ws.once('error', reject);
  });
}

async function answersAfterwards(): Promise<void> {
  stillRunning();
  expect(await getPage()).toBe(200);
  const o = await openWs();
  expect((await o.next()).type).toBe('hello');
  o.ws.send(JSON.stringify({ type: 'invoke', id: 'after', command: 'app.info', payload: {} }));
  expect(await o.next()).toMatchObject({ type: 'reply', id: 'after', result: { ok: true, value: { name: 'Rescue Bench' } } });
  o.ws.close();
  stillRunning();
}

/** One upgrade request with a wrong token, then a TCP reset instead of a polite close. */
function upgradeThenReset(): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write(
        `GET /ws?token=${'x'.repeat(32)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.alloc(16, 7).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:${port}\r\n\r\n`,
        () => {
          s.resetAndDestroy();
          resolve();
        },
      );
    });
    s.on('error', reject);
  });
}

/** Send raw bytes and wait for the server to answer or close. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(request));
    let got = '';
    s.on('data', (d) => (got += d));
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
}

describe('bench server process survives the crash probes of issue 12', () => {
  it('a rejected upgrade followed by a TCP reset (no token) does not take it down', async () => {
    for (let i = 0; i < 20; i++) await upgradeThenReset();
    // let the server see the resets before asking it anything
    await new Promise((r) => setTimeout(r, 300));
    await answersAfterwards();
  }, 30_000);

  it('an upgrade request whose path is not a URL (no token) gets 400', async () => {
    const answer = await raw(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await answersAfterwards();
  }, 30_000);

  it('a firmware.verdict nested 5,000 levels deep gets an error reply and the server keeps serving', async () => {
    const depth = 5000;
    const metadata = `{"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const identity = { kind: 'openwrt-sysupgrade', headline: 'x', integrity: 'intact', integrityText: 'x', boards: ['linksys,wrt32x'], writePath: 'sysupgrade-tar', bodySize: 1 };
    const text = `{"type":"invoke","id":"deep","command":"firmware.verdict","payload":{"inspection":{"fileName":"x.bin","identity":${JSON.stringify(identity)},"metadata":${metadata}},"device":{"boardName":"linksys,wrt32x"}}}`;
    expect(text.length).toBeLessThan(40_000);
    const o = await openWs();
    expect((await o.next()).type).toBe('hello');
    o.ws.send(text);
    const r = await o.next();
    expect(r).toMatchObject({ type: 'reply', id: 'deep', result: { ok: false, error: { code: 'TOO_DEEP' } } });
    expect(r.result.error.fix).toBeTruthy();
    o.ws.close();
    await new Promise((r) => setTimeout(r, 300));
    await answersAfterwards();
  }, 30_000);
});
