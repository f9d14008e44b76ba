/**
 * Parsers against images written by our own test writers (test-support/firmware-images.ts, from the
 * published layouts) for the formats no Debian tool writes; each checksum is proven to catch a flipped byte.
 */
import { describe, expect, it } from 'vitest';
import { inspectBytes, flattenFormats, type Inspection } from '../../../../src-shared/capabilities/firmware/image/inspect';
import { crc32Pure, posixCksum, pureDigests } from '../../../../src-shared/capabilities/firmware/image/crc';
import type { Structure } from '../../../../src-shared/capabilities/firmware/image/types';
import { nodeDigests } from '../../../../src-main/capabilities/firmware/digests';
import * as W from '../../../../test-support/firmware-images';
import zlib from 'node:zlib';
import fs from 'node:fs';

function find(ins: Inspection, type: string): Structure | undefined {
  const walk = (l: Structure[]): Structure | undefined => {
    for (const s of l) {
      if (s.type === type) return s;
      const c = walk(s.children);
      if (c) return c;
    }
    return undefined;
  };
  return walk(ins.structures);
}
const flip = (b: Buffer, at: number): Buffer => {
  const c = Buffer.from(b);
  c[at]! ^= 0x01;
  return c;
};
/** A small squashfs-like superblock with valid fields, so nested detection has something to find. */
function fakeSquashfs(len = 4096): Buffer {
  const b = Buffer.alloc(len);
  b.write('hsqs', 0, 'latin1');
  b.writeUInt32LE(3, 4);
  b.writeUInt32LE(1700000000, 8);
  b.writeUInt32LE(131072, 12);
  b.writeUInt16LE(4, 20);
  b.writeUInt16LE(17, 22);
  b.writeUInt16LE(4, 28);
  b.writeBigUInt64LE(BigInt(len), 40);
  for (let i = 0; i < 6; i++) b.writeBigUInt64LE(BigInt(len - 64), 48 + i * 8);
  W.noise(len - 96, 3).copy(b, 96);
  return b;
}
const kernel = W.armZImage(W.noise(20000, 5));

describe('CRC helpers', () => {
  it('pure crc32 equals zlib on many lengths and seeds', () => {
    for (const len of [0, 1, 3, 4, 7, 100, 4099]) {
      const d = W.noise(len, len + 1);
      expect(crc32Pure(d)).toBe(zlib.crc32(d) >>> 0);
      expect(crc32Pure(d, 0x12345678)).toBe(zlib.crc32(d, 0x12345678) >>> 0);
    }
  });
  it('POSIX cksum equals the coreutils cksum tool', () => {
    const dir = W.tmpDir('cksum');
    const data = W.noise(70001, 9);
    fs.writeFileSync(`${dir}/x`, data);
    expect(posixCksum([data])).toBe(W.cksumOf(`${dir}/x`));
  });
});

describe('fwtool metadata trailer (facts §3.1)', () => {
  const meta = W.openwrtMeta({ devices: ['linksys,wrt32x', 'linksys,venom'], compat: '2.0', message: 'Partition design has changed' });
  const img = W.appendFwtool(Buffer.concat([kernel, fakeSquashfs()]), meta);

  it('reads the JSON and checks the raw-register CRC (no final inversion)', () => {
    const ins = inspectBytes(img, nodeDigests);
    const fw = find(ins, 'fwtool-metadata')!;
    expect(fw.valid).toBe(true);
    expect(fw.offset + fw.length).toBe(img.length);
    expect(fw.fields.compatVersion).toBe('2.0');
    expect(fw.fields.newSupportedDevices).toEqual(['linksys,wrt32x', 'linksys,venom']);
    expect(ins.metadata?.compat_message).toBe('Partition design has changed');
    // The stored CRC is zlib's crc32 XOR 0xFFFFFFFF, not zlib's value itself.
    const stored = img.readUInt32BE(img.length - 12);
    const z = zlib.crc32(img.subarray(0, img.length - 16)) >>> 0;
    expect(stored).toBe((z ^ 0xffffffff) >>> 0);
  });

  it('a flipped byte anywhere before the trailer breaks the CRC', () => {
    for (const at of [0, 100, kernel.length + 50, img.length - 40]) {
      const ins = inspectBytes(flip(img, at), nodeDigests);
      expect(find(ins, 'fwtool-metadata')!.valid).toBe(false);
    }
  });

  it('follows a signature block back to the metadata; the CRC continues over the metadata trailer', () => {
    const signed = W.appendFwtool(Buffer.concat([kernel]), meta, W.noise(300, 4));
    const ins = inspectBytes(signed, nodeDigests);
    const sig = find(ins, 'fwtool-signature')!;
    expect(sig.valid).toBe(true);
    expect(find(ins, 'fwtool-metadata')!.valid).toBe(true);
    expect(sig.offset + sig.length).toBe(signed.length);
    const bad = inspectBytes(flip(signed, signed.length - 100), nodeDigests);
    expect(find(bad, 'fwtool-signature')!.valid).toBe(false);
    expect(find(bad, 'fwtool-metadata')!.valid).toBe(true);
  });

  it('works with the pure crc32 too (no Node)', () => {
    expect(find(inspectBytes(img, pureDigests), 'fwtool-metadata')!.valid).toBe(true);
  });
});

describe('TRX (facts §7.4)', () => {
  const img = W.trxImage([kernel, fakeSquashfs()]);
  it('parses the header, checks the CRC and finds both parts', () => {
    const ins = inspectBytes(img, nodeDigests);
    const t = ins.structures[0]!;
    expect(t.type).toBe('trx');
    expect(t.valid).toBe(true);
    expect(t.length).toBe(img.readUInt32LE(4));
    const types = flattenFormats(ins.structures).map((f) => `${f.type}@${f.offset}`);
    expect(types).toContain('zimage@28');
    expect(types).toContain(`squashfs@${28 + kernel.length}`);
  });
  it('a flipped payload byte breaks the CRC', () => {
    expect(inspectBytes(flip(img, 5000), nodeDigests).structures[0]!.valid).toBe(false);
  });
});

