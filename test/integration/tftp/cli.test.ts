/**
 * `rescue-bench tftp serve` as a user runs it: contract events as JSON lines (tftp.server.state listening first,
 * with the real port for --port 0, then tftp.transfer start/done/error per transfer), Ctrl-C stops it with a
 * cli.result line, and port 69 without privileges explains itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeLockstep } from '../../../src-main/capabilities/tftp/native';
import { CliLines } from '../../../test-support/cli-lines';
import { nodeTsArgs, reportSkip } from '../../../test-support/netns';
import { makeTree, run, sha256, type Tree } from '../../../test-support/tftp';
import { stageCliForOtherUser, type StagedCli } from '../../../test-support/other-user';

let tree: Tree;
beforeAll(() => {
  tree = makeTree({ big: false });
});
afterAll(() => tree?.cleanup());

function cli(args: string[], opts: { env?: Record<string, string> } = {}): ChildProcess {
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'serve', ...args]);
  return spawn(cmd, a, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
}

/** The built CLI, staged where another user can read it (the checkout may sit in a private folder). */
function cliAs(uid: number, staged: Extract<StagedCli, { ok: true }>, args: string[]): ChildProcess {
  return spawn('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'env', 'HOME=/tmp', process.execPath, staged.cli, 'tftp', 'serve', ...args], { cwd: staged.dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(p: ChildProcess): Promise<number | null> {
  return new Promise((r) => (p.exitCode !== null ? r(p.exitCode) : p.on('exit', (c) => r(c))));
}

/** The server's state once it listens (tftp.server.state), the first state after 'starting'. */
const listening = (out: CliLines) => out.waitFor('tftp.server.state', (s) => s.state !== 'starting', 30_000, 'the server to listen');

describe('tftp serve --json', () => {
  it('prints listening with the real port, then one line per transfer event; Ctrl-C stops it', async () => {
    const p = cli(['--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--json']);
    const out = new CliLines(p);
    try {
      const first = await listening(out);
      expect(first).toMatchObject({ state: 'listening', bind: '127.0.0.1', root: tree.root });
      // which engine sends lock-step reads, and why not the native one (decision 0013)
      const n = nativeLockstep();
      expect(first.lockstep).toEqual(n.ok ? { engine: 'native' } : { engine: 'js', why: n.reason, whyMsg: { id: 'tftp.engine.why', values: n.values } });
      const port = first.port;
      expect(port).toBeGreaterThan(0);
      const local = path.join(tree.base, 'cli-got');
      const r = await run('curl', ['-s', '--tftp-blksize', '1468', '-o', local, `tftp://127.0.0.1:${port}/one.bin`]);
      expect(r.code).toBe(0);
      const start = await out.waitFor('tftp.transfer', (e) => e.kind === 'start');
      expect(start.transfer).toMatchObject({ file: 'one.bin', direction: 'read', peer: '127.0.0.1', options: { blksize: 1468 } });
      const done = await out.waitFor('tftp.transfer', (e) => e.kind === 'done');
      expect(done.transfer).toMatchObject({ file: 'one.bin', bytes: 1024 * 1024, sha256: tree.files['one.bin'], engine: n.ok ? 'native' : 'js' });
      expect(sha256(local)).toBe(tree.files['one.bin']);
      await run('curl', ['-s', '-o', '/dev/null', `tftp://127.0.0.1:${port}/not-there.bin`]);
      const err = await out.waitFor('tftp.transfer', (e) => e.kind === 'error');
      expect(err.transfer).toMatchObject({ file: 'not-there.bin', error: { code: 'TFTP_FILE_NOT_FOUND' } });
      // the server's states come first (starting, listening), before any transfer
      expect(out.lines.slice(0, 2).map((l) => [l.event, (l.payload as { state: string }).state])).toEqual([
        ['tftp.server.state', 'starting'],
        ['tftp.server.state', 'listening'],
      ]);
      expect(out.of('tftp.transfer').some((e) => e.kind === 'progress')).toBe(false); // progress only with --progress
      p.kill('SIGINT');
      expect(await exited(p)).toBe(0);
      // the last line: tftp.server.stop's reply
      expect(await out.result()).toMatchObject({ command: 'tftp serve', ok: true, value: { state: 'stopped', port } });
      expect(out.lines.at(-1)!.event).toBe('cli.result');
    } finally {
      if (p.exitCode === null) p.kill('SIGKILL');
    }
  }, 60_000);

  it('a folder that does not exist is a clear error, exit 1', async () => {
    const p = cli(['--root', path.join(tree.base, 'nope'), '--port', '0', '--json']);
    const out = new CliLines(p);
    const r = await out.result(30_000);
    expect(r).toMatchObject({ command: 'tftp serve', ok: false, error: { code: 'TFTP_FOLDER_MISSING' } });
    // the contract's state event says the same
    expect(out.of('tftp.server.state').at(-1)).toMatchObject({ state: 'error', error: { code: 'TFTP_FOLDER_MISSING' } });
    expect(await exited(p)).toBe(1);
  }, 60_000);

  it('a port or address the contract refuses is a usage mistake naming the flag, exit 2', async () => {
    for (const [args, text] of [
      [['--port', '70000'], '--port must be a number from 0 to 65535 (0 = any free port), not "70000"'],
      [['--port', 'x'], '--port must be a number from 0 to 65535 (0 = any free port), not "x"'],
      [['--bind', '1.2.3'], '--bind must be an IPv4 address like 192.168.1.10'],
    ] as const) {
      const bad = cli(['--root', tree.root, ...args, '--json']);
      const out = new CliLines(bad);
      expect(await exited(bad)).toBe(2);
      expect(out.stderr.join('')).toContain(text);
      expect(await out.result()).toMatchObject({ command: 'tftp serve', ok: false, error: { code: 'USAGE', message: expect.stringContaining(text) } });
    }
  }, 60_000);

  it('--poll-us takes 0..5000 microseconds (0 = no lock-step busy poll); anything else is a usage error, exit 2', async () => {
    const bad = cli(['--root', tree.root, '--port', '0', '--poll-us', 'fast', '--json']);
    let err = '';
    bad.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(bad)).toBe(2);
    expect(err).toContain('--poll-us must be a number of microseconds from 0 to 5000');
    const p = cli(['--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--poll-us', '0', '--json']);
    const out = new CliLines(p);
    try {
      const first = await listening(out);
      const local = path.join(tree.base, 'cli-nopoll');
      const r = await run('curl', ['-s', '--tftp-blksize', '1468', '-o', local, `tftp://127.0.0.1:${first.port}/one.bin`]);
      expect(r.code).toBe(0);
      expect(sha256(local)).toBe(tree.files['one.bin']);
    } finally {
      p.kill('SIGINT');
      await exited(p);
    }
  }, 60_000);

  it('--engine takes auto, js or native; js serves lock-step from JavaScript; anything else is a usage error, exit 2', async () => {
    const bad = cli(['--root', tree.root, '--port', '0', '--engine', 'fast', '--json']);
    let err = '';
    bad.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(bad)).toBe(2);
    expect(err).toContain('--engine must be auto, js or native');
    const p = cli(['--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--engine', 'js', '--json']);
    const out = new CliLines(p);
    try {
      const first = await listening(out);
      expect(first.lockstep).toEqual({ engine: 'js', why: 'turned off for this server', whyMsg: { id: 'tftp.engine.why', values: { why: 'server' } } });
      const local = path.join(tree.base, 'cli-js');
      const r = await run('curl', ['-s', '--tftp-blksize', '1468', '-o', local, `tftp://127.0.0.1:${first.port}/one.bin`]);
      expect(r.code).toBe(0);
      expect((await out.waitFor('tftp.transfer', (e) => e.kind === 'done')).transfer).toMatchObject({ engine: 'js', sha256: tree.files['one.bin'] });
    } finally {
      p.kill('SIGINT');
      await exited(p);
    }
  }, 60_000);
});

