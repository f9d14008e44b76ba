/**
 * The TFTP upload client's state machine against a scripted receiver on loopback (test-support/tftp-scripted-server.ts):
 * option negotiation and its fallbacks, lost and doubled ACKs, windows with gaps, ERROR and garbage packets,
 * stray transfer IDs, block-number rollover, timeouts and cancelling. The real servers (tftpd-hpa, atftpd) are in
 * test/integration/tftp/put.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tftpPut, wireBlock, type TftpPutOptions } from '../../../../src-main/capabilities/tftp/client';
import { nativeLockstep } from '../../../../src-main/capabilities/tftp/native';
import { SLICE_BYTES } from '../../../../src-main/capabilities/tftp/put-source';
import { encodeAck, encodeError, OP, readOpcode, TFTP_ERR } from '../../../../src-shared/capabilities/tftp/codec';
import { RbFault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import { scriptedServer, type Script, type ScriptedServer } from '../../../../test-support/tftp-scripted-server';

const servers: ScriptedServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(script: Script = {}): Promise<ScriptedServer> {
  const s = await scriptedServer(script);
  servers.push(s);
  return s;
}

function put(s: ScriptedServer, data: Buffer, o: Partial<TftpPutOptions> = {}): ReturnType<typeof tftpPut> {
  return tftpPut({ host: '127.0.0.1', port: s.port, source: data, remoteName: 'firmware.bin', timeoutMs: 100, ...o });
}

async function fault(p: Promise<unknown>): Promise<RbFault> {
  const e = await p.then(
    () => {
      throw new Error('expected the upload to fail');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RbFault);
  const f = e as RbFault;
  expect(f.code).toMatch(/^TFTP_PUT_/);
  expect(f.message.length).toBeGreaterThan(10);
  expect(f.meaning?.length).toBeGreaterThan(10);
  expect(f.fix?.length).toBeGreaterThan(10);
  return f;
}

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
const bytes = (n: number): Buffer => crypto.randomBytes(n);

describe('tftpPut: the fast sender asked for and not usable (decision 0170)', () => {
  it('says why in English as before and in German from the same values; nothing is sent', async () => {
    const s = await serve();
    const e = await fault(put(s, Buffer.alloc(1000), { engine: 'native' }));
    expect(e.code).toBe('TFTP_PUT_NATIVE_MISSING');
    expect(e.meaning).toBe('It was asked for explicitly, so nothing was sent: the data is not a file.');
    const de = localizeError(e.toShape(), translator('de', await loadCatalog('de')));
    expect(de.meaning).toBe('Er wurde ausdrücklich verlangt, deshalb wurde nichts gesendet: die Daten sind keine Datei.');
    expect(s.received.requests).toHaveLength(0);
  });
});

describe('tftpPut: negotiation', () => {
  it('asks for blksize 1468 by default and sends the file byte-exact in 1468-byte blocks', async () => {
    const s = await serve();
    const data = bytes(100_000);
    const r = await put(s, data);
    await s.received.finished;
    expect(s.received.requests[0]!.req).toMatchObject({ op: 'wrq', filename: 'firmware.bin', mode: 'octet', options: { blksize: '1468' } });
    expect(s.received.requests[0]!.req.options.windowsize).toBeUndefined();
    expect(s.received.file().equals(data)).toBe(true);
    expect(r).toMatchObject({ bytes: data.length, sha256: sha(data), blksize: 1468, windowsize: 1, rolledOver: false });
    expect(s.received.data.length).toBe(Math.floor(data.length / 1468) + 1);
  });

  it('blksize 512 sends no options at all (plain RFC 1350) and the server answers ACK 0', async () => {
    const s = await serve();
    const data = bytes(5000);
    const r = await put(s, data, { blksize: 512 });
    expect(s.received.requests[0]!.bytes.equals(Buffer.from('\x00\x02firmware.bin\x00octet\x00', 'latin1'))).toBe(true);
    expect(r.blksize).toBe(512);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('a size that is a multiple of the block size ends with an empty DATA block', async () => {
    const s = await serve();
    const data = bytes(512 * 4);
    await put(s, data, { blksize: 512 });
    expect(s.received.data.map((d) => d.len)).toEqual([512, 512, 512, 512, 0]);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('an empty file is one empty DATA block', async () => {
    const s = await serve();
    const r = await put(s, Buffer.alloc(0));
    expect(s.received.data).toEqual([{ wire: 1, len: 0 }]);
    expect(r.bytes).toBe(0);
  });

  it('uses the smaller blksize the server offers in its OACK', async () => {
    const s = await serve({ answer: () => ({ kind: 'oack', options: [['blksize', '1024']] }) });
    const data = bytes(10_000);
    const r = await put(s, data);
    expect(r.blksize).toBe(1024);
    expect(s.received.data.slice(0, -1).every((d) => d.len === 1024)).toBe(true);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('falls back to 512-byte blocks when the server ignores the options (plain ACK 0)', async () => {
    const s = await serve({ answer: () => ({ kind: 'ack0' }) });
    const data = bytes(3000);
    const r = await put(s, data, { windowsize: 4 });
    expect(s.received.requests[0]!.req.options).toEqual({ blksize: '1468', windowsize: '4' });
    expect(r).toMatchObject({ blksize: 512, windowsize: 1 });
    expect(s.received.data.map((d) => d.len)).toEqual([512, 512, 512, 512, 512, 440]);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('asks once more without options when the server refuses them with ERROR 8', async () => {
    const s = await serve({ answer: (req, n) => (n === 0 ? { kind: 'error', code: TFTP_ERR.OPTION_REFUSED, message: 'Option negotiation failed' } : { kind: 'ack0' }) });
    const data = bytes(2000);
    const r = await put(s, data);
    expect(s.received.requests).toHaveLength(2);
    expect(s.received.requests[1]!.req.options).toEqual({});
    expect(s.received.requests[1]!.port).not.toBe(s.received.requests[0]!.port); // a new transfer ID
    expect(r.blksize).toBe(512);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('a second ERROR 8 (even without options) is a clear fault, not a loop', async () => {
    const s = await serve({ answer: () => ({ kind: 'error', code: TFTP_ERR.OPTION_REFUSED, message: 'no' }) });
    const f = await fault(put(s, bytes(100)));
    expect(s.received.requests).toHaveLength(2);
    expect(f.code).toBe('TFTP_PUT_ROUTER_ERROR');
  });

  it('refuses an OACK with a bigger blksize or an option it did not ask for, telling the server with ERROR 8', async () => {
    for (const options of [[['blksize', '9000']], [['blksize', '1468'], ['tsize', '5']], [['blksize', 'abc']]] as Array<Array<[string, string]>>) {
      const s = await serve({ answer: () => ({ kind: 'oack', options }) });
      const f = await fault(put(s, bytes(100)));
      expect(f.code).toBe('TFTP_PUT_BAD_OPTIONS');
      await expect.poll(() => s.received.errors.length).toBe(1);
      expect(s.received.errors[0]!.code).toBe(TFTP_ERR.OPTION_REFUSED);
      expect(s.received.data).toHaveLength(0);
    }
  });

  it('works with a server that answers from port 69 itself (no new transfer ID)', async () => {
    const s = await serve({ samePort: true });
    const data = bytes(20_000);
    await put(s, data);
    expect(s.received.file().equals(data)).toBe(true);
  });
});

describe('tftpPut: losses and duplicates', () => {
  it('resends the WRQ while the router is silent, and goes on when it finally answers', async () => {
    const s = await serve({ answer: (_req, n) => (n < 3 ? { kind: 'silent' } : { kind: 'ack0' }) });
    const data = bytes(1000);
    await put(s, data, { timeoutMs: 50 });
    expect(s.received.requests.length).toBe(4);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('resends a block whose ACK was lost, once per timeout', async () => {
    let lost = false;
    const s = await serve({
      acks: (wire, ack) => {
        if (wire === 3 && !lost) {
          lost = true;
          return [];
        }
        return [ack];
      },
    });
    const data = bytes(1468 * 6 + 7);
    await put(s, data);
    expect(s.received.file().equals(data)).toBe(true);
    expect(s.received.data.filter((d) => d.wire === 3)).toHaveLength(2);
    expect(s.received.data).toHaveLength(7 + 1);
  });

  it('resends a lost DATA block after the timeout', async () => {
    const s = await serve({ dropData: (wire, seen) => wire === 2 && seen === 1 });
    const data = bytes(1468 * 3);
    await put(s, data);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('never answers a duplicate ACK with a resend (no sorcerer\'s apprentice)', async () => {
    const s = await serve({ acks: (_w, ack) => [ack, ack, ack] });
    const data = bytes(1468 * 50);
    await put(s, data, { timeoutMs: 2000 });
    expect(s.received.data).toHaveLength(51); // each block exactly once
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('ignores an old ACK from before the window', async () => {
    const s = await serve({ acks: (wire, ack) => (wire > 2 ? [encodeAck(1), ack] : [ack]) });
    const data = bytes(1468 * 10);
    await put(s, data, { timeoutMs: 2000 });
    expect(s.received.data).toHaveLength(11);
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('stops with "stopped answering at block N of M" after the retries, having resent that block each time', async () => {
    const s = await serve({ silentAfter: 4 });
    const data = bytes(1468 * 10);
    const t0 = Date.now();
    const f = await fault(put(s, data, { timeoutMs: 50, retries: 3 }));
    expect(f.code).toBe('TFTP_PUT_TIMEOUT');
    expect(f.message).toContain('stopped answering at block 5 of 11');
    expect(s.received.data.filter((d) => d.wire === 5)).toHaveLength(4); // the first send and 3 resends
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4 * 50 - 10);
    await expect.poll(() => s.received.errors.length).toBe(1); // the server is told
  });

  it('a router that never answers: the fault explains address, cable, rescue mode and firewall', async () => {
    const s = await serve({ answer: () => ({ kind: 'silent' }) });
    const f = await fault(put(s, bytes(10), { timeoutMs: 30, firstBlockRetries: 2 }));
    expect(f.code).toBe('TFTP_PUT_NO_ANSWER');
    expect(s.received.requests).toHaveLength(3);
    expect(`${f.meaning} ${f.fix}`).toMatch(/firewall/);
    expect(`${f.meaning} ${f.fix}`).toMatch(/address/);
    expect(`${f.meaning} ${f.fix}`).toMatch(/LAN port/);
  });
});

describe('tftpPut: windows (RFC 7440)', () => {
  it('sends windowsize blocks per ACK, byte-exact', async () => {
    let acks = 0;
    const s = await serve({ acks: (_w, ack) => (acks++, [ack]) });
    const data = bytes(1468 * 40 + 3);
    const r = await put(s, data, { windowsize: 8 });
    expect(r.windowsize).toBe(8);
    expect(s.received.requests[0]!.req.options).toEqual({ blksize: '1468', windowsize: '8' });
    expect(s.received.data).toHaveLength(41);
    expect(acks).toBe(6); // 5 full windows and the last block
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('a gap in the window: the server acknowledges the block before it and the window restarts there', async () => {
    const s = await serve({ dropData: (wire, seen) => wire === 11 && seen === 1 });
    const data = bytes(1468 * 30);
    await put(s, data, { windowsize: 4, timeoutMs: 2000 });
    expect(s.received.file().equals(data)).toBe(true);
    expect(s.received.data.filter((d) => d.wire === 11)).toHaveLength(2);
  });

  it('a lost window ACK: the whole unacknowledged window is resent on timeout', async () => {
    let lost = false;
    const s = await serve({
      acks: (wire, ack) => {
        if (wire === 8 && !lost) {
          lost = true;
          return [];
        }
        return [ack];
      },
    });
    const data = bytes(1468 * 20);
    await put(s, data, { windowsize: 4 });
    expect(s.received.file().equals(data)).toBe(true);
    for (const w of [5, 6, 7, 8]) expect(s.received.data.filter((d) => d.wire === w)).toHaveLength(2);
    expect(s.received.data.filter((d) => d.wire === 9)).toHaveLength(1);
  });

  it('uses a smaller window the server offers', async () => {
    const s = await serve({ answer: () => ({ kind: 'oack', options: [['blksize', '1468'], ['windowsize', '2']] }) });
    const data = bytes(1468 * 9);
    const r = await put(s, data, { windowsize: 16 });
    expect(r.windowsize).toBe(2);
    expect(s.received.file().equals(data)).toBe(true);
  });
});

describe('tftpPut: rollover', () => {
  it('wire numbers roll over to 0 (default) or 1', () => {
    expect([65534, 65535, 65536, 65537].map((n) => wireBlock(n, 0))).toEqual([65534, 65535, 0, 1]);
    expect([65534, 65535, 65536, 65537, 131070, 131071].map((n) => wireBlock(n, 1))).toEqual([65534, 65535, 1, 2, 65535, 1]);
  });

  for (const rollover of [0, 1] as const) {
    it(`sends more than 65535 blocks byte-exact (rollover to ${rollover})`, async () => {
      const s = await serve({ rollover, answer: () => ({ kind: 'oack', options: [['blksize', '8'], ['windowsize', '64']] }) });
      const data = bytes(8 * 70_000 + 5);
      const r = await put(s, data, { blksize: 16, windowsize: 64, rollover, timeoutMs: 2000 });
      expect(r.rolledOver).toBe(true);
      expect(s.received.file().equals(data)).toBe(true);
      const i = s.received.data.findIndex((d) => d.wire === 65535);
      expect(s.received.data[i + 1]!.wire).toBe(rollover);
    });
  }
});

describe('tftpPut: hostile and odd packets', () => {
  it('a packet from another port gets ERROR 5 and the transfer goes on', async () => {
    let s!: ScriptedServer;
    let answer: Promise<Buffer | undefined> | undefined;
    s = await serve({
      acks: (wire, ack) => {
        if (wire === 2 && !answer) answer = s.inject(encodeAck(3), true);
        return [ack];
      },
    });
    const data = bytes(1468 * 8);
    await put(s, data, { timeoutMs: 2000 });
    expect(s.received.file().equals(data)).toBe(true);
    const got = await answer!;
    expect(got && readOpcode(got)).toBe(OP.ERROR);
    expect(got!.readUInt16BE(2)).toBe(TFTP_ERR.UNKNOWN_TID);
    expect(s.received.data).toHaveLength(9); // the stray ACK 3 moved nothing
  });

  it('garbage from the server\'s own port is ignored', async () => {
    let s!: ScriptedServer;
    s = await serve({
      acks: (wire, ack) => (wire % 3 === 0 ? [Uint8Array.of(0), Uint8Array.of(0, 9, 1, 2), Uint8Array.of(0, OP.ACK, 0), Uint8Array.of(0, OP.DATA, 0, 1, 5), Uint8Array.of(0, OP.OACK, 0x62, 0), ack] : [ack]),
    });
    const data = bytes(1468 * 12);
    await put(s, data, { timeoutMs: 2000 });
    expect(s.received.file().equals(data)).toBe(true);
    expect(s.received.data).toHaveLength(13);
  });

  it('an ERROR mid-file stops with the router\'s reason (disk full)', async () => {
    const s = await serve({ acks: (wire, ack) => (wire === 3 ? [encodeError(TFTP_ERR.DISK_FULL, 'Flash too small')] : [ack]) });
    const f = await fault(put(s, bytes(1468 * 10)));
    expect(f.code).toBe('TFTP_PUT_ROUTER_FULL');
    expect(f.meaning).toContain('Flash too small');
    expect(f.message).toContain('after 2 of 11 blocks');
  });

  it('an ERROR to the request is the router\'s refusal, with its words', async () => {
    const s = await serve({ answer: () => ({ kind: 'error', code: TFTP_ERR.ACCESS_VIOLATION, message: 'Only code.bin accepted' }) });
    const f = await fault(put(s, bytes(10)));
    expect(f.code).toBe('TFTP_PUT_REFUSED');
    expect(f.meaning).toContain('Only code.bin accepted');
  });

  it('a text reply (not TFTP) is the router\'s own error message', async () => {
    const s = await serve({ answer: () => ({ kind: 'raw', bytes: Buffer.from('Error: invalid image for RT-AC68U\r\n\0') }) });
    const f = await fault(put(s, bytes(10)));
    expect(f.code).toBe('TFTP_PUT_ROUTER_SAID');
    expect(f.message).toContain('"Error: invalid image for RT-AC68U"');
  });

  it('any single garbage answer to the request either is ignored (then the real answer works) or ends in a TFTP_PUT_ fault', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 40 }), async (junk) => {
        const s = await serve({
          answer: (_req, n) => (n === 0 ? { kind: 'raw', bytes: junk } : { kind: 'ack0' }),
        });
        const data = bytes(700);
        try {
          await put(s, data, { blksize: 512, timeoutMs: 20 });
          expect(s.received.file().equals(data)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(RbFault);
          expect((err as RbFault).code).toMatch(/^TFTP_PUT_/);
        } finally {
          s.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('tftpPut: inputs, progress, cancel', () => {
  it('refuses bad names and options before sending anything', async () => {
    const s = await serve();
    for (const o of [{ remoteName: '' }, { remoteName: 'a\nb' }, { remoteName: 'x'.repeat(256) }, { blksize: 7 }, { blksize: 70000 }, { windowsize: 0 }, { host: 'router.lan' }, { port: 0 }, { localAddress: 'eth0' }] as Array<Partial<TftpPutOptions>>) {
      const f = await fault(put(s, bytes(10), o));
      expect(f.code).toBe('TFTP_PUT_BAD_OPTION');
    }
    expect(s.received.requests).toHaveLength(0);
  });

  it('reads the file from a path; a missing file is a clear fault', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-'));
    try {
      const file = path.join(dir, 'fw.bin');
      const data = bytes(4000);
      fs.writeFileSync(file, data);
      const s = await serve();
      const r = await put(s, Buffer.alloc(0), { source: { path: file } });
      expect(r.sha256).toBe(sha(data));
      expect(s.received.file().equals(data)).toBe(true);
      const f = await fault(put(s, Buffer.alloc(0), { source: { path: path.join(dir, 'nope.bin') } }));
      expect(f.code).toBe('TFTP_PUT_NO_FILE');
      const g = await fault(put(s, Buffer.alloc(0), { source: { path: dir } }));
      expect(g.code).toBe('TFTP_PUT_NO_FILE');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a local address this computer does not have is a clear fault', async () => {
    const s = await serve();
    const f = await fault(put(s, bytes(10), { localAddress: '192.0.2.77' }));
    expect(f.code).toBe('TFTP_PUT_NO_LOCAL_ADDRESS');
    expect(s.received.requests).toHaveLength(0);
  });

  it('reports progress with a rate, ending at the total', async () => {
    const s = await serve();
    const data = bytes(1468 * 300);
    const seen: Array<{ bytes: number; total: number; bytesPerSecond: number }> = [];
    await put(s, data, { windowsize: 4, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ bytes: data.length, total: data.length });
    expect(seen.at(-1)!.bytesPerSecond).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
  });

  it('cancelling stops the upload, tells the server and rejects with TFTP_PUT_CANCELLED', async () => {
    const ac = new AbortController();
    const s = await serve({ acks: (wire, ack) => (wire === 5 && ac.abort(), [ack]) });
    const f = await fault(put(s, bytes(1468 * 100), { signal: ac.signal }));
    expect(f.code).toBe('TFTP_PUT_CANCELLED');
    await expect.poll(() => s.received.errors.length).toBe(1);
    expect(s.received.data.length).toBeLessThan(10);
    const g = await fault(put(s, bytes(10), { signal: ac.signal }));
    expect(g.code).toBe('TFTP_PUT_CANCELLED');
  });
});

/** The engines that can send a file here: JavaScript always, the native lock-step engine when it is built. */
const fileEngines: Array<'js' | 'native'> = nativeLockstep().ok ? ['js', 'native'] : ['js'];

