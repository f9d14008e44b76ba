/**
 * CRC helpers. Firmware formats use three flavours of the same reflected CRC-32 (poly 0xEDB88320):
 *  - zlib/IEEE: seed 0, with pre/post inversion (uImage, FIT crc32 hash) — Digests.crc32 computes this;
 *  - "raw register" seeded 0xFFFFFFFF, no final inversion (fwtool, TRX, UBI) = zlib XOR 0xFFFFFFFF;
 *  - raw register seeded 0 (JFFS2, Linux crc32(0, …)).
 * POSIX cksum (Linksys trailer) is a different, MSB-first CRC with the length appended.
 */
import type { Digests } from './types';

let TABLE: Uint32Array | undefined;
function table(): Uint32Array {
  if (TABLE) return TABLE;
  const t = new Uint32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  TABLE = t;
  return t;
}

/** Pure zlib-compatible crc32 (slicing-by-4), for environments without a native one. */
export function crc32Pure(data: Uint8Array, prev = 0): number {
  const t = table();
  let c = ~prev >>> 0;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[(c >>> 24) & 0xff]!;
  }
  for (; i < n; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export const pureDigests: Digests = { crc32: crc32Pure };

/** Linux-style crc32_le(seed, data): no pre/post inversion. */
export function crcRaw(d: Digests, data: Uint8Array, seed = 0xffffffff): number {
  return ~d.crc32(data, ~seed >>> 0) >>> 0;
}

let CKSUM: Uint32Array | undefined;
/** POSIX `cksum`: CRC-32/CKSUM over data then the length bytes (LSB first), inverted. */
export function posixCksum(parts: Uint8Array[]): number {
  if (!CKSUM) {
    CKSUM = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i << 24;
      for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
      CKSUM[i] = c >>> 0;
    }
  }
  const t = CKSUM;
  let c = 0;
  let len = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) c = ((c << 8) ^ t[((c >>> 24) ^ p[i]!) & 0xff]!) >>> 0;
    len += p.length;
  }
  while (len > 0) {
    c = ((c << 8) ^ t[((c >>> 24) ^ (len & 0xff)) & 0xff]!) >>> 0;
    len = Math.floor(len / 256);
  }
  return ~c >>> 0;
}

/** Netgear's Fletcher-style sum (mkchkimg.c): c0 += byte, c1 += c0, folded to 16 bits each. */
export function netgearChecksum(data: Uint8Array): number {
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < data.length; i++) {
    c0 = (c0 + data[i]!) >>> 0;
    c1 = (c1 + c0) >>> 0;
  }
  let b = (c0 & 0xffff) + (c0 >>> 16);
  c0 = ((b >>> 16) + b) & 0xffff;
  b = (c1 & 0xffff) + (c1 >>> 16);
  c1 = ((b >>> 16) + b) & 0xffff;
  return ((c1 << 16) | c0) >>> 0;
}
