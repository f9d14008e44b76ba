import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  advertise,
  bare,
  confAck,
  devIpOf,
  encodeFrame,
  encodeMessage,
  ETHERTYPE_NMRP,
  NmrpCode,
  NmrpOption,
  parseFrame,
  parseMessage,
  prefixToMask,
  regionOf,
  requestedFileName,
} from '../../../../src-shared/capabilities/nmrp/codec';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').replace(/(..)(?!$)/g, '$1 ');
const ROUTER = '20:e5:2a:01:02:03';
const US = '02:00:00:aa:bb:cc';

describe('NMRP messages, byte for byte as vendor-recovery-facts §5 records them', () => {
  it('ADVERTISE with the NTGR magic', () => {
    expect(hex(encodeMessage(advertise()))).toBe('00 00 01 00 00 0e 00 01 00 08 4e 54 47 52');
  });
  it('CONF_ACK: DEV_IP, FW_UP; DEV_REGION last when asked for', () => {
    expect(hex(encodeMessage(confAck('10.164.183.253', '255.255.255.0')))).toBe('00 00 03 00 00 16 00 02 00 0c 0a a4 b7 fd ff ff ff 00 01 01 00 04');
    expect(hex(encodeMessage(confAck('10.164.183.253', '255.255.255.0', 'AU')))).toBe('00 00 03 00 00 1c 00 02 00 0c 0a a4 b7 fd ff ff ff 00 01 01 00 04 00 04 00 06 00 0a');
  });
  it('the bare acknowledgements are 6 bytes', () => {
    expect(hex(encodeMessage(bare(NmrpCode.KEEP_ALIVE_ACK)))).toBe('00 00 07 00 00 06');
    expect(hex(encodeMessage(bare(NmrpCode.CLOSE_ACK)))).toBe('00 00 05 00 00 06');
  });
  it('frames are padded to 60 bytes and carry Ethertype 0x0912', () => {
    const f = encodeFrame('ff:ff:ff:ff:ff:ff', US, advertise());
    expect(f.length).toBe(60);
    expect((f[12]! << 8) | f[13]!).toBe(ETHERTYPE_NMRP);
    expect(f.subarray(28).every((x) => x === 0)).toBe(true);
  });
  it('masks from prefixes', () => {
    expect(prefixToMask(24)).toBe('255.255.255.0');
    expect(prefixToMask(16)).toBe('255.255.0.0');
    expect(prefixToMask(32)).toBe('255.255.255.255');
    expect(prefixToMask(0)).toBe('0.0.0.0');
  });
});

