/**
 * `rescue-bench serve --allow-folder DIR` (decision 0007), as a user runs it: the real CLI process, a browser's
 * WebSocket on loopback. Files in the data folder and in an allowed folder can be inspected from the browser,
 * files elsewhere cannot; a folder that must not be exposed (~/.ssh, a folder holding the home folder) stops
 * the bench before it listens, with the reason in three parts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CliLines } from '../../../test-support/cli-lines';
import { nodeTsArgs } from '../../../test-support/netns';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-allow-')));
const home = path.join(base, 'home');
const data = path.join(base, 'data');
const allowed = path.join(base, 'firmware');
const outside = path.join(base, 'elsewhere');
for (const d of [path.join(home, '.ssh'), data, allowed, outside]) fs.mkdirSync(d, { recursive: true });
for (const d of [data, allowed, outside]) fs.writeFileSync(path.join(d, 'fw.bin'), Buffer.alloc(2048, 0x33));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function serve(args: string[]) {
  const [cmd, argv] = nodeTsArgs('src-main/cli/main.ts', ['serve', '--port', '0', '--json', ...args]);
  return spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home, RESCUE_BENCH_DATA_DIR: data } });
}

async function invoker(url: string): Promise<{ call(command: string, payload: unknown): Promise<any>; close(): void }> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/ws?token=${encodeURIComponent(u.searchParams.get('token')!)}`, { origin: `http://${u.host}` });
  const queue: any[] = [];
  const waiters: ((v: any) => void)[] = [];
  ws.on('message', (m) => {
    const v = JSON.parse(m.toString());
    if (v.type !== 'reply') return;
    const w = waiters.shift();
    if (w) w(v);
    else queue.push(v);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let id = 0;
  return {
    call(command, payload) {
      ws.send(JSON.stringify({ type: 'invoke', id: ++id, command, payload }));
      return new Promise((r) => (queue.length ? r(queue.shift()) : waiters.push(r))).then((v: any) => v.result);
    },
    close: () => ws.close(),
  };
}

describe('serve --allow-folder', () => {
  it('the browser may inspect files in the data folder and the allowed folder, not elsewhere', async () => {
    const child = serve(['--allow-folder', allowed]);
    try {
      const listening = await new CliLines(child).waitFor('cli.listening', undefined, 30_000, 'the bench to listen');
      const ws = await invoker(String(listening.url));
      try {
        for (const p of [path.join(data, 'fw.bin'), path.join(allowed, 'fw.bin')]) {
          expect(await ws.call('firmware.inspect', { path: p }), p).toMatchObject({ ok: true, value: { fileName: 'fw.bin' } });
        }
        const refused = await ws.call('firmware.inspect', { path: path.join(outside, 'fw.bin') });
        expect(refused).toMatchObject({ ok: false, error: { code: 'HOST_PATH_NOT_ALLOWED', fix: expect.stringContaining('--allow-folder') } });
        expect(refused.error.meaning).toContain(allowed);
      } finally {
        ws.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('a folder that must not be exposed stops the bench before it listens, with the reason', async () => {
    for (const bad of [path.join(home, '.ssh'), base]) {
      const child = serve(['--allow-folder', bad]);
      const lines = new CliLines(child);
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code, bad).toBe(1);
      expect(lines.of('cli.listening')).toEqual([]);
      expect(lines.stderr.join('')).toContain(bad);
      expect(lines.stderr.join('')).toMatch(/hidden folder|holds your home folder/);
      // the same reason, in three parts, as the last line
      expect(await lines.result()).toMatchObject({ command: 'serve', ok: false, error: { code: 'ALLOW_FOLDER_REFUSED', message: expect.stringContaining(bad), meaning: expect.any(String), fix: expect.any(String) } });
    }
  }, 60_000);
});
