import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeError,
  encodeOack,
  encodeRequest,
  negotiate,
  NetasciiDecoder,
  netasciiEncode,
  parseError,
  parseOack,
  parseRequest,
  TFTP_ERR,
  unsafeNameReason,
  type TftpRequest,
} from '../../../../src-shared/capabilities/tftp/codec';

const LIM = { maxBlksize: 65464, maxWindowsize: 64, maxUploadBytes: 1 << 30 };
const req = (options: Record<string, string>, op: 'rrq' | 'wrq' = 'rrq'): TftpRequest => ({ op, filename: 'f', mode: 'octet', options });

describe('parseRequest', () => {
  it('reads the RRQ U-Boot sends (timeout, tsize, blksize, windowsize)', () => {
    const r = parseRequest(encodeRequest('rrq', 'openwrt-initramfs.bin', 'octet', { timeout: '5', tsize: '0', blksize: '1468', windowsize: '16' }));
    expect(r).toEqual({ ok: true, value: { op: 'rrq', filename: 'openwrt-initramfs.bin', mode: 'octet', options: { timeout: '5', tsize: '0', blksize: '1468', windowsize: '16' } } });
  });
  it('accepts mode and option names in any case, keeps the first of a repeated option', () => {
    const b = encodeRequest('wrq', 'x', 'NetASCII' as 'netascii', { BlkSize: '1024' });
    const withDup = Uint8Array.from([...b, ...Buffer.from('blksize\x008\x00')]);
    const r = parseRequest(withDup);
    expect(r.ok && r.value).toMatchObject({ op: 'wrq', mode: 'netascii', options: { blksize: '1024' } });
  });
  it('refuses unknown modes, missing terminators and over-long names with the right codes', () => {
    const mail = parseRequest(encodeRequest('rrq', 'x', 'mail' as 'octet'));
    expect(mail).toMatchObject({ ok: false, code: TFTP_ERR.ILLEGAL_OPERATION });
    expect(parseRequest(Uint8Array.from([0, 1, 0x61, 0x62]))).toMatchObject({ ok: false, code: TFTP_ERR.ILLEGAL_OPERATION });
    expect(parseRequest(encodeRequest('rrq', 'a'.repeat(300), 'octet')).ok).toBe(false);
    expect(parseRequest(Uint8Array.from([0, 1, 0, ...Buffer.from('octet'), 0]))).toMatchObject({ ok: false, reason: 'empty file name' });
  });
});

describe('negotiate', () => {
  it('plain RFC 1350 without options: 512-byte blocks, no OACK', () => {
    expect(negotiate(req({}), 100, 1000, LIM)).toEqual({ ok: true, value: { blksize: 512, windowsize: 1, timeoutMs: 1000, oack: [] } });
  });
  it('answers tsize with the real size and caps blksize and windowsize to our limits', () => {
    const n = negotiate(req({ blksize: '99999', tsize: '0', windowsize: '5000', timeout: '3' }), 1234, 1000, LIM);
    expect(n.ok && n.value).toEqual({ blksize: 65464, windowsize: 64, timeoutMs: 3000, tsize: 1234, oack: [['blksize', '65464'], ['timeout', '3'], ['tsize', '1234'], ['windowsize', '64']] });
  });
  it('refuses absurd values with ERROR 8 instead of ignoring them', () => {
    const absurd: Array<Record<string, string>> = [{ blksize: '0' }, { blksize: '7' }, { blksize: '-1' }, { blksize: '1e9' }, { timeout: '0' }, { timeout: '256' }, { windowsize: '0' }, { windowsize: '70000' }, { tsize: 'abc' }];
    for (const o of absurd) {
      expect(negotiate(req(o), 10, 1000, LIM), JSON.stringify(o)).toMatchObject({ ok: false, code: TFTP_ERR.OPTION_REFUSED });
    }
  });
  it('refuses an announced upload over the limit as disk full', () => {
    expect(negotiate(req({ tsize: String(2 ** 31) }, 'wrq'), undefined, 1000, LIM)).toMatchObject({ ok: false, code: TFTP_ERR.DISK_FULL });
  });
  it('ignores options it does not know (RFC 2347)', () => {
    expect(negotiate(req({ multicast: '', utimeout: '1000' }), 10, 1000, LIM)).toMatchObject({ ok: true, value: { oack: [] } });
  });
});

