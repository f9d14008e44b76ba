import { hex32, hexOff, toHex } from '../bytes';
import { imageSaid } from '../words';

import type { Bytes } from '../bytes';
import type { Ctx, FormatParser } from '../context';
import { describe, emptyStructure, settleValidity, warn, type Check, type FieldObject } from '../types';

const MAGIC = 0xd00dfeed;

interface Prop {
  off: number;
  len: number;
}
interface Node {
  path: string;
  props: Map<string, Prop>;
}

function fdtHeaderSane(b: Bytes, off: number, end: number): boolean {
  const total = b.u32be(off + 4);
  const offStruct = b.u32be(off + 8);
  const offStrings = b.u32be(off + 12);
  const version = b.u32be(off + 20);
  const lastComp = b.u32be(off + 24);
  if (total === undefined || offStruct === undefined || offStrings === undefined || version === undefined || lastComp === undefined) return false;
  return total >= 40 && total <= end - off && offStruct >= 40 && offStruct < total && offStrings <= total && version >= 16 && version <= 64 && lastComp <= 17;
}

/** Walk the structure block. Each token advances at least 4 bytes, so the walk ends within totalsize. */
function walk(b: Bytes, off: number, maxNodes: number): { nodes: Node[]; ok: boolean } {
  const total = b.u32be(off + 4)!;
  const offStruct = off + b.u32be(off + 8)!;
  const offStrings = off + b.u32be(off + 12)!;
  const version = b.u32be(off + 20)!;
  const sizeStruct = version >= 17 ? b.u32be(off + 36)! : total;
  const end = Math.min(off + total, offStruct + sizeStruct);
  const nodes: Node[] = [];
  const stack: Node[] = [];
  let p = offStruct;
  while (p + 4 <= end) {
    const tok = b.u32be(p)!;
    p += 4;
    if (tok === 1) {
      const name = b.cstr(p, Math.min(256, end - p));
      p += Math.ceil((name.length + 1) / 4) * 4;
      const parent = stack[stack.length - 1];
      const node: Node = { path: parent ? (parent.path === '/' ? `/${name}` : `${parent.path}/${name}`) : '/', props: new Map() };
      stack.push(node);
      if (nodes.length < maxNodes) nodes.push(node);
    } else if (tok === 2) {
      if (!stack.pop()) return { nodes, ok: false };
    } else if (tok === 3) {
      const len = b.u32be(p);
      const nameoff = b.u32be(p + 4);
      if (len === undefined || nameoff === undefined || p + 8 + len > end) return { nodes, ok: false };
      const name = b.cstr(offStrings + nameoff, 64);
      stack[stack.length - 1]?.props.set(name, { off: p + 8, len });
      p += 8 + Math.ceil(len / 4) * 4;
    } else if (tok === 4) {
      continue;
    } else if (tok === 9) {
      return { nodes, ok: stack.length === 0 };
    } else {
      return { nodes, ok: false };
    }
  }
  return { nodes, ok: false };
}

function propStr(b: Bytes, p: Prop | undefined): string | undefined {
  return p ? b.cstr(p.off, Math.min(p.len, 512)) : undefined;
}
function propU32(b: Bytes, p: Prop | undefined): number | undefined {
  return p && p.len >= 4 ? b.u32be(p.off) : undefined;
}