describe('without the native engine', () => {
  it('auto falls back to the JavaScript engine and says why; --engine native refuses to start with a plain error, exit 1', async () => {
    const env = { RB_NATIVE: 'off' };
    const p = cli(['--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--json'], { env });
    const out = new CliLines(p);
    try {
      const first = await listening(out);
      expect(first.lockstep).toEqual({ engine: 'js', why: 'turned off (RB_NATIVE=off)', whyMsg: { id: 'tftp.engine.why', values: { why: 'off' } } });
      const local = path.join(tree.base, 'cli-off');
      expect((await run('curl', ['-s', '--tftp-blksize', '1468', '-o', local, `tftp://127.0.0.1:${first.port}/one.bin`])).code).toBe(0);
      expect((await out.waitFor('tftp.transfer', (e) => e.kind === 'done')).transfer).toMatchObject({ engine: 'js', sha256: tree.files['one.bin'] });
    } finally {
      p.kill('SIGINT');
      await exited(p);
    }
    const strict = cli(['--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--engine', 'native', '--json'], { env });
    const l = await new CliLines(strict).result(30_000);
    expect(l).toMatchObject({ command: 'tftp serve', ok: false, error: { code: 'TFTP_NATIVE_MISSING' } });
    expect(!l.ok && l.error.meaning).toContain('turned off (RB_NATIVE=off)');
    expect(await exited(strict)).toBe(1);
  }, 60_000);
});

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const unprivLow = Number(fs.existsSync('/proc/sys/net/ipv4/ip_unprivileged_port_start') ? fs.readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8') : '1024');
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
// uid 65534 cannot read a checkout in a private folder: it runs the built CLI staged in a world-readable temp folder.
const staged: StagedCli = root && hasSetpriv && unprivLow > 69 ? stageCliForOtherUser() : { ok: false, reason: '' };
/** Why the test cannot run here, or undefined when it can. */
const skipReason = !root ? 'needs root to run the CLI as another user' : !hasSetpriv ? 'setpriv (util-linux) missing' : unprivLow <= 69 ? `this machine lets everyone bind port ${unprivLow}+` : staged.ok ? undefined : staged.reason;
const canTry = skipReason === undefined;
if (skipReason !== undefined) reportSkip('tftp port 69 without privileges', skipReason);
afterAll(() => {
  if (staged.ok) staged.cleanup();
});

describe.skipIf(!canTry)('port 69 without privileges', () => {
  it('explains EACCES in plain words with setcap, the sysctl and U-Boot tftpdstp', async () => {
    fs.chmodSync(tree.base, 0o755);
    const p = cliAs(65534, staged as Extract<StagedCli, { ok: true }>, ['--root', tree.root, '--port', '69', '--json']);
    const out = new CliLines(p);
    const r = await out.result(30_000);
    if (r.ok) throw new Error('the server started on port 69 without privileges');
    expect(r.error.code).toBe('PORT_NOT_PERMITTED');
    expect(r.error.message).toContain('UDP port 69');
    expect(r.error.fix).toContain('setcap cap_net_bind_service');
    expect(r.error.fix).toContain('ip_unprivileged_port_start');
    expect(r.error.fix).toContain('setenv tftpdstp 6969');
    expect(await exited(p)).toBe(1);
  }, 60_000);
});
