/**
 * Structures found from the END of a file: OpenWrt's fwtool metadata/signature blocks (facts §3.1) and the
 * Linksys factory trailer (facts §7).
 */
import { hex32, hexOff, latin1 } from './bytes';
import { imageSaid } from './words';
import { crcRaw, posixCksum } from './crc';
import type { Ctx } from './context';
import { describe, emptyStructure, settleValidity, warn, type Structure } from './types';

const FWX0 = 0x46577830;
export const FWTOOL_MAX_JSON = 30 * 1024;

export interface FwtoolFound {
  structures: Structure[];
  /** Where the firmware proper ends (start of the first trailer block). */
  bodyEnd: number;
  metadata?: Record<string, unknown>;
  metadataText?: string;
}

/** Read fwtool blocks backwards from `end`: a signature (type 0) may follow the metadata (type 1). */
export function readFwtool(ctx: Ctx, end: number): FwtoolFound {
  const b = ctx.b;
  const found: { type: number; start: number; trailer: number; size: number }[] = [];
  let e = end;
  for (let i = 0; i < 4 && e >= 16; i++) {
    const t = e - 16;
    if (b.u32be(t) !== FWX0) break;
    const type = b.u8(t + 8)!;
    const size = b.u32be(t + 12)!;
    if (size < 16 || size > e) {
      warn(ctx, imageSaid('firmware.img.w.fwtoolSize', { offset: hexOff(t), bytes: size }));
      break;
    }
    found.push({ type, start: e - size, trailer: t, size });
    e -= size;
    if (type === 1) break;
  }
  if (found.length === 0) return { structures: [], bodyEnd: end };
  found.reverse(); // file order: metadata first, then signature
  const out: FwtoolFound = { structures: [], bodyEnd: found[0]!.start };
  let crc = 0xffffffff;
  let crcPos = 0;
  for (const f of found) {
    const prefix = crcPos === 0 ? ctx.d.crc32Prefix?.(f.trailer) : undefined;
    crc = prefix !== undefined ? ~prefix >>> 0 : crcRaw(ctx.d, b.slice(crcPos, f.trailer - crcPos), crc);
    crcPos = f.trailer;
    const stored = b.u32be(f.trailer + 4)!;
    if (f.type === 1) {
      const s = emptyStructure('fwtool-metadata', f.start, f.size, imageSaid('firmware.img.d.fwtoolMeta', { ok: 'no' }));
      const jsonLen = f.size - 24;
      const version = b.u32be(f.start);
      s.fields = { blockSize: f.size, headerVersion: version ?? -1 };
      s.checks.push({ name: 'CRC (whole image before the trailer)', ok: crc === stored, expected: hex32(stored), actual: hex32(crc) });
      if (jsonLen < 0) {
        warn(s, imageSaid('firmware.img.w.metaShort'));
        out.structures.push(settleValidity(s, false));
        continue;
      }
      if (jsonLen > FWTOOL_MAX_JSON) warn(s, imageSaid('firmware.img.w.metaLong', { bytes: jsonLen, max: FWTOOL_MAX_JSON }));
      const text = latin1(b.slice(f.start + 8, Math.min(jsonLen, FWTOOL_MAX_JSON * 2))).replace(/\0+$/, '');
      let parsed: unknown;
      try {
        parsed = JSON.parse(utf8(text));
      } catch {
        warn(s, imageSaid('firmware.img.w.metaJson', { says: 'Invalid image metadata' })); // what sysupgrade prints, in English
      }
      const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      if (ok) {
        out.metadata = parsed as Record<string, unknown>;
        out.metadataText = utf8(text);
        const m = parsed as Record<string, unknown>;
        const v = (m.version ?? {}) as Record<string, unknown>;
        s.fields.metadataVersion = String(m.metadata_version ?? '');
        s.fields.compatVersion = String(m.compat_version ?? '1.0');
        if (Array.isArray(m.supported_devices)) s.fields.supportedDevices = m.supported_devices.map(String);
        if (Array.isArray(m.new_supported_devices)) s.fields.newSupportedDevices = m.new_supported_devices.map(String);
        if (typeof v === 'object') s.fields.release = [v.dist, v.version, v.revision].filter(Boolean).map(String).join(' ');
      }
      describe(s, imageSaid('firmware.img.d.fwtoolMeta', ok ? { ok: 'yes', release: String(s.fields.release || 'none'), compat: String(s.fields.compatVersion) } : { ok: 'no' }));
      out.structures.push(settleValidity(s, ok && version === 0));
    } else {
      const s = emptyStructure('fwtool-signature', f.start, f.size, imageSaid('firmware.img.d.fwtoolSig', { size: f.size - 16 }));
      s.fields = { blockSize: f.size };
      s.checks.push({ name: 'CRC (continues over the metadata trailer)', ok: crc === stored, expected: hex32(stored), actual: hex32(crc) });
      if (f.size > 1024 + 16) warn(s, imageSaid('firmware.img.w.sigLarge'));
      out.structures.push(settleValidity(s));
    }
  }
  return out;
}

function utf8(latin: string): string {
  try {
    return decodeURIComponent(escape(latin));
  } catch {
    return latin;
  }
}

const LINKSYS = [0x2e, 0x4c, 0x49, 0x4e, 0x4b, 0x53, 0x59, 0x53, 0x2e];

/** The 256-byte Linksys factory trailer (optionally followed by one newline). */
export function readLinksysTrailer(ctx: Ctx, end: number): Structure | undefined {
  const b = ctx.b;
  for (const extra of [0, 1]) {
    const t = end - 256 - extra;
    if (t < 0 || !b.matches(t, LINKSYS)) continue;
    if (extra === 1 && b.u8(end - 1) !== 0x0a) continue;
    const s = emptyStructure('linksys-trailer', t, 256 + extra);
    const device = b.cstr(t + 17, 15).trim();
    const crcText = b.cstr(t + 32, 8);
    s.fields = { version: b.cstr(t + 9, 8), deviceType: device, crc: crcText, tail: b.cstr(t + 48, 16) };
    const actual = posixCksum([b.slice(0, t)]);
    const expected = /^[0-9A-Fa-f]{8}$/.test(crcText) ? parseInt(crcText, 16) >>> 0 : -1;
    s.checks.push({ name: 'cksum of the image', ok: actual === expected, expected: crcText, actual: hex32(actual).slice(2).toUpperCase() });
    describe(s, imageSaid('firmware.img.d.linksys', { device: device || 'none' }));
    return settleValidity(s);
  }
  return undefined;
}