export const fdt: FormatParser = {
  type: 'fit',
  carve: { magic: [0xd0, 0x0d, 0xfe, 0xed], at: 0 },
  probe(b, off, end) {
    return b.u32be(off) === MAGIC && fdtHeaderSane(b, off, end);
  },
  parse(ctx: Ctx, off, end, depth) {
    const b = ctx.b;
    const total = b.u32be(off + 4)!;
    const { nodes, ok } = walk(b, off, 2000);
    const byPath = new Map(nodes.map((n) => [n.path, n]));
    const isFit = byPath.has('/images');
    const s = emptyStructure(isFit ? 'fit' : 'fdt', off, total);
    s.fields.totalSize = total;
    s.fields.version = b.u32be(off + 20)!;
    s.checks.push({ name: 'structure block', ok, actual: ok ? `${nodes.length} nodes` : 'damaged or cut off' });
    if (!ok) warn(s, imageSaid('firmware.img.w.fdtDamaged'));
    const root = byPath.get('/');
    const model = propStr(b, root?.props.get('model'));
    const compatible = propStr(b, root?.props.get('compatible'));
    if (model) s.fields.model = model;
    if (compatible) s.fields.compatible = compatible;
    if (!isFit) {
      describe(s, imageSaid('firmware.img.d.fdt', { size: total, model: model || 'none' }));
      return settleValidity(s, ok);
    }
    const desc = propStr(b, root?.props.get('description'));
    if (desc) s.fields.fitDescription = desc;
    const extBase = off + Math.ceil(total / 4) * 4;
    let extent = off + total;
    const images: FieldObject[] = [];
    const regions: { start: number; end: number; compression: string }[] = [];
    for (const n of nodes) {
      const m = /^\/images\/([^/]+)$/.exec(n.path);
      if (!m) continue;
      const img: FieldObject = { name: m[1]! };
      for (const k of ['description', 'type', 'arch', 'os', 'compression']) {
        const v = propStr(b, n.props.get(k));
        if (v !== undefined) img[k] = v;
      }
      let dStart: number | undefined;
      let dLen: number | undefined;
      const inline = n.props.get('data');
      if (inline) {
        dStart = inline.off;
        dLen = inline.len;
        img.dataPlacement = 'inside';
      } else {
        const dOff = propU32(b, n.props.get('data-offset'));
        const dPos = propU32(b, n.props.get('data-position'));
        dLen = propU32(b, n.props.get('data-size'));
        if (dOff !== undefined) dStart = extBase + dOff;
        else if (dPos !== undefined) dStart = off + dPos;
        img.dataPlacement = 'external';
      }
      if (dStart !== undefined && dLen !== undefined) {
        img.dataOffset = dStart;
        img.dataSize = dLen;
        const dEnd = dStart + dLen;
        if (dEnd > end || dStart < off) {
          warn(s, imageSaid('firmware.img.w.fitPast', { name: m[1]!, offset: hexOff(dStart), bytes: dLen }));
          s.valid = false;
        } else {
          extent = Math.max(extent, dEnd);
          regions.push({ start: dStart, end: dEnd, compression: String(img.compression ?? 'none') });
          const data = b.slice(dStart, dLen);
          for (const h of nodes) {
            if (!h.path.startsWith(n.path + '/hash')) continue;
            const algo = propStr(b, h.props.get('algo'));
            const val = h.props.get('value');
            if (!algo || !val) continue;
            const expected = toHex(b.slice(val.off, val.len));
            let actual: string | undefined;
            if (algo === 'crc32') actual = toHex(new Uint8Array([...u32(ctx.d.crc32(data))]));
            else if (algo === 'md5' && ctx.d.md5) actual = toHex(ctx.d.md5([data]));
            else if (algo === 'sha1' && ctx.d.sha1) actual = toHex(ctx.d.sha1([data]));
            else if (algo === 'sha256' && ctx.d.sha256) actual = toHex(ctx.d.sha256([data]));
            if (actual !== undefined) {
              const c: Check = { name: `${m[1]} ${algo}`, ok: actual === expected, expected, actual };
              s.checks.push(c);
              img[algo] = actual === expected ? 'ok' : 'MISMATCH';
            }
          }
        }
      }
      images.push(img);
    }
    s.fields.images = images;
    const confs = byPath.get('/configurations');
    const def = propStr(b, confs?.props.get('default'));
    if (def) s.fields.defaultConfiguration = def;
    const configs: FieldObject[] = [];
    for (const n of nodes) {
      const m = /^\/configurations\/([^/]+)$/.exec(n.path);
      if (!m) continue;
      const c: FieldObject = { name: m[1]! };
      for (const k of ['description', 'kernel', 'fdt', 'ramdisk', 'compatible']) {
        const v = propStr(b, n.props.get(k));
        if (v !== undefined) c[k] = v;
      }
      configs.push(c);
    }
    s.fields.configurations = configs;
    s.length = extent - off;
    describe(s, imageSaid('firmware.img.d.fit', { title: desc || 'none', images: images.length, size: s.length }));
    regions.sort((a, c) => a.start - c.start);
    for (const r of regions) {
      const c = r.compression;
      s.children.push(...ctx.region(r.start, r.end, depth + 1, c === 'none' ? { carve: true } : { carve: false, hint: c as never }));
    }
    return settleValidity(s, ok && s.valid !== false);
  },
};

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
void hex32;
