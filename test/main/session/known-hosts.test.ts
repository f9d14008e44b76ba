/**
 * Remembered router keys (issue 12 #9): a missing file is an empty list; a file that exists but cannot be
 * read as our format is refused with a three-part error and never overwritten, so trust never silently
 * starts over. The connection test uses a real SSH server (ssh2's) on 127.0.0.1.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseableEd25519 } from '../../../src-main/capabilities/practice/router';
import { KnownHosts, openSession } from '../../../src-main/session';
import { RbFault } from '../../../src-shared/errors';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-kh-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function caught(fn: () => unknown): RbFault {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RbFault);
    return err as RbFault;
  }
  throw new Error('expected a refusal');
}

function expectUnreadable(f: RbFault, file: string): void {
  expect(f.code).toBe('KNOWN_HOSTS_UNREADABLE');
  expect(f.message).toContain(file); // which file
  expect(f.message).toMatch(/remembered router keys/); // what could not be read
  expect(f.meaning).toMatch(/did not connect/);
  expect(f.fix).toMatch(/Move the file aside/); // what to do
}

const DAMAGED: Array<[string, string]> = [
  ['cut short', '{\n  "192.168.1.1:22": {\n    "algorithm": "ssh-ed25519",\n    "fingerp'],
  ['empty', ''],
  ['an array', '[]\n'],
  ['an entry without a fingerprint', '{"192.168.1.1:22": {"algorithm": "ssh-ed25519"}}\n'],
];

describe('KnownHosts', () => {
  it('a missing file is an empty list; the first key is stored (0600)', () => {
    const file = path.join(dir, 'fresh', 'known-hosts.json');
    const kh = new KnownHosts(file);
    expect(kh.lookup('192.168.1.1', 22)).toBeUndefined();
    kh.remember('192.168.1.1', 22, 'ssh-ed25519', 'SHA256:abc');
    expect(new KnownHosts(file).lookup('192.168.1.1', 22)?.fingerprint).toBe('SHA256:abc');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  for (const [what, text] of DAMAGED) {
    it(`a file that is ${what} is refused, and left exactly as it was`, () => {
      const file = path.join(dir, `damaged-${what.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(file, text);
      const kh = new KnownHosts(file);
      expectUnreadable(caught(() => kh.lookup('192.168.1.1', 22)), file);
      expectUnreadable(caught(() => kh.remember('192.168.1.1', 22, 'ssh-ed25519', 'SHA256:new')), file);
      expectUnreadable(caught(() => kh.forget('192.168.1.1', 22)), file);
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('a file that cannot be read (a folder in its place) is refused too', () => {
    const file = path.join(dir, 'is-a-dir.json');
    fs.mkdirSync(file);
    expectUnreadable(caught(() => new KnownHosts(file).lookup('h', 22)), file);
  });
});

describe('openSession with a damaged known-hosts file (real SSH server on 127.0.0.1)', () => {
  let server: ssh2.Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    const key = { private: parseableEd25519(ssh2.utils) };
    server = new ssh2.Server({ hostKeys: [key.private] }, (client) => {
      client.on('authentication', (ctx) => ctx.accept());
      client.on('ready', () => undefined);
      client.on('error', () => undefined);
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    connections = 0;
  });

  it('refuses before connecting and does not overwrite the file', async () => {
    const file = path.join(dir, 'session-known-hosts.json');
    const text = '{"127.0.0.1:22": {"algorithm": "ssh-ed25519", "fingerprint": "SHA256:x", "firstSeen": "2026-01-01T00:00:00.000Z", "lastSeen": "2026-01-0';
    fs.writeFileSync(file, text);
    const err = await openSession({ host: '127.0.0.1', port, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: file, timeoutMs: 5000 }).then(
      async (s) => {
        await s.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RbFault);
    expectUnreadable(err as RbFault, file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(connections).toBe(0);
  });

  it('with a good file the same server is remembered (the server itself works)', async () => {
    const file = path.join(dir, 'good-known-hosts.json');
    const s = await openSession({ host: '127.0.0.1', port, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: file, timeoutMs: 5000 });
    expect(s.hostKey?.status).toBe('new');
    await s.close();
    expect(new KnownHosts(file).lookup('127.0.0.1', port)?.fingerprint).toBe(s.hostKey?.fingerprint);
    expect(connections).toBe(1);
  });
});
