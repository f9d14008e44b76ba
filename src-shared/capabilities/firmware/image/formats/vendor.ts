import { Bytes, hex32, hexOff, toHex } from '../bytes';
import { imageSaid } from '../words';

import { crcRaw, netgearChecksum } from '../crc';
import type { Ctx, FormatParser } from '../context';
import { describe, emptyStructure, settleValidity, warn, type Structure } from '../types';

// ---------------------------------------------------------------- TRX (Broadcom)
export const trx: FormatParser = {
  type: 'trx',
  carve: { magic: [0x48, 0x44, 0x52, 0x30], at: 0 },
  probe(b, off, end) {
    const len = b.u32le(off + 4);
    const ver = b.u16le(off + 14);
    return off + 28 <= end && b.matches(off, [0x48, 0x44, 0x52, 0x30]) && len !== undefined && len >= 28 && (ver === 1 || ver === 2);
  },
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const len = b.u32le(off + 4)!;
    const version = b.u16le(off + 14)!;
    const nOff = version === 2 ? 4 : 3;
    const hdrLen = 16 + nOff * 4;
    const offsets: number[] = [];
    for (let i = 0; i < nOff; i++) offsets.push(b.u32le(off + 16 + i * 4) ?? 0);
    const avail = end - off;
    const s = emptyStructure('trx', off, Math.min(len, avail));
    s.fields = { length: len, version, flags: hex32(b.u16le(off + 12)!), partitionOffsets: offsets.map(hexOff) };
    let ok = true;
    if (len > avail) {
      warn(s, imageSaid('firmware.img.w.trxCut', { bytes: len, left: avail }));
      ok = false;
    } else {
      const stored = b.u32le(off + 8)!;
      const crc = crcRaw(ctx.d, b.slice(off + 12, len - 12));
      s.checks.push({ name: 'CRC', ok: crc === stored, expected: hex32(stored), actual: hex32(crc) });
    }
    describe(s, imageSaid('firmware.img.d.trx', { version, size: len }));
    const parts = offsets.filter((o) => o >= hdrLen && o < s.length).sort((a, c) => a - c);
    parts.forEach((o, i) => {
      const pe = i + 1 < parts.length ? parts[i + 1]! : s.length;
      s.children.push(...ctx.region(off + o, off + pe, depth + 1, { carve: true }));
    });
    if (offsets.some((o) => o !== 0 && o >= s.length)) {
      warn(s, imageSaid('firmware.img.w.trxPart'));
      ok = false;
    }
    return settleValidity(s, ok);
  },
};

// ---------------------------------------------------------------- TP-Link v1
export const TPLINK_SALT_NORMAL = new Uint8Array([0xdc, 0xd7, 0x3a, 0xa5, 0xc3, 0x95, 0x98, 0xfb, 0xdd, 0xf9, 0xe7, 0xf4, 0x0e, 0xae, 0x47, 0x38]);
export const TPLINK_SALT_BOOT = new Uint8Array([0x8c, 0xef, 0x33, 0x5b, 0xd5, 0xc5, 0xce, 0xfa, 0xa7, 0x9c, 0x28, 0xda, 0xb2, 0xe9, 0x0f, 0x42]);

/** The fields of a TP-Link v1 header (facts §7.5), read as the inspector reads them. */
export interface TplinkV1Header {
  headerVersion: number;
  vendor: string;
  firmwareVersion: string;
  hwId: number;
  hwRevision: number;
  firmwareLength: number;
  kernelOffset: number;
  kernelLength: number;
  rootfsOffset: number;
  rootfsLength: number;
  bootOffset: number;
  bootLength: number;
}

function tplinkProbe(b: Bytes, off: number, end: number): boolean {
  if (off + 0x200 > end) return false;
  const v = b.u32be(off);
  if (v !== 1 && v !== 2) return false;
  const vendor = b.cstr(off + 4, 24);
  const fwLen = b.u32be(off + 0x7c)!;
  const kOff = b.u32be(off + 0x80)!;
  return /^[A-Za-z][ -~]{2,}$/.test(vendor) && fwLen >= 0x200 && kOff >= 0x200 - 0x200 && kOff <= fwLen;
}

/**
 * A TP-Link v1 header at `off`, or undefined when the bytes there are not one (the inspector's own probe). Pure;
 * other capabilities reach it through the firmware index (the vendor recovery cuts stock images with it).
 */
