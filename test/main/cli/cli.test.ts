import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import http from 'node:http';
import { JsonLines } from '../../../test-support/lines';
import { nodeTsArgs } from '../../../test-support/netns';
import { runCli } from '../../../src-main/cli/main';
import { encodeNetmsg } from '../../../src-shared/capabilities/failsafe/netmsg';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stopped: Promise.resolve() } };
}

function cli(args: string[]) {
  const [cmd, argv] = nodeTsArgs('src-main/cli/main.ts', args);
  return spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('rescue-bench CLI', () => {
  it('prints help listing every command, exit 0', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/serve \[--port N\] \[--bind ADDR\]/);
    expect(t.out.join('\n')).toMatch(/failsafe watch/);
  });

  it('exits 2 with help on an unknown command or a bad option', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/Unknown command/);
    const u = io();
    expect(await runCli(['failsafe', 'watch', '--port', 'abc'], u.io)).toBe(2);
    expect(u.err.join('\n')).toMatch(/--port must be a number/);
    const v = io();
    expect(await runCli(['failsafe', 'watch', '--bogus'], v.io)).toBe(2);
  });

  it('`serve` prints one JSON listening line, serves the UI with the token, stops on SIGTERM', async () => {
    const child = cli(['serve', '--port', '0']);
    const out = new JsonLines(child);
    const line = await out.waitFor((l) => l.event === 'listening');
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
    expect(line.port).toBeGreaterThan(0);
    const status = await new Promise<number>((resolve, reject) => http.get(String(line.url), (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject));
    expect(status).toBe(200);
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  });

  it('`failsafe watch --json` prints one line per datagram with from, text, kind, receivedAt', async () => {
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
    const port = probe.address().port;
    probe.close();
    const child = cli(['failsafe', 'watch', '--json', '--bind', '127.0.0.1', '--port', String(port)]);
    const out = new JsonLines(child);
    await out.waitFor((l) => l.event === 'listening');
    const sock = dgram.createSocket('udp4');
    const before = Date.now();
    sock.send(encodeNetmsg('Please press button now to enter failsafe'), port, '127.0.0.1');
    const d = await out.waitFor((l) => l.event === 'datagram');
    sock.close();
    expect(d).toMatchObject({ from: '127.0.0.1', text: 'Please press button now to enter failsafe', kind: 'failsafe-prompt', unexpectedSource: true });
    expect(d.receivedAt).toBeGreaterThanOrEqual(before);
    child.kill('SIGINT');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  });
});