describe('unsafeNameReason', () => {
  it('refuses every traversal form before the file system sees it', () => {
    for (const n of ['../x', 'a/../../x', '..', '/etc/passwd', 'C:\\boot.ini', 'c:x', 'a\\..\\b', 'a\x01b', 'a//b', 'dir/', '.', 'x'.repeat(256)]) {
      expect(unsafeNameReason(n), n).not.toBeNull();
    }
  });
  it('allows plain names and sub-folders', () => {
    for (const n of ['openwrt.bin', 'sub/dir/file.img', './x', '..%2Foutside.txt', 'C0A80101.img', 'ArcherC7v2_tp_recovery.bin']) expect(unsafeNameReason(n), n).toBeNull();
  });
});

describe('netascii', () => {
  it('encodes LF as CR LF and CR as CR NUL, and decodes back across any block split', () => {
    const text = Buffer.from('line1\nline2\r\nbare\rend\r');
    const wire = netasciiEncode(text);
    expect(Buffer.from(wire).toString('latin1')).toBe('line1\r\nline2\r\0\r\nbare\r\0end\r\0');
    for (let split = 0; split <= wire.length; split++) {
      const d = new NetasciiDecoder();
      const out = Buffer.concat([d.push(wire.subarray(0, split)), d.push(wire.subarray(split)), d.end()]);
      expect(out.equals(text), `split ${split}`).toBe(true);
    }
  });
  it('round-trips arbitrary bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
        const wire = netasciiEncode(data);
        const c = Math.min(cut, wire.length);
        const d = new NetasciiDecoder();
        const out = Buffer.concat([d.push(wire.subarray(0, c)), d.push(wire.subarray(c)), d.end()]);
        return out.equals(Buffer.from(data));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('encoders', () => {
  it('ERROR and OACK round-trip through their parsers; ERROR text is printable ASCII only', () => {
    expect(parseError(encodeError(2, 'Access violation\n\x00ü'))).toEqual({ code: 2, message: 'Access violation???' });
    expect(parseOack(encodeOack([['blksize', '1468'], ['tsize', '42']]))).toEqual({ blksize: '1468', tsize: '42' });
  });
});

describe('fuzz: hostile bytes never throw or hang the parsers', () => {
  it('100k random packets through parseRequest, parseOack, parseError and negotiate', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (b) => {
        const r = parseRequest(b);
        parseOack(b);
        parseError(b);
        if (r.ok) {
          parsed++;
          const n = negotiate(r.value, b.length, 1000, LIM);
          if (n.ok) {
            expect(n.value.blksize).toBeGreaterThanOrEqual(8);
            expect(n.value.blksize).toBeLessThanOrEqual(65464);
            expect(n.value.windowsize).toBeGreaterThanOrEqual(1);
          }
          unsafeNameReason(r.value.filename);
        }
      }),
      { numRuns: 100_000 },
    );
    void parsed;
  });
  it('50k request-shaped packets (valid opcode, random names, modes and options)', () => {
    const token = fc.oneof(fc.constantFrom('octet', 'netascii', 'blksize', 'tsize', 'timeout', 'windowsize', '0', '8', '65464', '99999999999999', '..', '/'), fc.string({ maxLength: 12 }));
    let ok = 0;
    fc.assert(
      fc.property(fc.constantFrom(1, 2), fc.array(token, { maxLength: 12 }), (op, parts) => {
        const bytes = [0, op];
        for (const p of parts) bytes.push(...Buffer.from(p, 'latin1'), 0);
        const r = parseRequest(Uint8Array.from(bytes));
        if (r.ok) {
          ok++;
          const n = negotiate(r.value, 100, 1000, LIM);
          if (!n.ok) expect([TFTP_ERR.OPTION_REFUSED, TFTP_ERR.DISK_FULL]).toContain(n.code);
        } else expect(r.code).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 50_000 },
    );
    expect(ok).toBeGreaterThan(100);
  });
});
