import { hex32, hexOff, latin1 } from '../bytes';
import { imageSaid } from '../words';
import type { SaidMessage } from '../../../../contract/common';
import type { Bytes } from '../bytes';
import type { Ctx, FormatParser } from '../context';
import { describe, emptyStructure, settleValidity, warn, type FieldObject, type Structure } from '../types';

// ---------------------------------------------------------------- tar (ustar / GNU / v7)
function octal(b: Bytes, off: number, len: number): number | undefined {
  const first = b.u8(off);
  if (first === undefined) return undefined;
  if (first & 0x80) {
    // GNU base-256: big-endian binary in the remaining bytes
    let v = 0;
    for (let i = 1; i < len; i++) v = v * 256 + (b.u8(off + i) ?? 0);
    return v;
  }
  const t = b.cstr(off, len).trim();
  if (t === '') return 0;
  if (!/^[0-7]+$/.test(t)) return undefined;
  return parseInt(t, 8);
}

function tarHeaderOk(b: Bytes, off: number): boolean {
  if (!b.has(off, 512)) return false;
  const stored = octal(b, off + 148, 8);
  if (stored === undefined) return false;
  let sum = 0;
  const h = b.buf;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[off + i]!;
  return sum === stored && h[off] !== 0;
}

const TYPEFLAG: Record<string, string> = { '0': 'file', '\0': 'file', '1': 'hard link', '2': 'symlink', '5': 'folder', L: 'GNU long name', x: 'pax header', g: 'pax global header' };

export const tar: FormatParser = {
  type: 'tar',
  carve: { magic: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257 },
  probe(b, off, end) {
    return off + 512 <= end && tarHeaderOk(b, off);
  },
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const members: FieldObject[] = [];
    const children: Structure[] = [];
    let p = off;
    let ok = true;
    let board: string | undefined;
    let longName: string | undefined;
    let ended = false;
    const warned: { warnings: string[]; warningsMsg: SaidMessage[] } = { warnings: [], warningsMsg: [] };
    while (p + 512 <= end) {
      if (b.allEqual(p, 512, 0)) {
        p += 512;
        if (p + 512 <= end && b.allEqual(p, 512, 0)) p += 512;
        ended = true;
        break;
      }
      if (!tarHeaderOk(b, p)) {
        warn(warned, imageSaid('firmware.img.w.tarHeader', { offset: hexOff(p) }));
        ok = false;
        break;
      }
      const size = octal(b, p + 124, 12) ?? 0;
      const flag = String.fromCharCode(b.u8(p + 156)!);
      const prefix = b.matches(p + 257, [0x75, 0x73, 0x74, 0x61, 0x72]) ? b.cstr(p + 345, 155) : '';
      let name = (prefix ? prefix + '/' : '') + b.cstr(p, 100);
      const dataStart = p + 512;
      const avail = end - dataStart;
      if (flag === 'L') {
        longName = b.cstr(dataStart, Math.min(size, 4096));
        p = dataStart + Math.ceil(size / 512) * 512;
        continue;
      }
      if (longName) {
        name = longName;
        longName = undefined;
      }
      const m: FieldObject = {
        name,
        kind: TYPEFLAG[flag] ?? `type ${flag}`,
        size,
        dataOffset: dataStart,
        mode: (octal(b, p + 100, 8) ?? 0).toString(8),
        owner: `${b.cstr(p + 265, 32) || octal(b, p + 108, 8)}/${b.cstr(p + 297, 32) || octal(b, p + 116, 8)}`,
        modified: new Date((octal(b, p + 136, 12) ?? 0) * 1000).toISOString(),
      };
      members.push(m);
      if (size > avail) {
        warn(warned, imageSaid('firmware.img.w.tarMember', { name, bytes: size, left: avail }));
        ok = false;
        p = end;
        break;
      }
      if ((flag === '0' || flag === '\0') && size > 0 && ctx.count < ctx.limits.maxStructures) {
        const ms: Structure = emptyStructure('tar-member', dataStart, size, imageSaid('firmware.img.d.tarMember', { name, size }));
        ms.fields = { name, size };
        ctx.count++;
        if (/(^|\/)CONTROL$/.test(name) && size <= 4096) {
          const text = latin1(b.slice(dataStart, size));
          ms.fields.text = text;
          const mb = /^BOARD=(.*)$/m.exec(text);
          if (mb) board = mb[1]!.trim();
        } else {
          ms.children = ctx.region(dataStart, dataStart + size, depth + 1, { carve: true });
        }
        children.push(ms);
      }
      p = dataStart + Math.ceil(size / 512) * 512;
    }
    if (!ended && ok) {
      warn(warned, imageSaid('firmware.img.w.tarEnd'));
      ok = false;
    }
    // GNU tar pads the archive to a 10 KiB record with zeros.
    let length = Math.min(p, end) - off;
    const rec = Math.ceil(length / 10240) * 10240;
    if (ended && rec > length && off + rec <= end && b.allEqual(off + length, rec - length, 0)) length = rec;
    const first = String(members[0]?.name ?? '');
    const isSysupgrade = first.startsWith('sysupgrade-');
    const s = emptyStructure(isSysupgrade ? 'sysupgrade-tar' : 'tar', off, length);
    s.fields = { members };
    if (isSysupgrade) s.fields.folder = first.split('/')[0]!;
    if (board !== undefined) s.fields.board = board;
    s.warnings = warned.warnings;
    if (warned.warningsMsg.length) s.warningsMsg = warned.warningsMsg;
    s.children = children;
    s.checks.push({ name: 'header checksums', ok, actual: `${members.length} members` });
    describe(
      s,
      isSysupgrade
        ? imageSaid('firmware.img.d.sysupgrade', { board: board || 'none', files: members.filter((x) => x.kind !== 'folder').map((x) => String(x.name).split('/').pop()).join(', ') })
        : imageSaid('firmware.img.d.tar', { members: members.length }),
    );
    return settleValidity(s, ok);
  },
};

