import { hex32 } from '../bytes';
import { imageSaid } from '../words';

import type { Bytes } from '../bytes';
import { crcRaw } from '../crc';
import type { Ctx, FormatParser } from '../context';
import { describe, emptyStructure, settleValidity, warn, type FieldObject, type Structure } from '../types';

export const SQUASHFS_COMPRESSION: Record<number, string> = { 1: 'gzip', 2: 'lzma', 3: 'lzo', 4: 'xz', 5: 'lz4', 6: 'zstd' };

function squashfsSane(b: Bytes, off: number): boolean {
  const blockSize = b.u32le(off + 12);
  const blockLog = b.u16le(off + 22);
  const major = b.u16le(off + 28);
  const comp = b.u16le(off + 20);
  return blockSize !== undefined && blockLog !== undefined && major === 4 && comp !== undefined && comp >= 1 && comp <= 6 && blockLog >= 12 && blockLog <= 20 && blockSize === 1 << blockLog;
}

/** Parse a squashfs superblock. inUbi: the filesystem continues across UBI erase blocks, so it is not contiguous here. */
export function parseSquashfs(ctx: Ctx, off: number, end: number, inUbi = false): Structure {
  const b = ctx.b;
  if (b.matches(off, [0x73, 0x71, 0x73, 0x68])) {
    // "sqsh": big-endian squashfs (version 3 and older)
    const s = emptyStructure('squashfs', off, Math.min(96, end - off));
    const major = b.u16be(off + 28) ?? 0;
    const bytesUsed = major >= 3 ? (b.u64be(off + 63) ?? 0) : (b.u32be(off + 8) ?? 0);
    s.fields = { endianness: 'big', versionMajor: major, versionMinor: b.u16be(off + 30) ?? 0 };
    if (bytesUsed > 0 && off + bytesUsed <= end) s.length = bytesUsed;
    describe(s, imageSaid('firmware.img.d.squashfsOld', { major }));
    warn(s, imageSaid('firmware.img.w.squashfsOld'));
    return s;
  }
  const bytesUsed = b.u64le(off + 40) ?? Infinity;
  const comp = b.u16le(off + 20)!;
  const s = emptyStructure('squashfs', off, 0);
  const compression = SQUASHFS_COMPRESSION[comp] ?? `unknown (${comp})`;
  s.fields = {
    version: `${b.u16le(off + 28)}.${b.u16le(off + 30)}`,
    compression,
    bytesUsed: Number.isFinite(bytesUsed) ? bytesUsed : -1,
    blockSize: b.u32le(off + 12)!,
    inodes: b.u32le(off + 4)!,
    fragments: b.u32le(off + 16)!,
    created: new Date(b.u32le(off + 8)! * 1000).toISOString(),
    flags: hex32(b.u16le(off + 24)!),
  };
  const sane = squashfsSane(b, off);
  s.checks.push({ name: 'superblock', ok: sane, actual: sane ? 'consistent' : 'block size, version or compression out of range' });
  let structuralOk = sane;
  if (inUbi) {
    s.fields.insideUbi = true;
    s.length = Math.min(end - off, Number.isFinite(bytesUsed) ? bytesUsed : 96);
  } else if (!Number.isFinite(bytesUsed) || off + bytesUsed > end) {
    warn(s, imageSaid('firmware.img.w.squashfsCut', { known: Number.isFinite(bytesUsed) ? 'yes' : 'no', bytes: Number.isFinite(bytesUsed) ? bytesUsed : 0, left: end - off }));
    s.length = end - off;
    structuralOk = false;
  } else {
    s.length = Math.max(96, bytesUsed);
    // Table starts must lie inside the filesystem (0xFFFF… means "absent").
    for (let i = 0; i < 6; i++) {
      const t = b.u64le(off + 48 + i * 8)!;
      if (t !== Infinity && t > bytesUsed) {
        warn(s, imageSaid('firmware.img.w.squashfsTable'));
        structuralOk = false;
        break;
      }
    }
  }
  describe(s, imageSaid('firmware.img.d.squashfs', { version: String(s.fields.version), compression, size: Number.isFinite(bytesUsed) ? bytesUsed : 0, files: Number(s.fields.inodes) }));
  return settleValidity(s, structuralOk);
}

export const squashfs: FormatParser = {
  type: 'squashfs',
  carve: { magic: [0x68, 0x73, 0x71, 0x73], at: 0 },
  probe(b, off, end) {
    if (off + 96 > end) return false;
    if (b.matches(off, [0x68, 0x73, 0x71, 0x73])) return squashfsSane(b, off);
    return b.matches(off, [0x73, 0x71, 0x73, 0x68]) && (b.u16be(off + 28) ?? 0) <= 4 && (b.u16be(off + 28) ?? 0) >= 1;
  },
  parse: (ctx, off, end) => parseSquashfs(ctx, off, end),
};

