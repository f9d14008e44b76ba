/**
 * Name aliases and answer-any (the TP-Link recovery: the router asks for "<Model><vN>_tp_recovery.bin" and gets the
 * image the person chose): real clients — tftp-hpa, busybox tftp, curl — on loopback ask for alias names and
 * arbitrary names and get the chosen file byte-exact; the transfer events say which name was asked for and which
 * file was sent. The jail still holds: alias targets must be regular files inside the served folder without dot
 * names (refused at start), and names refused by a rule are not rescued by answer-any. Also `tftp serve --alias`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTftpServer, type TftpServer, type TftpTransferEvent } from '../../../src-main/capabilities/tftp/server';
import { RbFault } from '../../../src-shared/errors';
import { CliLines } from '../../../test-support/cli-lines';
import { nodeTsArgs } from '../../../test-support/netns';
import { makeTree, run, sha256, tftpEngines, type Tree } from '../../../test-support/tftp';

type Fetch = (port: number, remote: string, local: string) => [string, string[]];
const clients: Record<string, Fetch> = {
  'tftp-hpa': (p, r, l) => ['tftp', ['127.0.0.1', String(p), '-m', 'binary', '-c', 'get', r, l]],
  'busybox tftp': (p, r, l) => ['busybox', ['tftp', '-g', '-r', r, '-l', l, '127.0.0.1', String(p)]],
  curl: (p, r, l) => ['curl', ['-s', '-S', '-o', l, `tftp://127.0.0.1:${p}/${r}`]],
};

const TPLINK = 'ArcherC7v2_tp_recovery.bin';

describe.each(tftpEngines())('aliases and answer-any, %s engine', (engine) => {
  let tree: Tree;
  let server: TftpServer;
  const events: TftpTransferEvent[] = [];

  beforeAll(async () => {
    tree = makeTree({ big: false });
    fs.copyFileSync(path.join(tree.root, 'one.bin'), path.join(tree.root, 'openwrt-factory.bin'));
    tree.files['openwrt-factory.bin'] = tree.files['one.bin']!;
    server = await startTftpServer({
      root: tree.root,
      bind: '127.0.0.1',
      port: 0,
      engine,
      aliases: { [TPLINK]: 'openwrt-factory.bin', 'tp_recovery.bin': path.join(tree.root, 'openwrt-factory.bin'), 'small.bin': 'sub/nested.txt' },
      answerAny: 'openwrt-factory.bin',
    });
    server.on('transfer', (e) => events.push(e));
  });
  afterAll(async () => {
    await server?.close();
    tree?.cleanup();
  });

  const done = (requested: string, since: number): TftpTransferEvent | undefined => events.slice(since).find((e) => e.kind === 'done' && e.transfer.requested === requested);

  it('keeps the aliases as names inside the folder (an absolute path inside it becomes relative)', () => {
    expect(server.aliases).toEqual({ [TPLINK]: 'openwrt-factory.bin', 'tp_recovery.bin': 'openwrt-factory.bin', 'small.bin': 'sub/nested.txt' });
    expect(server.answerAny).toBe('openwrt-factory.bin');
  });

  for (const [client, fetch] of Object.entries(clients)) {
    for (const [asked, expected, by] of [
      [TPLINK, 'openwrt-factory.bin', 'alias'],
      ['tp_recovery.bin', 'openwrt-factory.bin', 'alias'],
      ['ArcherA7v5_tp_recovery.bin', 'openwrt-factory.bin', 'answer-any'],
      ['one.bin', 'one.bin', 'name'],
    ] as const) {
      it(`${client} asks for "${asked}" and gets ${expected} byte-exact (${by})`, async () => {
        const local = path.join(tree.base, `got-${client.replace(/\W+/g, '_')}-${asked}`);
        const since = events.length;
        const [cmd, args] = fetch(server.port, asked, local);
        const r = await run(cmd, args, { cwd: tree.base });
        expect(r.code, r.stderr).toBe(0);
        expect(sha256(local)).toBe(tree.files[expected]);
        await expect.poll(() => done(asked, since), { timeout: 5000 }).toBeTruthy();
        const start = events.slice(since).find((e) => e.kind === 'start' && e.transfer.requested === asked)!;
        expect(start.transfer).toMatchObject({ file: asked, requested: asked, served: expected, servedBy: by });
        expect(done(asked, since)!.transfer.sha256).toBe(tree.files[expected]);
        fs.rmSync(local);
      });
    }
  }

  it('an alias to a file in a sub-folder works', async () => {
    const local = path.join(tree.base, 'got-small');
    const r = await run('busybox', ['tftp', '-g', '-r', 'small.bin', '-l', local, '127.0.0.1', String(server.port)]);
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(local)).toBe(tree.files['sub/nested.txt']);
  });

  it('answer-any never rescues a name a rule refused: hidden names and links leading outside stay refused', async () => {
    for (const name of ['.ssh/id_ed25519', 'escape.txt', '../outside/secret.txt']) {
      const since = events.length;
      const local = path.join(tree.base, 'got-refused');
      const r = await run('busybox', ['tftp', '-g', '-r', name, '-l', local, '127.0.0.1', String(server.port)]);
      expect(r.code).not.toBe(0);
      await expect.poll(() => events.slice(since).find((e) => e.kind === 'error' && e.transfer.requested === name), { timeout: 5000 }).toBeTruthy();
      const e = events.slice(since).find((x) => x.kind === 'error' && x.transfer.requested === name)!;
      expect(e.transfer.served).toBeUndefined();
      expect(e.transfer.error?.code).toMatch(/TFTP_REFUSED|TFTP_HIDDEN_NAME/);
    }
  });
});

describe('aliases are checked by the folder rules when the server starts', () => {
  let tree: Tree;
  beforeAll(() => {
    tree = makeTree({ big: false });
    fs.writeFileSync(path.join(tree.root, '.hidden.bin'), 'x');
  });
  afterAll(() => tree?.cleanup());

  for (const [what, opts] of [
    ['an alias to a file outside the folder', { aliases: { 'a.bin': '../outside/secret.txt' } }],
    ['an alias to an absolute path outside the folder', { aliases: { 'a.bin': '/etc/passwd' } }],
    ['an alias to a link leading outside', { aliases: { 'a.bin': 'escape.txt' } }],
    ['an alias to a hidden file', { aliases: { 'a.bin': '.hidden.bin' } }],
    ['an alias to a folder', { aliases: { 'a.bin': 'sub' } }],
    ['an alias to a missing file', { aliases: { 'a.bin': 'nope.bin' } }],
    ['a hidden alias name', { aliases: { '.ssh/id_rsa': 'one.bin' } }],
    ['answer-any outside the folder', { answerAny: '/etc/passwd' }],
    ['answer-any a hidden file', { answerAny: '.hidden.bin' }],
  ] as const) {
    it(`refuses ${what} (TFTP_ALIAS_REFUSED, three parts)`, async () => {
      const err = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, ...opts }).then(
        async (s) => {
          await s.close();
          throw new Error('the server started');
        },
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RbFault);
      expect(err).toMatchObject({ code: 'TFTP_ALIAS_REFUSED' });
      expect((err as RbFault).meaning).toBeTruthy();
      expect((err as RbFault).fix).toBeTruthy();
    });
  }
});

describe('tftp serve --alias NAME=FILE --answer-any FILE --json', () => {
  let tree: Tree;
  beforeAll(() => {
    tree = makeTree({ big: false });
  });
  afterAll(() => tree?.cleanup());

  it('serves the alias, says which name was asked for and which file was sent', async () => {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'serve', '--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--alias', `${TPLINK}=one.bin`, '--answer-any', 'one.bin', '--json']);
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new CliLines(p);
    try {
      const st = await out.waitFor('tftp.server.state', (s) => s.state === 'listening', 30_000);
      expect(st).toMatchObject({ aliases: { [TPLINK]: 'one.bin' }, answerAny: 'one.bin' });
      const local = path.join(tree.base, 'cli-got');
      const r = await run('tftp', ['127.0.0.1', String(st.port), '-m', 'binary', '-c', 'get', TPLINK, local]);
      expect(r.code, r.stderr).toBe(0);
      expect(sha256(local)).toBe(tree.files['one.bin']);
      const start = await out.waitFor('tftp.transfer', (e) => e.kind === 'start');
      expect(start.transfer).toMatchObject({ requested: TPLINK, served: 'one.bin', servedBy: 'alias' });
      p.kill('SIGINT');
      expect(await out.result()).toMatchObject({ command: 'tftp serve', ok: true });
    } finally {
      if (p.exitCode === null) p.kill('SIGKILL');
    }
  }, 60_000);

  it('the plain-words line names both: asked for X; sending Y', async () => {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'serve', '--root', tree.root, '--bind', '127.0.0.1', '--port', '0', '--answer-any', 'one.bin']);
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.stderr.on('data', (d: Buffer) => (text += d.toString()));
    try {
      await expect.poll(() => /port (\d+)/.exec(text)?.[1], { timeout: 30_000 }).toBeTruthy();
      const port = /port (\d+)/.exec(text)![1]!;
      expect(text).toContain('Any other name that is not in the folder gets one.bin.');
      const r = await run('busybox', ['tftp', '-g', '-r', 'whatever.bin', '-l', path.join(tree.base, 'w'), '127.0.0.1', port]);
      expect(r.code, r.stderr).toBe(0);
      await expect.poll(() => text, { timeout: 5000 }).toContain('asked for "whatever.bin"; sending "one.bin" (answer for any name)');
    } finally {
      p.kill('SIGKILL');
    }
  }, 60_000);

  it('--alias without = is a usage mistake (exit 2)', async () => {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'serve', '--root', tree.root, '--port', '0', '--alias', 'one.bin']);
    const r = await run(cmd, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--alias must be NAME=FILE');
  }, 60_000);
});
