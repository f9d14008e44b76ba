/**
 * Issue 12 #11: `backup` and `restore` take the router password from RB_PASSWORD or a prompt on the terminal
 * (nothing echoed), and still take --password but warn that it is visible in the process list and the shell
 * history. Run as a user runs it: the CLI inside the station namespace against the stand-in router whose real
 * dropbear wants a password; the prompt through a real pseudo-terminal (util-linux `script`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { shQuote } from '../../../src-main/session/shell';
import { parseCliOutput, resultOf } from '../../../test-support/cli-lines';

const support = netnsSupport();
if (!support.ok) reportSkip('backup/restore password sources (stand-in router)', support.reason);
const hasScript = spawnSync('script', ['--version']).status === 0;
if (support.ok && !hasScript) reportSkip('backup --ask-password through a terminal', 'script (util-linux) is missing');

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const PASSWORD = 'Rück-Sicht 42';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(!support.ok)('backup and restore: where the router password comes from', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  beforeAll(async () => {
    lan = createRescueLan('clipw');
    router = await startStandinRouter(lan, { partitions: [{ name: 'u-boot', size: 0x10000, readOnly: true }, { name: 'firmware', size: 0x20000 }], rootPassword: PASSWORD });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-clipw-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
    const [cmd, cargs] = nodeTsArgs(CLI, args);
    return new Promise((resolve) => {
      const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: tmp, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const backupArgs = (out: string): string[] => ['backup', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--out', path.join(tmp, out), '--json'];
  /** The cli.result line (the last line of --json output; every stdout line checked against the output schemas). */
  const done = (r: Run | string) =>
    // a `script` terminal transcript (string) also holds the prompt and the echo: only its JSON lines are the CLI's --json output
    resultOf(parseCliOutput(typeof r === 'string' ? r.split(/\r?\n/).filter((l) => l.startsWith('{')) : r.stdout));

  it('RB_PASSWORD logs in, for backup and restore; without it the router refuses the login', async () => {
    const r = await cli(backupArgs('env'), { RB_PASSWORD: PASSWORD });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(done(r)).toMatchObject({ command: 'backup', ok: true, value: { ok: true } });
    expect(r.stderr).not.toMatch(/Warning/);
    const restore = await cli(['restore', '--host', '192.168.1.1', '--ssh', '--session-only-key', '--from', path.join(tmp, 'env'), '--partition', 'firmware', '--dry-run', '--json'], { RB_PASSWORD: PASSWORD });
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    expect(done(restore)).toMatchObject({ command: 'restore', ok: true, value: { ok: true, dryRun: true } });
    const none = await cli(backupArgs('none'));
    expect(none.code).toBe(1);
    expect(done(none)).toMatchObject({ command: 'backup', ok: false, error: { code: 'AUTH_FAILED' } });
  });

  it('--password still works, with a warning on stderr that says why and what to use instead', async () => {
    const r = await cli([...backupArgs('flag'), '--password', PASSWORD]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Warning: --password puts the password where other users of this computer can see it \(the process list\) and into your shell history\. Use RB_PASSWORD=… or --ask-password instead\./);
    expect(r.stdout).not.toContain('Warning'); // stdout stays JSON lines
  });

  it('--ask-password without a terminal is a usage mistake that names RB_PASSWORD', async () => {
    const r = await cli([...backupArgs('notty'), '--ask-password']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ask-password needs a terminal to type into; in a script, put the password in the environment variable RB_PASSWORD instead/);
  });

  it.skipIf(!hasScript)('--ask-password on a terminal: asks, shows nothing of what is typed, logs in', async () => {
    const [cmd, cargs] = nodeTsArgs(CLI, [...backupArgs('tty'), '--ask-password']);
    const line = ['ip', 'netns', 'exec', lan.station.name, cmd, ...cargs].map(shQuote).join(' ');
    const p = spawn('script', ['-qefc', line, '/dev/null'], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let typed = false;
    p.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (!typed && screen.includes('Password for root@192.168.1.1: ')) {
        typed = true;
        // typed key by key, with a typo corrected by Backspace, then Enter
        p.stdin.write(Buffer.from(`${PASSWORD.slice(0, 4)}x\x7f${PASSWORD.slice(4)}\r`, 'utf8'));
      }
    });
    const code = await new Promise<number | null>((resolve) => p.on('close', resolve));
    expect(typed, screen).toBe(true);
    expect(code, screen).toBe(0);
    expect(screen).not.toContain(PASSWORD.slice(0, 4)); // nothing of the password was echoed
    expect(screen).not.toContain('Sicht');
    expect(done(screen)).toMatchObject({ command: 'backup', ok: true, value: { ok: true } });
  });
});