describe('reading frames', () => {
  it('trusts the NMRP length, not the padded frame length', () => {
    const raw = Buffer.concat([Buffer.from(encodeFrame(US, ROUTER, bare(NmrpCode.CONF_REQ)))]);
    const r = parseFrame(raw);
    expect(r.ok && r.frame.code).toBe(NmrpCode.CONF_REQ);
    expect(r.ok && r.frame.length).toBe(6);
    expect(r.ok && r.frame.options).toEqual([]);
    expect(r.ok && r.frame.src).toBe(ROUTER);
  });
  it('TFTP_UL_REQ with FILE_NAME (no NUL), and without', () => {
    const msg = Buffer.concat([Buffer.from('000010000012', 'hex'), Buffer.from('0181000c', 'hex'), Buffer.from('firmware')]);
    const r = parseMessage(msg);
    expect(r.ok).toBe(true);
    if (r.ok) expect(requestedFileName(r.message)).toBe('firmware');
    const none = parseMessage(Buffer.from('000010000006', 'hex'));
    expect(none.ok && requestedFileName(none.message)).toBeUndefined();
  });
  it('a FILE_NAME with control bytes is not used', () => {
    const msg = Buffer.concat([Buffer.from('000010000010', 'hex'), Buffer.from('0181000a', 'hex'), Buffer.from('a\nb/c\x00')]);
    const r = parseMessage(msg);
    expect(r.ok && requestedFileName(r.message)).toBeUndefined();
  });
  it('reads back DEV_IP and DEV_REGION from a CONF_ACK (the stand-in router side)', () => {
    const r = parseMessage(encodeMessage(confAck('10.164.183.253', '255.255.255.0', 'NA')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(devIpOf(r.message)).toEqual({ ip: '10.164.183.253', mask: '255.255.255.0' });
    expect(regionOf(r.message)).toBe(1);
  });
  it('sorts out foreign and malformed frames', () => {
    const ok = Buffer.from(encodeFrame(US, ROUTER, bare(NmrpCode.CONF_REQ)));
    const ipv4 = Buffer.from(ok);
    ipv4.writeUInt16BE(0x0800, 12);
    expect(parseFrame(ipv4)).toMatchObject({ ok: false, kind: 'foreign' });
    const reserved = Buffer.from(ok);
    reserved[14] = 1;
    expect(parseFrame(reserved)).toMatchObject({ ok: false, kind: 'malformed' });
    const long = Buffer.from(ok);
    long.writeUInt16BE(200, 18);
    expect(parseFrame(long)).toMatchObject({ ok: false, kind: 'malformed' });
    const short = Buffer.from(ok);
    short.writeUInt16BE(5, 18);
    expect(parseFrame(short)).toMatchObject({ ok: false, kind: 'malformed' });
    const zeroOpt = Buffer.concat([ok.subarray(0, 14), Buffer.from('00000200000a00020000', 'hex')]);
    expect(parseFrame(zeroOpt)).toMatchObject({ ok: false, kind: 'malformed' });
    expect(parseFrame(ok.subarray(0, 10))).toMatchObject({ ok: false, kind: 'malformed' });
  });
});

/** A small seeded generator (xorshift32): a million inputs stay fast and every run sees the same ones. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

describe('fuzzing the parser', () => {
  const seeds = [
    encodeFrame(US, ROUTER, bare(NmrpCode.CONF_REQ)),
    encodeFrame(US, ROUTER, { code: NmrpCode.TFTP_UL_REQ, options: [{ type: NmrpOption.FILE_NAME, value: Buffer.from('firmware') }] }),
    encodeFrame(ROUTER, US, confAck('10.164.183.253', '255.255.255.0', 'WW')),
    encodeFrame('ff:ff:ff:ff:ff:ff', US, advertise()),
  ];

  it('one million mutated and random frames: no throw, and never more options than the bytes allow', () => {
    const next = rng(0x0912);
    let parsed = 0;
    let rejected = 0;
    for (let i = 0; i < 1_000_000; i++) {
      let f: Uint8Array;
      const pick = next() % 4;
      if (pick === 0) {
        f = new Uint8Array(next() % 80);
        for (let j = 0; j < f.length; j++) f[j] = next() & 0xff;
        if (f.length >= 14 && next() % 2) (f[12] = 0x09), (f[13] = 0x12);
      } else {
        f = Uint8Array.from(seeds[next() % seeds.length]!);
        const flips = 1 + (next() % 4);
        for (let k = 0; k < flips; k++) f[14 + (next() % (f.length - 14))] = next() & 0xff;
        if (pick === 2) f = f.subarray(0, next() % (f.length + 1));
        if (pick === 3) f[14] = f[15] = 0;
      }
      const r = parseFrame(f);
      if (r.ok) {
        parsed++;
        // linear: every option consumes at least 4 bytes of the declared length, which fits in the frame
        if (r.frame.length > f.length - 14) throw new Error('length beyond the frame');
        if (r.frame.options.length > (r.frame.length - 6) / 4) throw new Error('more options than bytes');
      } else rejected++;
    }
    expect(parsed).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('fast-check: any bytes give a result, never an exception; encode ∘ parse is the identity', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const r = parseFrame(b);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.array(fc.record({ type: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 40 }) }), { maxLength: 8 }),
        (code, options) => {
          const r = parseFrame(encodeFrame(US, ROUTER, { code, options }));
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.frame.code).toBe(code);
            expect(r.frame.options.map((o) => [o.type, Buffer.from(o.value).toString('hex')])).toEqual(options.map((o) => [o.type, Buffer.from(o.value).toString('hex')]));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the longest message, all empty options, is read once through (16 k options)', () => {
    // the length field has 16 bits: the most options one message can hold
    const n = Math.floor((0xffff - 6) / 4);
    const len = 6 + 4 * n;
    const msg = new Uint8Array(len);
    msg[2] = 2;
    msg[4] = len >> 8;
    msg[5] = len & 0xff;
    for (let i = 0; i < n; i++) msg[6 + 4 * i + 3] = 4;
    const r = parseMessage(msg);
    expect(r.ok && r.message.options.length).toBe((len - 6) / 4);
  });
});