describe('TP-Link v1 (facts §7.5)', () => {
  const img = W.tplinkV1(kernel, fakeSquashfs(), 0xc7000002);
  it('reads hardware id, versions and checks the salted md5', () => {
    const ins = inspectBytes(img, nodeDigests);
    const t = ins.structures[0]!;
    expect(t.type).toBe('tplink-v1');
    expect(t.fields.hwId).toBe('0xc7000002');
    expect(t.fields.vendor).toBe('TP-LINK Technologies');
    expect(t.valid).toBe(true);
    expect(t.children.map((c) => c.type)).toEqual(['zimage', 'squashfs']);
  });
  it('a flipped byte in header or body breaks the md5', () => {
    expect(inspectBytes(flip(img, 0x44), nodeDigests).structures[0]!.valid).toBe(false);
    expect(inspectBytes(flip(img, img.length - 1), nodeDigests).structures[0]!.valid).toBe(false);
  });
});

describe('Netgear .chk (facts §7.6)', () => {
  const img = W.netgearChk(kernel, fakeSquashfs(), 'U12H270T00_NETGEAR');
  it('reads the board id and checks all four checksums', () => {
    const t = inspectBytes(img, nodeDigests).structures[0]!;
    expect(t.type).toBe('netgear-chk');
    expect(t.fields.boardId).toBe('U12H270T00_NETGEAR');
    expect(t.checks.map((c) => c.name)).toEqual(['header checksum', 'kernel checksum', 'rootfs checksum', 'image checksum']);
    expect(t.valid).toBe(true);
  });
  it('each checksum catches a flipped byte in its area', () => {
    const hdrLen = img.readUInt32BE(4);
    const h = inspectBytes(flip(img, 0x0a), nodeDigests).structures[0]!;
    expect(h.checks.find((c) => c.name === 'header checksum')!.ok).toBe(false);
    const k = inspectBytes(flip(img, hdrLen + 10), nodeDigests).structures[0]!;
    expect(k.checks.find((c) => c.name === 'kernel checksum')!.ok).toBe(false);
    expect(k.checks.find((c) => c.name === 'rootfs checksum')!.ok).toBe(true);
    const r = inspectBytes(flip(img, img.length - 2), nodeDigests).structures[0]!;
    expect(r.checks.find((c) => c.name === 'rootfs checksum')!.ok).toBe(false);
  });
});

describe('Seama (facts §7)', () => {
  const entity = W.seamaEntity(kernel, ['dev=/dev/mtdblock/1', 'type=firmware']);
  it('parses an entity and checks its md5', () => {
    const t = inspectBytes(entity, nodeDigests).structures[0]!;
    expect(t.type).toBe('seama');
    expect(t.fields.meta).toEqual(['dev=/dev/mtdblock/1', 'type=firmware']);
    expect(t.valid).toBe(true);
    expect(inspectBytes(flip(entity, entity.length - 3), nodeDigests).structures[0]!.valid).toBe(false);
  });
  it('unwraps a sealed image and reads its signature', () => {
    const sealed = W.seamaSeal(entity, 'wrgac01_dlob.hans_dir860');
    const t = inspectBytes(sealed, nodeDigests).structures[0]!;
    expect(t.type).toBe('seama-seal');
    expect(t.fields.signature).toBe('wrgac01_dlob.hans_dir860');
    expect(t.children[0]!.type).toBe('seama');
    expect(t.children[0]!.valid).toBe(true);
  });
});

describe('Linksys factory trailer (facts §7)', () => {
  const dir = W.tmpDir('lk');
  const body = Buffer.concat([kernel, fakeSquashfs()]);
  const img = W.linksysTrailer(body, 'EA8300', dir);
  it('reads device type and checks the POSIX cksum', () => {
    const ins = inspectBytes(img, nodeDigests);
    const t = ins.structures[ins.structures.length - 1]!;
    expect(t.type).toBe('linksys-trailer');
    expect(t.offset).toBe(body.length);
    expect(t.fields.deviceType).toBe('EA8300');
    expect(t.valid).toBe(true);
    const bad = inspectBytes(flip(img, 77), nodeDigests);
    expect(bad.structures[bad.structures.length - 1]!.valid).toBe(false);
  });
  it('accepts the variant with one trailing newline', () => {
    const ins = inspectBytes(Buffer.concat([img, Buffer.from('\n')]), nodeDigests);
    expect(ins.structures.some((s) => s.type === 'linksys-trailer' && s.valid === true)).toBe(true);
  });
});

describe('ARM zImage (facts §7)', () => {
  it('finds the device tree appended after the zImage, as in the Linksys kernel', () => {
    const k = Buffer.concat([kernel, W.minimalDtb('Linksys WRT32X')]);
    const ins = inspectBytes(k, nodeDigests);
    expect(ins.structures.map((s) => `${s.type}@${s.offset}`)).toEqual(['zimage@0', `fdt@${kernel.length}`]);
    expect(ins.structures[1]!.fields.model).toBe('Linksys WRT32X');
    expect(ins.structures[1]!.valid).toBe(true);
  });
  it('reads start/end and the mov r0,r0 start that linksys.sh tests', () => {
    const t = inspectBytes(kernel, nodeDigests).structures[0]!;
    expect(t.type).toBe('zimage');
    expect(t.length).toBe(kernel.length);
    expect(t.fields.startsWithNop).toBe(true);
  });
});
