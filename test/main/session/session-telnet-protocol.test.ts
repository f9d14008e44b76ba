import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DO, DONT, IAC, SB, SE, TelnetDecoder, telnetEscape, WILL, WONT } from '../../../src-main/session/telnet-protocol';
import { KnownHosts, keyAlgorithm, keyFingerprint } from '../../../src-main/session/known-hosts';
import { shQuote } from '../../../src-main/session/shell';

const b = (...x: number[]): Buffer => Buffer.from(x);

describe('telnet decoder', () => {
  it('accepts the server echoing and suppressing go-ahead, refuses what it asks of us, answers once', () => {
    const d = new TelnetDecoder();
    // busybox telnetd's opening: DO ECHO, DO NAWS, WILL ECHO, WILL SGA
    const r = d.feed(b(IAC, DO, 1, IAC, DO, 31, IAC, WILL, 1, IAC, WILL, 3, 0x41));
    expect([...r.reply]).toEqual([IAC, WONT, 1, IAC, WONT, 31, IAC, DO, 1, IAC, DO, 3]);
    expect(r.data.toString()).toBe('A');
    expect(d.serverEchoes).toBe(true);
    expect(d.feed(b(IAC, DO, 31, IAC, WILL, 1)).reply.length).toBe(0);
    expect([...d.feed(b(IAC, WILL, 24)).reply]).toEqual([IAC, DONT, 24]);
  });

  it('keeps a command split across segments and unescapes IAC IAC', () => {
    const d = new TelnetDecoder();
    expect(d.feed(b(0x61, IAC)).data.toString()).toBe('a');
    const r = d.feed(b(IAC, 0x62, IAC, SB, 24, 1, IAC));
    expect([...r.data]).toEqual([IAC, 0x62]);
    expect([...d.feed(b(SE, 0x63)).data]).toEqual([0x63]);
  });

  it('escapes 0xff on the way out', () => {
    expect([...telnetEscape(b(1, IAC, 2))]).toEqual([1, IAC, IAC, 2]);
  });

  it('never throws and never loses plain data, whatever the split (100k inputs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(64), { maxLength: 4 }), (bytes, cuts) => {
        const d = new TelnetDecoder();
        const buf = Buffer.from(bytes);
        let data = 0;
        let prev = 0;
        for (const c of [...cuts.map((x) => Math.min(x, buf.length)).sort((x, y) => x - y), buf.length]) {
          data += d.feed(buf.subarray(prev, c)).data.length;
          prev = c;
        }
        const plain = bytes.filter((x) => x !== IAC).length;
        // without any IAC every byte is data
        if (!bytes.includes(IAC)) expect(data).toBe(plain);
        expect(data).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 100_000 },
    );
  });
});

describe('known hosts', () => {
  it('remembers per host:port, reads the algorithm from the key blob, forgets on request', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-kh-'));
    const kh = new KnownHosts(path.join(dir, 'sub', 'known.json'));
    const blob = Buffer.concat([b(0, 0, 0, 11), Buffer.from('ssh-ed25519'), Buffer.alloc(36, 7)]);
    expect(keyAlgorithm(blob)).toBe('ssh-ed25519');
    expect(keyAlgorithm(b(0, 0))).toBe('unknown');
    const fp = keyFingerprint(blob);
    expect(fp).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(kh.lookup('192.168.1.1', 22)).toBeUndefined();
    kh.remember('192.168.1.1', 22, 'ssh-ed25519', fp);
    expect(kh.lookup('192.168.1.1', 22)?.fingerprint).toBe(fp);
    expect(kh.lookup('192.168.1.1', 2222)).toBeUndefined();
    expect(kh.forget('192.168.1.1', 22)).toBe(true);
    expect(kh.forget('192.168.1.1', 22)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('shQuote', () => {
  it('leaves safe words alone and quotes the rest', () => {
    expect(shQuote('/dev/mtd3')).toBe('/dev/mtd3');
    expect(shQuote("it's")).toBe(`'it'\\''s'`);
    expect(shQuote('a b')).toBe(`'a b'`);
  });
});
