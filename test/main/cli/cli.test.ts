import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import http from 'node:http';
import { CliLines } from '../../../test-support/cli-lines';
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
    // the contract's own schema checks it (MonitorStartSchema: 1..65535)
    const z = io();
    expect(await runCli(['failsafe', 'watch', '--port', '0'], z.io)).toBe(2);
    expect(z.err.join('\n')).toContain('--port must be a number from 1 to 65535, not "0"');
    const b = io();
    expect(await runCli(['failsafe', 'watch', '--bind', 'localhost'], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('--bind must be an IPv4 address like 192.168.1.10');
    const v = io();
    expect(await runCli(['failsafe', 'watch', '--bogus'], v.io)).toBe(2);
  });

  it('`serve --json` prints one cli.listening line, serves the UI with the token, stops on SIGTERM with cli.result', async () => {
    const child = cli(['serve', '--port', '0', '--json']);
    const out = new CliLines(child);
    const line = await out.waitFor('cli.listening');
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
    expect(line.port).toBeGreaterThan(0);
    const status = await new Promise<number>((resolve, reject) => http.get(String(line.url), (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject));
    expect(status).toBe(200);
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
    expect(await out.result()).toEqual({ command: 'serve', ok: true, value: line });
    expect(out.lines.map((l) => l.event)).toEqual(['cli.listening', 'cli.result']);
  });

  it('`serve` without --json says where to open the screen in a sentence', async () => {
    const child = cli(['serve', '--port', '0']);
    let text = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        text += d.toString();
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}) in a browser on this computer\. Press Ctrl-C to stop\./.exec(text);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited; stdout: ${text}`)));
    });
    const status = await new Promise<number>((resolve, reject) => http.get(url, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject));
    expect(status).toBe(200);
    expect(text).not.toContain('{');
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  });

  it('`failsafe watch --json` prints one failsafe.datagram line per datagram with from, text, kind, receivedAt', async () => {
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
    const port = probe.address().port;
    probe.close();
    const child = cli(['failsafe', 'watch', '--json', '--bind', '127.0.0.1', '--port', String(port)]);
    const out = new CliLines(child);
    await out.waitFor('failsafe.monitor.state', (s) => s.state === 'listening');
    const sock = dgram.createSocket('udp4');
    const before = Date.now();
    sock.send(encodeNetmsg('Please press button now to enter failsafe'), port, '127.0.0.1');
    const d = await out.waitFor('failsafe.datagram');
    sock.close();
    expect(d).toMatchObject({ from: '127.0.0.1', text: 'Please press button now to enter failsafe', kind: 'failsafe-prompt', unexpectedSource: true });
    expect(d.receivedAt).toBeGreaterThanOrEqual(before);
    child.kill('SIGINT');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
    // the reply of failsafe.monitor.stop: what was heard
    expect(await out.result()).toMatchObject({ command: 'failsafe watch', ok: true, value: { state: 'stopped', received: 1 } });
  });
});