export function readTplinkV1Header(buf: Uint8Array, off = 0): TplinkV1Header | undefined {
  const b = new Bytes(buf);
  if (!tplinkProbe(b, off, buf.length)) return undefined;
  return {
    headerVersion: b.u32be(off)!,
    vendor: b.cstr(off + 4, 24),
    firmwareVersion: b.cstr(off + 0x1c, 36),
    hwId: b.u32be(off + 0x40)!,
    hwRevision: b.u32be(off + 0x44)!,
    firmwareLength: b.u32be(off + 0x7c)!,
    kernelOffset: b.u32be(off + 0x80)!,
    kernelLength: b.u32be(off + 0x84)!,
    rootfsOffset: b.u32be(off + 0x88)!,
    rootfsLength: b.u32be(off + 0x8c)!,
    bootOffset: b.u32be(off + 0x90)!,
    bootLength: b.u32be(off + 0x94)!,
  };
}

export const tplink: FormatParser = {
  type: 'tplink-v1',
  probe: tplinkProbe,
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const fwLen = b.u32be(off + 0x7c)!;
    const kOff = b.u32be(off + 0x80)!;
    const kLen = b.u32be(off + 0x84)!;
    const rOff = b.u32be(off + 0x88)!;
    const rLen = b.u32be(off + 0x8c)!;
    const bootLen = b.u32be(off + 0x94)!;
    const avail = end - off;
    const s = emptyStructure('tplink-v1', off, Math.min(fwLen, avail));
    s.fields = {
      headerVersion: b.u32be(off)!,
      vendor: b.cstr(off + 4, 24),
      firmwareVersion: b.cstr(off + 0x1c, 36),
      hwId: hex32(b.u32be(off + 0x40)!),
      hwRevision: b.u32be(off + 0x44)!,
      firmwareLength: fwLen,
      kernelOffset: hexOff(kOff),
      kernelLength: kLen,
      kernelLoadAddress: hex32(b.u32be(off + 0x74)!),
      rootfsOffset: hexOff(rOff),
      rootfsLength: rLen,
      bootLength: bootLen,
    };
    let ok = true;
    if (fwLen > avail) {
      warn(s, imageSaid('firmware.img.w.tplinkCut', { bytes: fwLen, left: avail }));
      ok = false;
    } else if (ctx.d.md5) {
      const stored = toHex(b.slice(off + 0x4c, 16));
      const hdr = new Uint8Array(b.slice(off, 0x200));
      const rest = b.slice(off + 0x200, fwLen - 0x200);
      const salts = bootLen ? [TPLINK_SALT_BOOT, TPLINK_SALT_NORMAL] : [TPLINK_SALT_NORMAL, TPLINK_SALT_BOOT];
      let actual = '';
      for (const salt of salts) {
        hdr.set(salt, 0x4c);
        actual = toHex(ctx.d.md5([hdr, rest]));
        if (actual === stored) break;
      }
      s.checks.push({ name: 'md5', ok: actual === stored, expected: stored, actual });
    }
    describe(s, imageSaid('firmware.img.d.tplink', { version: String(s.fields.headerVersion), hw: String(s.fields.hwId), rev: String(s.fields.hwRevision), size: fwLen }));
    const kEnd = Math.min(s.length, kOff + kLen);
    if (kLen && kOff >= 0x200 && kOff < s.length) s.children.push(...ctx.region(off + kOff, off + kEnd, depth + 1, { carve: true }));
    if (rOff >= 0x200 && rOff < s.length) {
      const rEnd = Math.min(s.length, rLen ? rOff + rLen : s.length);
      if (rOff >= kEnd) s.children.push(...ctx.region(off + rOff, off + rEnd, depth + 1, { carve: true }));
    }
    if (kOff + kLen > fwLen || (rLen && rOff + rLen > fwLen)) {
      warn(s, imageSaid('firmware.img.w.tplinkPart'));
      ok = false;
    }
    return settleValidity(s, ok);
  },
};