// ---------------------------------------------------------------- UBI
const UBI_EC = [0x55, 0x42, 0x49, 0x23];
const UBI_VID = [0x55, 0x42, 0x49, 0x21];
const LAYOUT_VOLUME = 0x7fffefff;

function ecOk(ctx: Ctx, off: number): boolean {
  return ctx.b.matches(off, UBI_EC) && ctx.b.has(off, 64) && crcRaw(ctx.d, ctx.b.slice(off, 60)) === ctx.b.u32be(off + 60);
}

export const ubi: FormatParser = {
  type: 'ubi',
  carve: { magic: UBI_EC, at: 0 },
  probe(b, off, end) {
    return off + 64 <= end && b.matches(off, UBI_EC) && b.u8(off + 4) === 1;
  },
  parse(ctx, off, end, depth) {
    const b = ctx.b;
    const vidOff = b.u32be(off + 16)!;
    const dataOff = b.u32be(off + 20)!;
    const s = emptyStructure('ubi', off, 64);
    s.fields = { version: b.u8(off + 4)!, vidHeaderOffset: vidOff, dataOffset: dataOff, imageSequence: hex32(b.u32be(off + 24)!) };
    if (!ecOk(ctx, off)) {
      s.checks.push({ name: 'erase-counter header CRC', ok: false });
      describe(s, imageSaid('firmware.img.d.ubiDamaged'));
      return settleValidity(s, false);
    }
    let peb = 0;
    // The erase-block size: the nearest power-of-two offset holding another EC header with the same layout
    // (a damaged CRC there still marks a block boundary).
    for (let k = 12; k <= 21; k++) {
      const next = off + (1 << k);
      if (next + 64 <= end && b.matches(next, UBI_EC) && b.u32be(next + 16) === vidOff && b.u32be(next + 20) === dataOff) {
        peb = 1 << k;
        break;
      }
    }
    if (peb === 0) {
      // One erase block only: assume it runs to the end of the region, at most 2 MiB.
      peb = Math.min(end - off, 1 << 21);
      warn(s, imageSaid('firmware.img.w.ubiGuess'));
    }
    s.fields.eraseBlockSize = peb;
    if (vidOff + 64 > peb || dataOff > peb || dataOff < 64) {
      warn(s, imageSaid('firmware.img.w.ubiOffsets'));
      s.length = Math.min(peb, end - off);
      return settleValidity(s, false);
    }
    let badEc = 0;
    let badVid = 0;
    let count = 0;
    const volumes = new Map<number, { lebs: number; firstData?: number; name?: string; type?: string; reserved?: number }>();
    let p = off;
    while (p + 64 <= end && b.matches(p, UBI_EC)) {
      if (!ecOk(ctx, p)) badEc++;
      count++;
      const v = p + vidOff;
      if (b.matches(v, UBI_VID) && b.has(v, 64)) {
        if (crcRaw(ctx.d, b.slice(v, 60)) !== b.u32be(v + 60)) badVid++;
        const volId = b.u32be(v + 8)!;
        const lnum = b.u32be(v + 12)!;
        const vol = volumes.get(volId) ?? { lebs: 0 };
        vol.lebs++;
        if (lnum === 0) vol.firstData = p + dataOff;
        volumes.set(volId, vol);
        if (volId === LAYOUT_VOLUME && lnum === 0) {
          // the volume table: 172-byte records, each with its own CRC
          for (let i = 0; i < 128; i++) {
            const r = p + dataOff + i * 172;
            if (r + 172 > Math.min(end, p + peb)) break;
            const reserved = b.u32be(r)!;
            const nameLen = b.u16be(r + 14)!;
            if (reserved === 0 || nameLen === 0 || nameLen > 127) continue;
            const rec = volumes.get(i) ?? { lebs: 0 };
            rec.name = b.cstr(r + 16, nameLen);
            rec.type = b.u8(r + 12) === 1 ? 'dynamic' : 'static';
            rec.reserved = reserved;
            if (crcRaw(ctx.d, b.slice(r, 168)) !== b.u32be(r + 168)) warn(s, imageSaid('firmware.img.w.ubiRecord', { n: i }));
            volumes.set(i, rec);
          }
        }
      }
      p += peb;
    }
    s.length = Math.min(p, end) - off;
    s.fields.eraseBlocks = count;
    s.checks.push({ name: 'erase-counter header CRCs', ok: badEc === 0, actual: `${count - badEc} of ${count} good` });
    s.checks.push({ name: 'volume header CRCs', ok: badVid === 0, actual: badVid ? `${badVid} bad` : 'all good' });
    const vols: FieldObject[] = [];
    for (const [id, v] of [...volumes.entries()].sort((a, c) => a[0] - c[0])) {
      if (id === LAYOUT_VOLUME) continue;
      const o: FieldObject = { id, name: v.name ?? '', type: v.type ?? '', eraseBlocksUsed: v.lebs };
      if (v.firstData !== undefined) {
        o.dataOffset = v.firstData;
        const leEnd = Math.min(end, v.firstData + peb - dataOff);
        if (b.matches(v.firstData, [0x68, 0x73, 0x71, 0x73]) && ctx.count < ctx.limits.maxStructures && depth + 1 <= ctx.limits.maxDepth) {
          const sq = parseSquashfs(ctx, v.firstData, leEnd, true);
          o.content = `squashfs ${sq.fields.compression}`;
          s.children.push(sq);
          ctx.count++;
        } else if (b.u32le(v.firstData) === 0x06101831) {
          o.content = 'ubifs';
          const u = emptyStructure('ubifs', v.firstData, Math.min(4096, leEnd - v.firstData), imageSaid('firmware.img.d.ubifs'));
          s.children.push(u);
          ctx.count++;
        }
      }
      vols.push(o);
    }
    s.fields.volumes = vols;
    describe(s, imageSaid('firmware.img.d.ubi', { blocks: count, blockSize: peb, volumes: vols.map((v) => v.name || `#${v.id}`).join(', ') || 'none' }));
    return settleValidity(s, true);
  },
};

