/**
 * The image inspector: one pass of recognisers over a byte buffer, recursing into what each header says is
 * inside (tar members, uImage payloads, FIT images, TRX/TP-Link/Netgear/Seama parts, UBI volumes) and scanning
 * unrecognised data for known magic numbers (as binwalk does) — but never inside compressed payloads.
 *
 * Safety: every length read from the file is clamped to the bytes that are really there before it is used;
 * nothing is allocated from a length field (the only copies are fixed-size headers). Recursion depth and the
 * number of structures are bounded (Limits), and every loop advances by at least one byte.
 */
import { Bytes, hexOff } from './bytes';
import { imageSaid } from './words';
import type { SaidMessage } from '../../../contract/common';
import type { Ctx, FormatParser, RegionOptions } from './context';
import { crcRaw } from './crc';
import { fdt } from './formats/fdt';
import { jffs2, jffs2Eof, squashfs, ubi } from './formats/fs';
import { parseLzma, gzip, tar, xz, zimage } from './formats/archive';
import { uimage, uimageHeaderOk } from './formats/uimage';
import { chk, seama, tplink, trx } from './formats/vendor';
import { readFwtool, readLinksysTrailer } from './trailers';
import { DEFAULT_LIMITS, emptyStructure, warn, type Digests, type FieldValue, type Limits, type Structure } from './types';

/** Tried in this order at the start of every region. */
const AT_START: FormatParser[] = [uimage, fdt, squashfs, ubi, trx, chk, seama, tar, tplink, zimage, jffs2, gzip, xz, jffs2Eof];
/** Searched for inside unrecognised data. */
const CARVABLE: FormatParser[] = AT_START.filter((p) => p.carve);

export interface LayoutSummary {
  /** Bytes inside recognised top-level structures (trailers included). */
  recognised: number;
  /** Bytes of 0x00 / 0xFF filler at any level outside recognised structures. */
  padding: number;
  /** Bytes nothing recognised. */
  unknown: number;
  /** What follows the last recognised top-level structure. */
  trailing: { offset: number; length: number; kind: 'padding' | 'data' } | null;
}

export interface Inspection {
  size: number;
  /** Top-level structures in file order, each with its nested children. */
  structures: Structure[];
  /** fwtool metadata JSON, when present and well-formed. */
  metadata: Record<string, unknown> | null;
  warnings: string[];
  /** Each warning's id + values, in the same order (decision 0148). */
  warningsMsg: SaidMessage[];
  layout: LayoutSummary;
  /** How many structures were recorded (bounded by Limits.maxStructures). */
  structureCount: number;
}

function strongAt(ctx: Ctx, p: FormatParser, off: number, end: number): boolean {
  if (!p.probe(ctx.b, off, end)) return false;
  if (p === uimage) return uimageHeaderOk(ctx, off);
  if (p === ubi) return crcRaw(ctx.d, ctx.b.slice(off, 60)) === ctx.b.u32be(off + 60);
  if (p === jffs2) {
    const le = ctx.b.u16le(off) === 0x1985;
    const crc = le ? ctx.b.u32le(off + 8) : ctx.b.u32be(off + 8);
    return crcRaw(ctx.d, ctx.b.slice(off, 8), 0) === crc;
  }
  return true;
}

/** Per region and magic: the first validated candidate found so far, and how far the scan has got. */
type CarveCache = Map<FormatParser, { next: number; scanned: number }>;

/**
 * First offset in [from, end) where a carvable structure starts and validates. The cache makes each magic's
 * scan of a region resume where it stopped, so a region with thousands of small structures is still scanned
 * once per magic (linear, not quadratic).
 */
function carveNext(ctx: Ctx, from: number, end: number, cache: CarveCache, only?: string[]): { off: number; parser: FormatParser } | undefined {
  const buf = ctx.b.buf;
  let best: { off: number; parser: FormatParser } | undefined;
  for (const p of CARVABLE) {
    if (only && !only.includes(p.type)) continue;
    const e = cache.get(p) ?? { next: -1, scanned: from };
    cache.set(p, e);
    const limitStart = Math.min(end, best ? best.off : end);
    if (e.next >= from) {
      if (e.next < limitStart) best = { off: e.next, parser: p };
      continue;
    }
    const { magic, at } = p.carve!;
    let i = Math.max(from, e.scanned) + at;
    const limit = limitStart + at;
    let found = -1;
    while (i < limit) {
      i = buf.indexOf(magic[0]!, i);
      if (i < 0 || i >= limit) break;
      const start = i - at;
      let m = true;
      for (let k = 1; k < magic.length; k++) {
        if (buf[i + k] !== magic[k]) {
          m = false;
          break;
        }
      }
      if (m && start >= from && strongAt(ctx, p, start, end)) {
        found = start;
        break;
      }
      i++;
    }
    if (found >= 0) {
      e.next = found;
      e.scanned = found + 1;
      best = { off: found, parser: p };
    } else {
      e.next = -1;
      e.scanned = Math.max(e.scanned, limitStart);
    }
  }
  return best;
}