// ---------------------------------------------------------------- Netgear .chk
export const chk: FormatParser = {
  type: 'netgear-chk',
  carve: { magic: [0x2a, 0x23, 0x24, 0x5e], at: 0 },
  probe(b, off, end) {
    const h = b.u32be(off + 4);
    return off + 40 <= end && b.matches(off, [0x2a, 0x23, 0x24, 0x5e]) && h !== undefined && h >= 40 && h <= 40 + 256;
  },
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const hLen = b.u32be(off + 4)!;
    const kLen = b.u32be(off + 0x18)!;
    const rLen = b.u32be(off + 0x1c)!;
    const avail = end - off;
    const total = hLen + kLen + rLen;
    const s = emptyStructure('netgear-chk', off, Math.min(total, avail));
    const r = b.slice(off + 8, 8);
    s.fields = {
      boardId: b.cstr(off + 40, hLen - 40),
      region: r[0] === 1 ? 'worldwide' : r[0] === 2 ? 'North America' : `code ${r[0]}`,
      version: `${r[1]}.${r[2]}.${r[3]}.${r[4]}`,
      kernelLength: kLen,
      rootfsLength: rLen,
    };
    let ok = true;
    if (off + hLen > end) return settleValidity(s, false);
    const hdr = new Uint8Array(b.slice(off, hLen));
    const storedH = b.u32be(off + 0x24)!;
    hdr[0x24] = hdr[0x25] = hdr[0x26] = hdr[0x27] = 0;
    const hc = netgearChecksum(hdr);
    s.checks.push({ name: 'header checksum', ok: hc === storedH, expected: hex32(storedH), actual: hex32(hc) });
    if (total > avail) {
      warn(s, imageSaid('firmware.img.w.chkCut', { bytes: kLen + rLen, left: avail - hLen }));
      ok = false;
    } else {
      const k = b.slice(off + hLen, kLen);
      const rf = b.slice(off + hLen + kLen, rLen);
      const kc = netgearChecksum(k);
      s.checks.push({ name: 'kernel checksum', ok: kc === b.u32be(off + 0x10), expected: hex32(b.u32be(off + 0x10)!), actual: hex32(kc) });
      if (rLen) {
        const rc = netgearChecksum(rf);
        s.checks.push({ name: 'rootfs checksum', ok: rc === b.u32be(off + 0x14), expected: hex32(b.u32be(off + 0x14)!), actual: hex32(rc) });
      }
      const ic = netgearChecksum(b.slice(off + hLen, kLen + rLen));
      s.checks.push({ name: 'image checksum', ok: ic === b.u32be(off + 0x20), expected: hex32(b.u32be(off + 0x20)!), actual: hex32(ic) });
    }
    describe(s, imageSaid('firmware.img.d.chk', { board: String(s.fields.boardId), size: kLen + rLen }));
    if (kLen) s.children.push(...ctx.region(off + hLen, Math.min(end, off + hLen + kLen), depth + 1, { carve: true }));
    if (rLen && off + hLen + kLen < end) s.children.push(...ctx.region(off + hLen + kLen, Math.min(end, off + total), depth + 1, { carve: true }));
    return settleValidity(s, ok);
  },
};

// ---------------------------------------------------------------- Seama (D-Link)
const SEAMA = [0x5e, 0xa3, 0xa4, 0x17];

function seamaMeta(ctx: Ctx, off: number, len: number): string[] {
  return [...nulStrings(ctx.b.slice(off, len))];
}
/** NUL-separated key=value strings. */
function* nulStrings(b: Uint8Array): Generator<string> {
  let cur = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0) {
      if (cur) yield cur;
      cur = '';
    } else cur += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  if (cur) yield cur;
}

export const seama: FormatParser = {
  type: 'seama',
  carve: { magic: SEAMA, at: 0 },
  probe(b, off, end) {
    return off + 12 <= end && b.matches(off, SEAMA) && (b.u16be(off + 6) ?? 0) < 4096;
  },
  parse(ctx, off, end, depth): Structure {
    const b = ctx.b;
    const meta = b.u16be(off + 6)!;
    const size = b.u32be(off + 8)!;
    const sealed = b.matches(off + 12 + meta, SEAMA);
    const avail = end - off;
    if (sealed) {
      const s = emptyStructure('seama-seal', off, Math.min(avail, 12 + meta + size));
      const m = seamaMeta(ctx, off + 12, meta);
      s.fields = { meta: m, size };
      const sig = m.find((x) => x.startsWith('signature='));
      if (sig) s.fields.signature = sig.slice(10);
      describe(s, imageSaid('firmware.img.d.seamaSeal', { device: sig ? sig.slice(10) : 'none' }));
      s.children.push(...ctx.region(off + 12 + meta, off + s.length, depth + 1, { carve: false }));
      if (12 + meta + size > avail) {
        warn(s, imageSaid('firmware.img.w.seamaSealCut'));
        return settleValidity(s, false);
      }
      return settleValidity(s, true);
    }
    const hdr = 28 + meta;
    const s = emptyStructure('seama', off, Math.min(avail, hdr + size));
    const m = seamaMeta(ctx, off + 28, meta);
    s.fields = { meta: m, imageSize: size };
    const sig = m.find((x) => x.startsWith('signature='));
    if (sig) s.fields.signature = sig.slice(10);
    let ok = true;
    if (hdr + size > avail) {
      warn(s, imageSaid('firmware.img.w.seamaCut', { bytes: size, left: Math.max(0, avail - hdr) }));
      ok = false;
    } else if (ctx.d.md5) {
      const stored = toHex(b.slice(off + 12, 16));
      const actual = toHex(ctx.d.md5([b.slice(off + hdr, size)]));
      s.checks.push({ name: 'md5', ok: stored === actual, expected: stored, actual });
    }
    describe(s, imageSaid('firmware.img.d.seama', { device: sig ? sig.slice(10) : 'none', size }));
    if (off + hdr < off + s.length) s.children.push(...ctx.region(off + hdr, off + s.length, depth + 1, { carve: true }));
    return settleValidity(s, ok);
  },
};