// ---------------------------------------------------------------- JFFS2
const JFFS2_TYPES: Record<number, string> = { 0xe001: 'dirent', 0xe002: 'inode', 0x2003: 'cleanmarker', 0x2004: 'padding', 0x2006: 'summary', 0xe008: 'xattr', 0xe009: 'xref' };

function jffs2Node(ctx: Ctx, off: number, le: boolean): { type: number; len: number } | undefined {
  const b = ctx.b;
  const magic = le ? b.u16le(off) : b.u16be(off);
  if (magic !== 0x1985 || !b.has(off, 12)) return undefined;
  const type = le ? b.u16le(off + 2)! : b.u16be(off + 2)!;
  const len = le ? b.u32le(off + 4)! : b.u32be(off + 4)!;
  const crc = le ? b.u32le(off + 8)! : b.u32be(off + 8)!;
  if (!(type in JFFS2_TYPES) || len < 12) return undefined;
  if (crcRaw(ctx.d, b.slice(off, 8), 0) !== crc) return undefined;
  return { type, len };
}

export const jffs2: FormatParser = {
  type: 'jffs2',
  carve: { magic: [0x85, 0x19], at: 0 },
  probe(b, off, end) {
    if (off + 12 > end) return false;
    const le = b.u16le(off) === 0x1985;
    const be = b.u16be(off) === 0x1985;
    if (!le && !be) return false;
    const type = le ? b.u16le(off + 2)! : b.u16be(off + 2)!;
    return type in JFFS2_TYPES;
  },
  parse(ctx, off, end) {
    const b = ctx.b;
    const le = b.u16le(off) === 0x1985;
    if (!jffs2Node(ctx, off, le)) return null;
    const counts: Record<string, number> = {};
    let p = off;
    let last = off;
    let nodes = 0;
    let truncated = false;
    while (p + 12 <= end) {
      const n = jffs2Node(ctx, p, le);
      if (n) {
        if (p + n.len > end) {
          truncated = true;
          last = end;
          break;
        }
        const name = JFFS2_TYPES[n.type]!;
        counts[name] = (counts[name] ?? 0) + 1;
        nodes++;
        p += Math.ceil(n.len / 4) * 4;
        last = p;
        continue;
      }
      // erased or padding space between nodes: skip 0xFF / 0x00 words
      const w = b.u32le(p)!;
      if (w !== 0xffffffff && w !== 0) break;
      let q = p;
      while (q + 4 <= end && (b.u32le(q) === 0xffffffff || b.u32le(q) === 0)) q += 4;
      if (q + 12 > end || !jffs2Node(ctx, q, le)) break;
      p = q;
    }
    const s = emptyStructure('jffs2', off, last - off, imageSaid('firmware.img.d.jffs2', { endian: le ? 'little' : 'big', nodes }));
    s.fields = { endianness: le ? 'little' : 'big', nodes, ...counts };
    s.checks.push({ name: 'node header CRCs', ok: true, actual: `${nodes} nodes` });
    if (truncated) warn(s, imageSaid('firmware.img.w.jffs2Cut'));
    return settleValidity(s, !truncated);
  },
};

export const jffs2Eof: FormatParser = {
  type: 'jffs2-eof-marker',
  carve: { magic: [0xde, 0xad, 0xc0, 0xde], at: 0 },
  probe(b, off, end) {
    return off + 4 <= end && b.matches(off, [0xde, 0xad, 0xc0, 0xde]);
  },
  parse(_ctx, off) {
    const s = emptyStructure('jffs2-eof-marker', off, 4, imageSaid('firmware.img.d.jffs2Eof'));
    return s;
  },
};