// ---------------------------------------------------------------- compressed streams
const GZIP_OS: Record<number, string> = { 0: 'FAT', 3: 'Unix', 7: 'Macintosh', 11: 'NTFS', 255: 'unknown' };
export const gzip: FormatParser = {
  type: 'gzip',
  carve: { magic: [0x1f, 0x8b, 0x08], at: 0 },
  probe(b, off, end) {
    const flg = b.u8(off + 3);
    const xfl = b.u8(off + 8);
    const os = b.u8(off + 9);
    return off + 18 <= end && b.matches(off, [0x1f, 0x8b, 0x08]) && flg !== undefined && (flg & 0xe0) === 0 && (xfl === 0 || xfl === 2 || xfl === 4) && os !== undefined && (os <= 13 || os === 255);
  },
  parse(ctx, off, end) {
    const b = ctx.b;
    const flg = b.u8(off + 3)!;
    const s = emptyStructure('gzip', off, end - off);
    s.fields = { modified: new Date(b.u32le(off + 4)! * 1000).toISOString(), os: GZIP_OS[b.u8(off + 9)!] ?? `code ${b.u8(off + 9)}` };
    let p = off + 10;
    if (flg & 4) p += 2 + (b.u16le(p) ?? 0);
    if (flg & 8) s.fields.originalName = b.cstr(p, 256);
    describe(s, imageSaid('firmware.img.d.gzip', { name: s.fields.originalName ? String(s.fields.originalName) : 'none' }));
    return s;
  },
};

export const xz: FormatParser = {
  type: 'xz',
  carve: { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], at: 0 },
  probe(b, off, end) {
    return off + 12 <= end && b.matches(off, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) && b.u8(off + 6) === 0;
  },
  parse(ctx, off, end) {
    const b = ctx.b;
    const crc = ctx.d.crc32(b.slice(off + 6, 2));
    const stored = b.u32le(off + 8)!;
    const check = b.u8(off + 7)! & 0x0f;
    const s = emptyStructure('xz', off, end - off, imageSaid('firmware.img.d.xz'));
    s.fields = { integrityCheck: ({ 0: 'none', 1: 'CRC32', 4: 'CRC64', 10: 'SHA-256' } as Record<number, string>)[check] ?? `type ${check}` };
    s.checks.push({ name: 'stream header CRC', ok: crc === stored, expected: hex32(stored), actual: hex32(crc) });
    // A stream ends with a 12-byte footer whose last two bytes are "YZ"; find it to get the real length.
    let footer = -1;
    for (let q = end - 2; q >= off + 12 && q >= end - 4096; q--) {
      if (b.u8(q) === 0x59 && b.u8(q + 1) === 0x5a && (q + 2 - off) % 4 === 0) {
        footer = q + 2;
        break;
      }
    }
    if (footer > 0) s.length = footer - off;
    return settleValidity(s, true);
  },
};

/** LZMA "alone" has no magic: only believed where a header says "lzma". */
export function parseLzma(ctx: Ctx, off: number, end: number): Structure | null {
  const b = ctx.b;
  const props = b.u8(off);
  const dict = b.u32le(off + 1);
  if (props === undefined || dict === undefined || off + 13 > end || props >= 225) return null;
  const lc = props % 9;
  const lp = Math.floor(props / 9) % 5;
  const pb = Math.floor(props / 45);
  const usize = b.u64le(off + 5)!;
  const s = emptyStructure('lzma', off, end - off, imageSaid('firmware.img.d.lzma', { lc, lp, pb, dictSize: dict }));
  s.fields = { lc, lp, pb, dictionarySize: dict, uncompressedSize: Number.isFinite(usize) ? usize : 'unknown' };
  const dictOk = dict >= 4096 && dict <= 1 << 30;
  if (!dictOk) warn(s, imageSaid('firmware.img.w.lzmaDict'));
  return settleValidity(s, dictOk);
}

// ---------------------------------------------------------------- ARM zImage
export const zimage: FormatParser = {
  type: 'zimage',
  carve: { magic: [0x18, 0x28, 0x6f, 0x01], at: 0x24 },
  probe(b, off, end) {
    if (off + 0x30 > end || b.u32le(off + 0x24) !== 0x016f2818) return false;
    const st = b.u32le(off + 0x28)!;
    const en = b.u32le(off + 0x2c)!;
    return en > st && en - st >= 0x30;
  },
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const st = b.u32le(off + 0x28)!;
    const en = b.u32le(off + 0x2c)!;
    const len = en - st;
    const avail = end - off;
    const s = emptyStructure('zimage', off, Math.min(len, avail), imageSaid('firmware.img.d.zimage', { size: len }));
    s.fields = { startAddress: hex32(st), endAddress: hex32(en), size: len, startsWithNop: b.u32be(off) === 0x0000a0e1, endianness: b.u32le(off + 0x30) === 0x04030201 ? 'little' : b.u32le(off + 0x30) === 0x01020304 ? 'big' : 'unknown' };
    let ok = true;
    if (len > avail) {
      warn(s, imageSaid('firmware.img.w.zimageCut', { bytes: len, left: avail }));
      ok = false;
    }
    s.children = ctx.region(off + 0x30, off + s.length, depth + 1, { carve: true, interior: true, only: ['xz', 'gzip', 'fit'] });
    return settleValidity(s, ok);
  },
};
