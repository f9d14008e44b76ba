/**
 * Remembered router keys belong to the router (issue 17, decision 0111): keyed by its MAC when known, so three
 * routers at 192.168.1.1 have three keys and none of them is a "changed key"; a different key for the same MAC
 * still is; old files (host:port) keep working and their entry moves to the MAC when the key matches. The
 * connection tests use three real SSH servers (ssh2's, each with its own key) behind one address on 127.0.0.1,
 * the MAC given by the test's neighbour lookup.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseableEd25519 } from '../../../src-main/capabilities/practice/router';
import { KnownHosts, openSession } from '../../../src-main/session';
import { oneRouterMac, neighbourOnCardCommand, procArpRouterMac } from '../../../src-main/platform/neighbour';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-khmac-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MAC = ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03'];

describe('KnownHosts by MAC', () => {
  it('three routers at one address: three entries, no changed key; the same MAC with another key is one', () => {
    const kh = new KnownHosts(path.join(dir, 'three.json'));
    MAC.forEach((m, i) => {
      expect(kh.lookup('192.168.1.1', 22, m)).toBeUndefined();
      kh.remember('192.168.1.1', 22, 'ssh-ed25519', `SHA256:key${i}`, new Date(), m);
    });
    MAC.forEach((m, i) => expect(kh.lookup('192.168.1.1', 22, m)).toMatchObject({ fingerprint: `SHA256:key${i}`, mac: m, host: '192.168.1.1' }));
    // written as 02-00-… (Windows) or upper case: the same router
    expect(kh.lookup('192.168.1.1', 22, '02-00-00-00-00-02'.toUpperCase())?.fingerprint).toBe('SHA256:key1');
    expect(Object.keys(JSON.parse(fs.readFileSync(kh.file, 'utf8')))).toEqual(MAC.map((m) => `${m}/22`));
    // without a MAC nothing of theirs is found (host:port stays the fallback store)
    expect(kh.lookup('192.168.1.1', 22)).toBeUndefined();
    // the same router at another address is still known
    expect(kh.lookup('192.168.1.20', 22, MAC[0])?.fingerprint).toBe('SHA256:key0');
  });

  it('an old host:port entry moves to the MAC when it holds the same key, and stays for another router otherwise', () => {
    const file = path.join(dir, 'old.json');
    fs.writeFileSync(file, JSON.stringify({ '192.168.1.1:22': { algorithm: 'ssh-ed25519', fingerprint: 'SHA256:old', firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-02-01T00:00:00.000Z' } }));
    const kh = new KnownHosts(file);
    // a different router (another key) at that address: not a changed key, the old entry stays for its owner
    expect(kh.lookup('192.168.1.1', 22, MAC[1])).toBeUndefined();
    kh.remember('192.168.1.1', 22, 'ssh-ed25519', 'SHA256:other', new Date('2026-12-02T00:00:00Z'), MAC[1]);
    expect(kh.lookup('192.168.1.1', 22)?.fingerprint).toBe('SHA256:old');
    // the router the old entry was about: its history (first seen) moves under its MAC
    const rec = kh.remember('192.168.1.1', 22, 'ssh-ed25519', 'SHA256:old', new Date('2026-12-02T00:00:00Z'), MAC[0]);
    expect(rec.firstSeen).toBe('2025-01-01T00:00:00.000Z');
    expect(kh.lookup('192.168.1.1', 22)).toBeUndefined();
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8'))).sort()).toEqual([`${MAC[0]}/22`, `${MAC[1]}/22`]);
  });

  it('forget removes the MAC entry and the address entry; a bogus MAC falls back to host:port', () => {
    const kh = new KnownHosts(path.join(dir, 'forget.json'));
    kh.remember('192.168.1.1', 22, 'a', 'SHA256:x', new Date(), MAC[0]);
    kh.remember('192.168.1.1', 22, 'a', 'SHA256:y');
    expect(kh.forget('192.168.1.1', 22, MAC[0])).toBe(true);
    expect(kh.lookup('192.168.1.1', 22, MAC[0])).toBeUndefined();
    expect(kh.lookup('192.168.1.1', 22)).toBeUndefined();
    expect(KnownHosts.id('192.168.1.1', 22, '00:00:00:00:00:00')).toBe('192.168.1.1:22');
    expect(KnownHosts.id('192.168.1.1', 22, 'zz')).toBe('192.168.1.1:22');
  });

  it('forget without a MAC ("the router at this address", e.g. after an upgrade without settings) removes the MAC entries seen there, not elsewhere', () => {
    const kh = new KnownHosts(path.join(dir, 'forget-at.json'));
    kh.remember('192.168.1.1', 22, 'a', 'SHA256:x', new Date(), MAC[0]);
    kh.remember('192.168.1.20', 22, 'a', 'SHA256:y', new Date(), MAC[1]);
    kh.remember('192.168.1.1', 2222, 'a', 'SHA256:z', new Date(), MAC[2]);
    expect(kh.forget('192.168.1.1', 22)).toBe(true);
    expect(kh.lookup('192.168.1.1', 22, MAC[0])).toBeUndefined();
    expect(kh.lookup('192.168.1.20', 22, MAC[1])?.fingerprint).toBe('SHA256:y');
    expect(kh.lookup('192.168.1.1', 2222, MAC[2])?.fingerprint).toBe('SHA256:z');
    expect(kh.forget('192.168.1.1', 22)).toBe(false);
  });
});

describe('the neighbour table answer', () => {
  it('Linux: one MAC per card; none when cards disagree or the entry failed', () => {
    expect(neighbourOnCardCommand('linux', '192.168.1.1', 'enx2')).toEqual(['ip', '-j', 'neigh', 'show', 'to', '192.168.1.1', 'dev', 'enx2']);
    expect(neighbourOnCardCommand('win32', '192.168.1.1', undefined, '192.168.1.61')).toEqual(['arp', '-a', '192.168.1.1', '-N', '192.168.1.61']);
    expect(neighbourOnCardCommand('linux', '192.168.1.1', 'a;b')).toBeUndefined();
    const one = JSON.stringify([{ dst: '192.168.1.1', dev: 'enx2', lladdr: '02:00:00:00:00:02', state: ['REACHABLE'] }]);
    expect(oneRouterMac('linux', '192.168.1.1', one)).toBe('02:00:00:00:00:02');
    const two = JSON.stringify([
      { dst: '192.168.1.1', dev: 'enx1', lladdr: '02:00:00:00:00:01', state: ['REACHABLE'] },
      { dst: '192.168.1.1', dev: 'enx2', lladdr: '02:00:00:00:00:02', state: ['STALE'] },
    ]);
    expect(oneRouterMac('linux', '192.168.1.1', two)).toBeUndefined();
    expect(oneRouterMac('linux', '192.168.1.1', JSON.stringify([{ dst: '192.168.1.1', dev: 'enx1', state: ['FAILED'] }]))).toBeUndefined();
    expect(oneRouterMac('win32', '192.168.1.1', 'Interface: 192.168.1.61 --- 0x7\r\n  Internet Address      Physical Address      Type\r\n  192.168.1.1           02-00-00-00-00-02     dynamic\r\n')).toBe('02:00:00:00:00:02');
  });
});

describe('the neighbour table read without a child process (Linux /proc/net/arp, decision 0125)', () => {
  const head = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  it('one completed entry per card; none when cards disagree, the entry is incomplete or hand-set, or the text is not the table', () => {
    const table =
      head +
      '192.168.1.1      0x1         0x2         02:00:00:00:00:01     *        enx1\n' +
      '192.168.1.1      0x1         0x2         02:00:00:00:00:02     *        enx2\n' +
      '192.168.1.1      0x1         0x0         00:00:00:00:00:00     *        enx3\n' +
      '192.168.1.1      0x1         0x6         02:00:00:00:00:04     *        enx4\n' +
      '192.168.1.10     0x1         0x2         02:00:00:00:00:0A     *        enx1\n';
    expect(procArpRouterMac(table, '192.168.1.1', 'enx2')).toBe('02:00:00:00:00:02');
    expect(procArpRouterMac(table, '192.168.1.1', 'enx1')).toBe('02:00:00:00:00:01');
    expect(procArpRouterMac(table, '192.168.1.1')).toBeUndefined(); // two cards, two routers: no answer
    expect(procArpRouterMac(table, '192.168.1.1', 'enx3')).toBeUndefined(); // incomplete
    expect(procArpRouterMac(table, '192.168.1.1', 'enx4')).toBeUndefined(); // permanent (hand-set)
    expect(procArpRouterMac(table, '192.168.1.10')).toBe('02:00:00:00:00:0a');
    expect(procArpRouterMac(table, '192.168.1.2', 'enx1')).toBeUndefined();
    expect(procArpRouterMac('[]', '192.168.1.1')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux' && fs.existsSync('/proc/net/arp'))('gives what `ip -j neigh` gives for every entry of this computer\'s table', () => {
    const text = fs.readFileSync('/proc/net/arp', 'utf8');
    const rows = text.split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 6);
    for (const f of rows) {
      const viaIp = oneRouterMac('linux', f[0]!, execFileSync('ip', ['-j', 'neigh', 'show', 'to', f[0]!, 'dev', f[5]!], { encoding: 'utf8' }));
      expect(procArpRouterMac(text, f[0]!, f[5]!), `${f[0]} on ${f[5]}`).toBe(viaIp);
    }
  });
});

describe('openSession remembers each router by its MAC (three real SSH servers, one address)', () => {
  const servers: ssh2.Server[] = [];
  let port = 0;
  let which = 0;
  beforeAll(async () => {
    // One listening port; each connection is handed to the server of the router "plugged in" now.
    for (let i = 0; i < 3; i++) {
      const key = { private: parseableEd25519(ssh2.utils) };
      servers.push(
        new ssh2.Server({ hostKeys: [key.private] }, (client) => {
          client.on('authentication', (ctx) => ctx.accept());
          client.on('error', () => undefined);
        }),
      );
    }
    const front = net.createServer((sock) => (servers[which] as unknown as { injectSocket(s: net.Socket): void }).injectSocket(sock));
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
    port = (front.address() as net.AddressInfo).port;
    servers.push(front as unknown as ssh2.Server);
  });
  afterAll(() => servers.forEach((s) => s.close()));

  const open = (file: string, mac: string | undefined) =>
    openSession({ host: '127.0.0.1', port, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: file, timeoutMs: 5000, localAddress: '127.0.0.1', lookupMac: async () => mac });

  it('three routers, three keys, no HOST_KEY_CHANGED; a different key for a known MAC is refused', async () => {
    const file = path.join(dir, 'sessions.json');
    const fps: string[] = [];
    for (let i = 0; i < 3; i++) {
      which = i;
      const s = await open(file, MAC[i]);
      expect(s.hostKey).toMatchObject({ status: 'new', mac: MAC[i] });
      fps.push(s.hostKey!.fingerprint);
      await s.close();
    }
    expect(new Set(fps).size).toBe(3);
    for (let i = 2; i >= 0; i--) {
      which = i;
      const s = await open(file, MAC[i]);
      expect(s.hostKey?.status).toBe('known');
      await s.close();
    }
    // router 2's key offered under router 1's MAC: that one changed
    which = 1;
    await expect(open(file, MAC[0]!)).rejects.toMatchObject({ code: 'HOST_KEY_CHANGED', message: expect.stringContaining(MAC[0]!) });
    // without a MAC (neighbour unknown) the address is the key: the first router's key is remembered there ...
    which = 0;
    const s = await open(file, undefined);
    expect(s.hostKey).toMatchObject({ status: 'new' });
    expect(s.hostKey?.mac).toBeUndefined();
    await s.close();
    // ... and another router at the same address without a MAC looks like a changed key (why MACs matter)
    which = 2;
    await expect(open(file, undefined)).rejects.toMatchObject({ code: 'HOST_KEY_CHANGED' });
  });
});