describe.each(fileEngines)('tftpPut from a file, %s engine: read during the upload, not before', (engine) => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-lazy-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A file whose times are in the past, so any write during the upload changes them (coarse kernel clocks). */
  function oldFile(data: Buffer): string {
    const file = path.join(dir, 'fw.bin');
    fs.writeFileSync(file, data);
    fs.utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    return file;
  }

  it('sends a file larger than one read slice byte-exact, with the sha256 of what went out', async () => {
    const data = bytes(SLICE_BYTES * 2 + 1468 * 3 + 17); // blocks straddle the slice boundaries
    const file = oldFile(data);
    const s = await serve();
    const r = await put(s, Buffer.alloc(0), { source: { path: file }, engine, windowsize: engine === 'js' ? 4 : 1 });
    expect(r).toMatchObject({ bytes: data.length, sha256: sha(data), engine });
    expect(s.received.file().equals(data)).toBe(true);
  });

  it('a file rewritten after the request went out (same size) is TFTP_PUT_FILE_CHANGED, not a success', async () => {
    const data = bytes(1468 * 40);
    const file = oldFile(data);
    // the server rewrites the file when the WRQ arrives: a client that read it before the WRQ would not notice
    const s = await serve({ answer: (req) => (fs.writeFileSync(file, bytes(data.length)), { kind: 'oack', options: [['blksize', req.options.blksize!]] }) });
    const f = await fault(put(s, Buffer.alloc(0), { source: { path: file }, engine }));
    expect(f.code).toBe('TFTP_PUT_FILE_CHANGED');
    expect(f.details).toContain('modified');
  });

  it('a file cut short after the request went out is TFTP_PUT_FILE_CHANGED and the server is told', async () => {
    const data = bytes(SLICE_BYTES * 3);
    const file = oldFile(data);
    const s = await serve({ answer: (req) => (fs.truncateSync(file, 1468 * 2), { kind: 'oack', options: [['blksize', req.options.blksize!]] }) });
    const f = await fault(put(s, Buffer.alloc(0), { source: { path: file }, engine }));
    expect(f.code).toBe('TFTP_PUT_FILE_CHANGED');
    await expect.poll(() => s.received.errors.length).toBe(1);
    expect(s.received.done).toBe(false);
  });
});
