/** `serial ports` and `serial watch` over a real pty (socat): contract events as JSON lines for what the console recognises. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { openPeer, ptyPair, socatSupport } from '../../../test-support/rig/pty';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';

const socat = socatSupport();
const hasSocat = socat.ok;
if (!socat.ok) reportSkip('serial CLI', socat.reason);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-serial-cli-'));
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) p.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasSocat)('serial CLI', () => {
  it('serial watch --json reports the countdown (keyed, per profile) and the prompt; Ctrl-C ends it with 0', async () => {
    const pair = await ptyPair(dir, 'w');
    procs.push(pair.proc);
    const ours = pair.ours;
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['serial', 'watch', '--port', ours, '--profile', 'tplink-ath', '--auto-stop', '--json']);
    const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(child);
    const lines = new CliLines(child);
    const session = await lines.waitFor('serial.session', (s) => s.state === 'open', 20_000, 'the session');
    expect(session).toMatchObject({ path: ours, profile: 'tplink-ath', autoStop: true, requested: { baud: 115200 } });
    const peer = await openPeer(pair.peer);
    const answered: Buffer[] = [];
    peer.on('data', (d: Buffer) => answered.push(d));
    peer.write('\r\nU-Boot 1.1.4 (Jun 13 2014 - 10:41:35)\r\nAutobooting in 1 seconds\r\nath> ');
    expect((await lines.waitFor('serial.match', (m) => m.match.kind === 'uboot-autoboot', 10_000, 'the countdown')).match).toMatchObject({ stopWith: 'tpl', seconds: 1 });
    expect((await lines.waitFor('serial.match', (m) => m.match.kind === 'uboot-prompt', 10_000, 'the prompt')).match).toMatchObject({ prompt: 'ath> ' });
    // without --echo the console's bytes are not printed as lines
    expect(lines.of('serial.data')).toEqual([]);
    // --auto-stop typed the profile's stop word, once (it crosses the pty on its own schedule: wait for it)
    for (let i = 0; i < 150 && Buffer.concat(answered).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(Buffer.concat(answered).toString()).toBe('tpl');
    const exit = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    // the last line: serial.close's reply, the session as it ended
    expect(await lines.result()).toMatchObject({ command: 'serial watch', ok: true, value: { id: session.id, state: 'closed', path: ours } });
    await new Promise((r) => peer.close(() => r(undefined)));
  }, 60_000);

  it('serial watch --echo --json prints the console bytes as serial.data lines; a profile the workstation lacks is a usage mistake', async () => {
    const pair = await ptyPair(dir, 'e');
    procs.push(pair.proc);
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['serial', 'watch', '--port', pair.ours, '--echo', '--json']);
    const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(child);
    const lines = new CliLines(child);
    await lines.waitFor('serial.session', (s) => s.state === 'open', 20_000, 'the session');
    const peer = await openPeer(pair.peer);
    peer.write('hello from the router\r\n');
    await lines.waitFor('serial.data', () => lines.of('serial.data').map((d) => Buffer.from(d.b64, 'base64').toString()).join('').includes('hello from the router'), 10_000, 'the bytes');
    const exit = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    await new Promise((r) => peer.close(() => r(undefined)));

    const [bcmd, ba] = nodeTsArgs('src-main/cli/main.ts', ['serial', 'watch', '--port', pair.ours, '--profile', 'no-such-router', '--json']);
    const bad = spawn(bcmd, ba, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const badLines = new CliLines(bad);
    expect(await new Promise<number | null>((r) => bad.once('exit', r))).toBe(2);
    expect(badLines.stderr.join('')).toMatch(/--profile must be one of: .*tplink-ath/);
    expect(await badLines.result()).toMatchObject({ command: 'serial watch', ok: false, error: { code: 'USAGE' } });
  }, 60_000);

  it('serial watch --lang de: the watching line, what it recognises and an unplugged adapter in German (issue 19)', async () => {
    const pair = await ptyPair(dir, 'de');
    procs.push(pair.proc);
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['serial', 'watch', '--port', pair.ours, '--profile', 'tplink-ath', '--lang', 'de']);
    const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(child);
    let out = '';
    // plain words go to stderr, the console's bytes to stdout
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (re: RegExp, what: string): Promise<void> => {
      for (let i = 0; i < 750 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 20));
      if (!re.test(out)) throw new Error(`no ${what} in:\n${out}`);
    };
    await until(/wird mit 115200 Baud beobachtet \(Protokoll: \S+\)\. Beenden mit Strg-C\./, 'watching line');
    const peer = await openPeer(pair.peer);
    peer.write('\r\nU-Boot 1.1.4 (Jun 13 2014 - 10:41:35)\r\nAutobooting in 1 seconds\r\nath> ');
    await until(/\[Rescue Bench\] U-Boot zählt herunter — tippen Sie „tpl“, um den automatischen Start anzuhalten\./, 'countdown');
    await until(/\[Rescue Bench\] U-Boot wartet auf einen Befehl \(Eingabeaufforderung „ath>“\)\./, 'prompt');
    // the adapter goes away (socat ends, the pty with it): the platform's fault, in German, with its port
    await new Promise((r) => peer.close(() => r(undefined)));
    pair.proc.kill();
    await until(/\[Rescue Bench\] Der serielle Adapter \(\S+-ours\) antwortet nicht mehr\. Stecken Sie ihn wieder ein; die Konsole verbindet sich von selbst neu\./, 'unplugged fault');
    expect(out).not.toMatch(/Watching|counting down|waiting for a command|stopped answering|Plug it back/);
    // it waits for the adapter to come back, as it says, until Ctrl-C: it does not end by itself
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
    const exit = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 60_000);

  it('serial ports --json ends with serial.ports\' reply', async () => {
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['serial', 'ports', '--json']);
    const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = new CliLines(child);
    expect(await new Promise<number | null>((r) => child.once('exit', r))).toBe(0);
    const r = await lines.result<'serial ports'>();
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    for (const p of r.value.ports) expect(p.label).toContain(p.path);
    expect(lines.lines).toHaveLength(1);
  }, 60_000);
});
