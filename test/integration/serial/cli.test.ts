/** `serial ports` and `serial watch` over a real pty (socat): JSON lines for what the console recognises. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { openPeer, ptyPair, socatSupport } from '../../../test-support/rig/pty';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { JsonLines } from '../../../test-support/lines';

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
    const lines = new JsonLines(child);
    await lines.waitFor((l) => l.event === 'session' && l.state === 'open', 20_000, 'the session');
    const peer = await openPeer(pair.peer);
    const answered: Buffer[] = [];
    peer.on('data', (d: Buffer) => answered.push(d));
    peer.write('\r\nU-Boot 1.1.4 (Jun 13 2014 - 10:41:35)\r\nAutobooting in 1 seconds\r\nath> ');
    expect(await lines.waitFor((l) => l.event === 'match' && l.kind === 'uboot-autoboot', 10_000, 'the countdown')).toMatchObject({ stopWith: 'tpl', seconds: 1 });
    expect(await lines.waitFor((l) => l.event === 'match' && l.kind === 'uboot-prompt', 10_000, 'the prompt')).toMatchObject({ prompt: 'ath> ' });
    // --auto-stop typed the profile's stop word, once (it crosses the pty on its own schedule: wait for it)
    for (let i = 0; i < 150 && Buffer.concat(answered).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(Buffer.concat(answered).toString()).toBe('tpl');
    const exit = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    await new Promise((r) => peer.close(() => r(undefined)));
  }, 60_000);
});
