/**
 * Hidden names (issue 12 item 4) against real TFTP clients on loopback. A served folder that holds a `.ssh`
 * folder and dot-files (as a parent of a home folder would) gives none of them out: asked for directly, inside a
 * sub-folder, or through a link with an ordinary name that leads to one. The refusal is TFTP ERROR 2 (access
 * violation) and a three-part error event; the key file is never read. Uploads cannot reach a hidden folder
 * through a link either. Ordinary files are still served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTftpServer, type TftpServer, type TftpTransferEvent } from '../../../src-main/capabilities/tftp/server';
import { TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import { makeTree, RawClient, run, sha256, tftpEngines, type Tree } from '../../../test-support/tftp';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key, but it must never leave this computer\n';

describe.each(tftpEngines())('%s engine', (engine) => {
  let tree: Tree;
  let server: TftpServer;
  let writable: TftpServer;
  const events: TftpTransferEvent[] = [];
  const upEvents: TftpTransferEvent[] = [];
  let key: string;
  let keyAtime: number;

  beforeAll(async () => {
    tree = makeTree({ big: false });
    const ssh = path.join(tree.root, '.ssh');
    fs.mkdirSync(ssh, { mode: 0o700 });
    key = path.join(ssh, 'id_ed25519');
    fs.writeFileSync(key, KEY, { mode: 0o600 });
    fs.writeFileSync(path.join(tree.root, '.env'), 'PASSWORD=hunter2\n');
    fs.writeFileSync(path.join(tree.root, 'sub', '.hidden'), 'hidden\n');
    fs.symlinkSync('.ssh/id_ed25519', path.join(tree.root, 'key.bin')); // inside the folder, but a hidden file
    fs.symlinkSync('.ssh', path.join(tree.root, 'keys')); // a folder link to a hidden folder inside
    // any read of the key would move its access time forward from 2000 (the hostile suite uses the same trick)
    fs.utimesSync(key, new Date(2000, 0, 1), new Date(2000, 0, 1));
    keyAtime = fs.statSync(key).atimeMs;
    server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 300, retries: 2, engine });
    server.on('transfer', (e) => events.push(e));
    // uploads: a hidden folder inside the upload folder, and an ordinary-looking link to it
    fs.mkdirSync(path.join(tree.uploads, '.ssh'), { mode: 0o700 });
    fs.writeFileSync(path.join(tree.uploads, '.ssh', 'authorized_keys'), 'ssh-ed25519 AAAA-the-owners-key\n');
    fs.symlinkSync('.ssh', path.join(tree.uploads, 'keys'));
    writable = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, allowWrite: tree.uploads, overwrite: true, timeoutMs: 300, retries: 2, engine });
    writable.on('transfer', (e) => upEvents.push(e));
  });
  afterAll(async () => {
    await server?.close();
    await writable?.close();
    tree?.cleanup();
  });

  function refusalFor(list: TftpTransferEvent[], file: string): TftpTransferEvent | undefined {
    return list.find((e) => e.kind === 'error' && e.transfer.file === file);
  }

  const reads: Array<[string, string, (port: number, remote: string, local: string) => [string, string[]]]> = [
    ['curl', '.ssh/id_ed25519', (p, r, l) => ['curl', ['-s', '-S', '-o', l, `tftp://127.0.0.1:${p}/${r}`]]],
    ['tftp-hpa', '.env', (p, r, l) => ['tftp', ['127.0.0.1', String(p), '-m', 'binary', '-c', 'get', r, l]]],
    ['curl', 'sub/.hidden', (p, r, l) => ['curl', ['-s', '-S', '-o', l, `tftp://127.0.0.1:${p}/${r}`]]],
    ['tftp-hpa', 'key.bin', (p, r, l) => ['tftp', ['127.0.0.1', String(p), '-m', 'binary', '-c', 'get', r, l]]],
    ['curl', 'keys/id_ed25519', (p, r, l) => ['curl', ['-s', '-S', '-o', l, `tftp://127.0.0.1:${p}/${r}`]]],
  ];
  for (const [client, name, fetch] of reads) {
    it(`${client} asking for ${JSON.stringify(name)} gets "Access violation" and nothing of the file`, async () => {
      const local = path.join(tree.base, `got-${client}-${name.replace(/\W+/g, '_')}`);
      const [cmd, args] = fetch(server.port, name, local);
      const r = await run(cmd, args, { cwd: tree.base, timeoutMs: 20_000 });
      // curl reports an access violation as exit 69 (CURLE_TFTP_PERM); tftp-hpa prints the server's text
      if (client === 'curl') expect(r.code, r.stderr).toBe(69);
      else expect(r.stdout + r.stderr).toMatch(/access violation/i);
      const got = fs.existsSync(local) ? fs.readFileSync(local, 'utf8') : '';
      expect(got).not.toContain('PRIVATE KEY');
      expect(got).not.toContain('hunter2');
      await expect.poll(() => refusalFor(events, name), { timeout: 5000 }).toBeTruthy();
      const ev = refusalFor(events, name)!;
      expect(ev.transfer.error).toMatchObject({ code: 'TFTP_HIDDEN_NAME', message: expect.stringContaining(name), meaning: expect.any(String), fix: expect.any(String) });
    });
  }

  it('the refusal is ERROR 2 on the wire, and the key was never read', async () => {
    const c = await RawClient.open();
    try {
      c.request(server.port, 'rrq', '.ssh/id_ed25519', { blksize: '1468' });
      const reply = await c.next(3000);
      expect(reply).toMatchObject({ type: 'error', code: TFTP_ERR.ACCESS_VIOLATION });
    } finally {
      c.close();
    }
    expect(fs.statSync(key).atimeMs).toBe(keyAtime);
  });

  it('an upload through a link to a hidden folder is refused and the file there is unchanged', async () => {
    const before = sha256(path.join(tree.uploads, '.ssh', 'authorized_keys'));
    const src = path.join(tree.base, 'attacker.pub');
    fs.writeFileSync(src, 'ssh-ed25519 AAAA-someone-elses-key\n');
    for (const name of ['keys/authorized_keys', '.ssh/authorized_keys']) {
      const r = await run('tftp', ['127.0.0.1', String(writable.port), '-m', 'binary', '-c', 'put', src, name], { timeoutMs: 20_000 });
      expect(r.stdout + r.stderr).toMatch(/access violation/i);
      await expect.poll(() => refusalFor(upEvents, name), { timeout: 5000 }).toBeTruthy();
    }
    expect(sha256(path.join(tree.uploads, '.ssh', 'authorized_keys'))).toBe(before);
  });

  it('ordinary files are still served', async () => {
    const local = path.join(tree.base, 'got-one.bin');
    const r = await run('curl', ['-s', '-S', '-o', local, `tftp://127.0.0.1:${server.port}/one.bin`]);
    expect(r.code, r.stderr).toBe(0);
    expect(sha256(local)).toBe(tree.files['one.bin']);
  });
});