function runOf(b: Bytes, off: number, end: number): number {
  const v = b.buf[off];
  if (v !== 0 && v !== 0xff) return 0;
  let i = off;
  const buf = b.buf;
  while (i < end && buf[i] === v) i++;
  return i - off;
}

function padding(off: number, len: number, value: number): Structure {
  const s = emptyStructure('padding', off, len, imageSaid('firmware.img.d.padding', { size: len, byte: `0x${value.toString(16).padStart(2, '0').toUpperCase()}` }));
  s.fields = { byte: value === 0 ? '0x00' : '0xFF' };
  return s;
}
/** Data nothing recognised ('unknown'), nested too deeply, or compressed with `method` but without a header. */
function data(off: number, len: number, what: 'unknown' | 'nested' | { method: string } = 'unknown'): Structure {
  return emptyStructure('data', off, len, imageSaid('firmware.img.d.data', { size: len, what: typeof what === 'string' ? what : 'compressed', method: typeof what === 'string' ? '' : what.method }));
}
const isUnknown = (s: Structure): boolean => s.descriptionMsg?.values?.what === 'unknown';

function makeCtx(buf: Uint8Array, d: Digests, limits: Limits): Ctx {
  const b = new Bytes(buf);
  let budgetWarned = false;
  const ctx: Ctx = {
    b,
    d,
    limits,
    count: 0,
    warnings: [],
    warningsMsg: [],
    region(start, end, depth, opts: RegionOptions = {}) {
      const out: Structure[] = [];
      end = Math.min(end, buf.length);
      if (start >= end) return out;
      const push = (s: Structure): boolean => {
        if (ctx.count >= limits.maxStructures) {
          if (!budgetWarned) warn(ctx, imageSaid('firmware.img.w.budget', { count: limits.maxStructures }));
          budgetWarned = true;
          return false;
        }
        ctx.count++;
        if (!(opts.interior && (s.type === 'data' || s.type === 'padding'))) out.push(s);
        return true;
      };
      if (depth > limits.maxDepth) {
        push(data(start, end - start, 'nested'));
        return out;
      }
      let pos = start;
      let first = true;
      let cache: CarveCache | undefined;
      while (pos < end) {
        if (ctx.count >= limits.maxStructures) {
          push(data(pos, end - pos));
          break;
        }
        let found: Structure | null = null;
        if (first && opts.hint === 'lzma') found = parseLzma(ctx, pos, end);
        if (!found && (opts.carve !== false || first)) {
          for (const p of AT_START) {
            if (p.probe(b, pos, end)) {
              found = p.parse(ctx, pos, end, depth);
              if (found && found.length > 0) break;
              found = null;
            }
          }
        }
        if (found && found.length > 0) {
          found.length = Math.min(found.length, end - found.offset);
          if (!push(found)) break;
          pos = found.offset + found.length;
          first = false;
          continue;
        }
        if (first && opts.hint && !opts.carve) {
          push(data(pos, end - pos, { method: opts.hint }));
          break;
        }
        first = false;
        const run = runOf(b, pos, end);
        if (run >= 16 || (run > 0 && pos + run === end)) {
          if (!push(padding(pos, run, buf[pos]!))) break;
          pos += run;
          continue;
        }
        if (opts.carve === false) {
          push(data(pos, end - pos));
          break;
        }
        const next = carveNext(ctx, pos + 1, end, (cache ??= new Map()), opts.only);
        const stop = next ? next.off : end;
        // split a trailing filler run off the unknown data
        let q = stop;
        const v = buf[stop - 1];
        if (v === 0 || v === 0xff) while (q > pos && buf[q - 1] === v) q--;
        if (stop - q >= 16 && q > pos) {
          push(data(pos, q - pos));
          push(padding(q, stop - q, v!));
        } else push(data(pos, stop - pos));
        if (!next) break;
        const s = next.parser.parse(ctx, next.off, end, depth);
        if (s && s.length > 0) {
          s.length = Math.min(s.length, end - s.offset);
          if (!push(s)) break;
          pos = s.offset + s.length;
        } else {
          push(data(next.off, 1));
          pos = next.off + 1;
        }
      }
      return mergeData(out);
    },
  };
  return ctx;
}

