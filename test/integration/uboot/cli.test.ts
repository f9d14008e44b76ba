/**
 * The `uboot` CLI's failure paths over a real pty (socat): one uboot.step line per step, a non-zero exit and the
 * reason in three parts (cli.result and stderr). (The success path runs against the real U-Boot in uboot/rig.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { ptyPair, socatSupport } from '../../../test-support/rig/pty';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';

const socat = socatSupport();
const hasSocat = socat.ok;
if (!socat.ok) reportSkip('uboot CLI failures', socat.reason);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uboot-cli-'));
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) p.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ lines: CliLines; code: number | null }> {
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['uboot', ...args, '--json']);
  const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = new CliLines(child);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { lines, code };
}

describe.skipIf(!hasSocat)('uboot CLI failures', () => {
  it('a silent port: the bootloader step fails after --wait with what to do, exit 1', async () => {
    const pair = await ptyPair(dir, 'silent');
    procs.push(pair.proc);
    const ours = pair.ours;
    const image = path.join(dir, 'image.bin');
    fs.writeFileSync(image, Buffer.alloc(4096, 7));
    const { lines, code } = await cli(['--port', ours, '--file', image, '--wait', '1']);
    expect(code).toBe(1);
    expect(lines.of('uboot.step').find((s) => s.step === 'stop-autoboot' && s.state === 'failed')).toMatchObject({
      error: { code: 'UBOOT_TIMEOUT', message: "We did not see the router's bootloader.", fix: expect.stringContaining('swap the TX and RX wires') },
    });
    expect(lines.lines.at(-1)).toMatchObject({ event: 'cli.result', payload: { command: 'uboot', ok: false, error: { code: 'UBOOT_TIMEOUT' }, value: { state: 'failed' } } });
    expect(lines.stderr.join('')).toMatch(/Error: We did not see the router's bootloader\.\n.*\nWhat to do: .*swap the TX and RX wires/s);
  }, 60_000);

  it('--lang de without --json: the port line, each step and the failure in German (decisions 0130, 0152)', async () => {
    const pair = await ptyPair(dir, 'silent-de');
    procs.push(pair.proc);
    const image = path.join(dir, 'image-de.bin');
    fs.writeFileSync(image, Buffer.alloc(4096, 7));
    const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['uboot', '--port', pair.ours, '--file', image, '--wait', '1', '--lang', 'de']);
    const child = spawn(cmd, a, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    expect(await new Promise<number | null>((r) => child.once('exit', r))).toBe(1);
    expect(out).toContain(`${pair.ours} mit 115200 Baud geöffnet. Protokoll: `);
    expect(out).toContain(`Seriell ${pair.ours}: offen`);
    expect(out).toMatch(/^… Rescue Bench wartet auf den Bootloader des Routers\./m);
    expect(out).toMatch(/^✗ Wir haben den Bootloader des Routers nicht gesehen\.$/m);
    expect(out).not.toMatch(/Opened |We did not see/);
  }, 60_000);

  it('a missing image fails before the router is touched; a bad option is a usage error (exit 2)', async () => {
    const pair = await ptyPair(dir, 'm');
    procs.push(pair.proc);
    const ours = pair.ours;
    const missing = await cli(['--port', ours, '--file', path.join(dir, 'nope.itb')]);
    expect(missing.code).toBe(1);
    expect(missing.lines.of('uboot.step').find((s) => s.state === 'failed')).toMatchObject({ step: 'check-file', error: { code: 'UBOOT_FILE_MISSING' } });
    const bad = await cli(['--port', ours, '--file', 'x', '--ip', '999.1.1.1']);
    expect(bad.code).toBe(2);
    expect(bad.lines.stderr.join('')).toContain('--ip must be an IPv4 address like 192.168.1.10, not "999.1.1.1"');
    expect(await bad.lines.result()).toMatchObject({ command: 'uboot', ok: false, error: { code: 'USAGE' } });
    const wait = await cli(['--port', ours, '--file', 'x', '--wait', '0']);
    expect(wait.code).toBe(2);
    expect(wait.lines.stderr.join('')).toContain('--wait must be a number of seconds from 1 to 600, not "0"');
  }, 60_000);
});
