import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planImage, tplinkRecoveryNames, parseRouterReply, multipartFrame } from '../../../../src-shared/capabilities/recover';
import { findDeviceProfile } from '../../../../src-shared/profiles/profiles';
import { tplinkFactory, tplinkUpBoot, ubntImage } from '../../../../test-support/vendor-images';

const c7 = findDeviceProfile('tplink,archer-c7-v2')!;
const wr841 = findDeviceProfile('tplink,tl-wr841n-v9')!;

describe('TP-Link recovery image', () => {
  it('serves an OpenWrt-style factory image (boot length 0) unchanged, and says so', () => {
    const img = tplinkFactory(0xc7000002);
    const p = planImage('tplink', img, c7);
    expect(p.refuse).toBeUndefined();
    expect(p.cutBytes).toBe(0);
    expect(p.servedBytes).toBe(img.length);
    expect(p.cutReason).toMatch(/boot length 0.*unchanged/);
    expect(p.checks.find((c) => c.name === 'Model')).toMatchObject({ ok: true });
  });

  it('cuts a stock up_boot image by 0x200 + boot_len (= dd bs=512 skip=257 for 128 KiB), keeping the firmware header', () => {
    const fw = tplinkFactory(0xc7000002);
    const img = tplinkUpBoot(0xc7000002, fw);
    const p = planImage('tplink', img, c7);
    expect(p.refuse).toBeUndefined();
    expect(p.cutBytes).toBe(0x20200);
    expect(p.cutBytes).toBe(257 * 512);
    expect(Buffer.from(img.subarray(p.cutBytes)).equals(fw)).toBe(true);
    expect(p.cutReason).toMatch(/0x00020200.*bootloader.*skip=257/s);
  });

  it('cuts by the boot length the header gives, not a fixed size', () => {
    const fw = tplinkFactory(0x08410009);
    const img = tplinkUpBoot(0x08410009, fw, 0x10000);
    const p = planImage('tplink', img, wr841);
    expect(p.cutBytes).toBe(0x10200);
    expect(Buffer.from(img.subarray(p.cutBytes)).equals(fw)).toBe(true);
  });

  it('refuses a file for another model, naming both hardware ids (outer or inner header)', () => {
    const p = planImage('tplink', tplinkFactory(0x08410009), c7);
    expect(p.refuse).toMatchObject({ code: 'RECOVER_WRONG_MODEL' });
    expect(p.refuse!.meaning).toContain('0x08410009');
    expect(p.refuse!.meaning).toContain('0xc7000002');
    expect(p.refuse!.fix).toMatch(/label/);
    const inner = planImage('tplink', tplinkUpBoot(0xc7000002, tplinkFactory(0x08410009)), c7);
    expect(inner.refuse).toMatchObject({ code: 'RECOVER_WRONG_MODEL' });
  });

  it('refuses a bootloader-carrying image whose firmware header is not where boot_len points', () => {
    const img = tplinkUpBoot(0xc7000002, tplinkFactory(0xc7000002));
    img.fill(0, 0x20200, 0x20400); // no second header
    expect(planImage('tplink', img, c7).refuse).toMatchObject({ code: 'RECOVER_TPLINK_LAYOUT_UNKNOWN' });
  });

  it('refuses a file without a TP-Link header, and a truncated one', () => {
    expect(planImage('tplink', Buffer.from('HDR0 not tplink'.padEnd(2048, 'x')), c7).refuse).toMatchObject({ code: 'RECOVER_NOT_TPLINK_IMAGE' });
    const img = tplinkFactory(0xc7000002);
    expect(planImage('tplink', img.subarray(0, img.length - 1000), c7).refuse).toMatchObject({ code: 'RECOVER_IMAGE_TRUNCATED' });
    expect(planImage('tplink', Buffer.alloc(0), c7).refuse).toMatchObject({ code: 'RECOVER_EMPTY_FILE' });
  });

  it('offers every name the router may ask for, model name first', () => {
    expect(tplinkRecoveryNames(c7)).toEqual(['ArcherC7v2_tp_recovery.bin', 'tp_recovery.bin']);
    expect(tplinkRecoveryNames(undefined)).toEqual(['tp_recovery.bin']);
  });

  it('fuzz: any bytes give a plan whose cut and served bytes add up, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 0x600 }), fc.boolean(), (bytes, withBoot) => {
        const buf = Buffer.from(bytes);
        if (withBoot && buf.length >= 0x98) {
          buf.writeUInt32BE(1, 0);
          buf.write('TP-LINK', 4, 'latin1');
        }
        const p = planImage('tplink', buf, c7);
        expect(p.cutBytes + p.servedBytes).toBe(buf.length);
        expect(p.cutBytes).toBeGreaterThanOrEqual(0);
        if (!p.refuse) expect(p.cutBytes === 0 || p.cutBytes >= 0x200).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('fuzz: a mutated header still gives a consistent plan', () => {
    const base = tplinkUpBoot(0xc7000002, tplinkFactory(0xc7000002, 4096, 4096), 0x1000);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(0x1400), fc.nat(255)), { maxLength: 12 }), (edits) => {
        const buf = Buffer.from(base);
        for (const [i, v] of edits) if (i < buf.length) buf[i] = v;
        const p = planImage('tplink', buf, c7);
        expect(p.cutBytes + p.servedBytes).toBe(buf.length);
        expect(p.checks.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Ubiquiti image', () => {
  const ns = findDeviceProfile('ubnt,nanostation-m')!;
  it('accepts an XM image for the NanoStation M and refuses an XW one', () => {
    expect(planImage('ubiquiti', ubntImage('XM.ar7240.v5.6.3.28591.151130.1749'), ns).refuse).toBeUndefined();
    expect(planImage('ubiquiti', ubntImage('XW.ar934x.v6.1.7.32793.180525.1402'), ns).refuse).toMatchObject({ code: 'RECOVER_WRONG_MODEL' });
    expect(planImage('ubiquiti', Buffer.alloc(1024, 1), ns).refuse).toMatchObject({ code: 'RECOVER_NOT_UBNT_IMAGE' });
  });
});

describe('the recovery page upload and answer', () => {
  it('frames the file as the field "firmware" with an exact Content-Length, HTTP/1.0, no Expect', () => {
    const f = multipartFrame({ host: '192.168.0.1', path: '/', field: 'firmware', fileName: 'a"b.bin', fileSize: 1000, boundary: 'XYZ' });
    expect(f.head).toMatch(/^POST \/ HTTP\/1\.0\r\n/);
    expect(f.head).not.toMatch(/expect/i);
    expect(f.head).toContain('Connection: close');
    expect(f.head).toContain('name="firmware"; filename="a_b.bin"\r\nContent-Type: application/octet-stream\r\n\r\n');
    const bodyStart = f.head.indexOf('\r\n\r\n') + 4;
    expect(f.contentLength).toBe(f.head.length - bodyStart + 1000 + f.tail.length);
    expect(f.total).toBe(f.head.length + 1000 + f.tail.length);
  });

  it('reads answers with and without headers, and what they say', () => {
    expect(parseRouterReply(Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><h1>Upload successfully!</h1> The device is rebooting.</body></html>'))).toMatchObject({ status: 200, headerless: false, verdict: 'accepted' });
    expect(parseRouterReply(Buffer.from('<html><body>Update Failed! Invalid image</body></html>'))).toMatchObject({ headerless: true, verdict: 'refused' });
    expect(parseRouterReply(Buffer.from(''))).toMatchObject({ verdict: 'unclear', text: '' });
    expect(parseRouterReply(Buffer.from('HTTP/1.0 404 Not Found\r\n\r\n'))).toMatchObject({ status: 404, verdict: 'refused' });
  });

  it('fuzz: any answer parses without throwing, text stays short and printable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 3000 }).map((s) => Buffer.from(`HTTP/1.0 200 OK\r\n${s}`))), (b) => {
        const r = parseRouterReply(b);
        expect(r.text.length).toBeLessThanOrEqual(600);
        expect(/^[\x20-\x7e]*$/.test(r.text)).toBe(true);
        expect(['accepted', 'refused', 'unclear']).toContain(r.verdict);
      }),
      { numRuns: 1500 },
    );
  });
});