/** Join neighbouring "data" entries (left by failed candidates) into one. */
function mergeData(list: Structure[]): Structure[] {
  const out: Structure[] = [];
  for (const s of list) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'data' && s.type === 'data' && prev.offset + prev.length === s.offset && isUnknown(prev) && isUnknown(s)) {
      prev.length += s.length;
      Object.assign(prev, data(prev.offset, prev.length));
    } else out.push(s);
  }
  return out;
}

export function inspectBytes(buf: Uint8Array, digests: Digests, limits: Limits = DEFAULT_LIMITS): Inspection {
  const ctx = makeCtx(buf, digests, limits);
  const fw = readFwtool(ctx, buf.length);
  let bodyEnd = fw.bodyEnd;
  const trailers: Structure[] = [...fw.structures];
  const lk = readLinksysTrailer(ctx, bodyEnd);
  if (lk) {
    trailers.unshift(lk);
    bodyEnd = lk.offset;
  }
  ctx.count += trailers.length;
  const body = ctx.region(0, bodyEnd, 0, { carve: true });
  const structures = [...body, ...trailers];

  let recognised = 0;
  let pad = 0;
  let unknown = 0;
  const walk = (list: Structure[], top: boolean): void => {
    for (const s of list) {
      if (s.type === 'padding') pad += s.length;
      else if (s.type === 'data') unknown += s.length;
      else {
        if (top) recognised += s.length;
        walk(s.children, false);
      }
    }
  };
  walk(structures, true);
  let trailing: LayoutSummary['trailing'] = null;
  const lastReal = [...body].reverse().find((s) => s.type !== 'padding' && s.type !== 'data');
  const tailStart = lastReal ? lastReal.offset + lastReal.length : 0;
  if (tailStart < bodyEnd) {
    const tail = body.filter((s) => s.offset >= tailStart);
    trailing = { offset: tailStart, length: bodyEnd - tailStart, kind: tail.every((s) => s.type === 'padding') ? 'padding' : 'data' };
  }
  const all = { warnings: [...ctx.warnings], warningsMsg: [...ctx.warningsMsg] };
  if (body.length === 1 && body[0]!.type === 'data') warn(all, imageSaid('firmware.img.w.noFormat'));
  return { size: buf.length, structures, metadata: fw.metadata ?? null, warnings: all.warnings, warningsMsg: all.warningsMsg, layout: { recognised, padding: pad, unknown, trailing }, structureCount: ctx.count };
}

export interface FlatFormat {
  type: string;
  offset: number;
  length: number;
  valid: boolean | null;
  depth: number;
  description: string;
  /** The description's id + values (decision 0148), and each warning's: the English stays beside them. */
  descriptionMsg?: FieldValue;
  warningsMsg?: FieldValue;
  [field: string]: FieldValue | undefined;
}

/** The stable flat list for `inspect --json`: every recognised structure, depth-first, fields spread in. */
export function flattenFormats(list: Structure[], depth = 0, out: FlatFormat[] = []): FlatFormat[] {
  for (const s of list) {
    if (s.type !== 'padding' && s.type !== 'data' && s.type !== 'tar-member') {
      const f: FlatFormat = { ...s.fields, type: s.type, offset: s.offset, length: s.length, valid: s.valid, depth, description: s.description };
      if (s.checks.length) f.checks = s.checks.map((c) => `${c.name}: ${c.ok ? 'ok' : 'FAILED'}${c.ok ? '' : ` (expected ${c.expected ?? '?'}, got ${c.actual ?? '?'})`}`);
      if (s.descriptionMsg) f.descriptionMsg = s.descriptionMsg as unknown as FieldValue;
      if (s.warnings.length) f.warnings = s.warnings;
      if (s.warningsMsg?.length) f.warningsMsg = s.warningsMsg as unknown as FieldValue;
      out.push(f);
    }
    flattenFormats(s.children, s.type === 'tar-member' ? depth : depth + 1, out);
  }
  return out;
}

export { hexOff };
