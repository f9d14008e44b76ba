/**
 * Hostile input for the image inspector: truncations, lying length fields, nested pointers past the end,
 * zero-size headers and 100 000 random mutations of valid images. Nothing may throw or hang, every reported
 * structure must lie inside the file, and no allocation may follow an untrusted length.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectBytes } from '../../../../src-shared/capabilities/firmware/image/inspect';
import type { Structure } from '../../../../src-shared/capabilities/firmware/image/types';
import { nodeDigests } from '../../../../src-main/capabilities/firmware/digests';
import * as W from '../../../../test-support/firmware-images';

const { kernel, sq, images } = W.sampleImages();
const CORPUS: Record<string, Buffer> = images;

function checkBounds(list: Structure[], size: number, lo: number, hi: number): void {
  for (const s of list) {
    if (!(s.offset >= 0 && s.length >= 0 && s.offset + s.length <= size)) throw new Error(`${s.type} @${s.offset}+${s.length} outside a ${size}-byte file`);
    if (s.type !== 'fwtool-metadata' && s.type !== 'fwtool-signature' && s.type !== 'linksys-trailer' && (s.offset < lo || s.offset + s.length > hi))
      throw new Error(`${s.type} @${s.offset}+${s.length} outside its parent [${lo}, ${hi})`);
    checkBounds(s.children, size, s.type === 'fit' || s.type === 'ubi' ? 0 : s.offset, s.type === 'fit' || s.type === 'ubi' ? size : s.offset + s.length);
  }
}
function inspectSafely(buf: Uint8Array): number {
  const t0 = performance.now();
  const r = inspectBytes(buf, nodeDigests);
  checkBounds(r.structures, buf.length, 0, buf.length);
  expect(r.structureCount).toBeLessThanOrEqual(4100);
  return performance.now() - t0;
}

describe('image inspector under hostile input', () => {
  it('the corpus starts out valid (so mutations have something to break)', () => {
    for (const [name, img] of Object.entries(CORPUS)) {
      const r = inspectBytes(img, nodeDigests);
      const top = r.structures.filter((s) => s.type !== 'padding');
      expect(top.every((s) => s.valid !== false), name).toBe(true);
      const anyValid = (l: Structure[]): boolean => l.some((s) => s.valid === true || anyValid(s.children));
      expect(anyValid(r.structures), name).toBe(true);
    }
  });

  it('every truncation of every corpus image', () => {
    for (const [name, img] of Object.entries(CORPUS)) {
      for (let n = 0; n <= img.length; n += n < 128 ? 1 : 7) {
        try {
          inspectSafely(img.subarray(0, n));
        } catch (e) {
          throw new Error(`${name} cut at ${n}: ${(e as Error).message}`);
        }
      }
    }
  });

  it('lying length fields never allocate or read past the file', () => {
    const before = process.memoryUsage().arrayBuffers;
    const lies: [string, (b: Buffer) => void][] = [
      ['uImage data size', (b) => b.writeUInt32BE(0xfffffff0, 12)],
      ['TRX length', (b) => b.writeUInt32LE(0xfffffff0, 4)],
      ['TP-Link firmware length', (b) => b.writeUInt32BE(0xfffffff0, 0x7c)],
      ['TP-Link kernel offset', (b) => b.writeUInt32BE(0xfffffff0, 0x80)],
      ['Netgear kernel length', (b) => b.writeUInt32BE(0xfffffff0, 0x18)],
      ['Netgear header length', (b) => b.writeUInt32BE(0, 4)],
      ['Seama size', (b) => b.writeUInt32BE(0xfffffff0, 8)],
      ['Seama meta size', (b) => b.writeUInt16BE(0xffff, 6)],
      ['fwtool block size', (b) => b.writeUInt32BE(0xfffffff0, b.length - 4)],
      ['fwtool block size zero', (b) => b.writeUInt32BE(0, b.length - 4)],
    ];
    const targets: Record<string, string> = { uImage: 'uimageFwtool', TRX: 'trx', 'TP-Link': 'tplink', Netgear: 'chk', Seama: 'seama', fwtool: 'uimageFwtool' };
    for (const [what, lie] of lies) {
      const img = Buffer.from(CORPUS[targets[what.split(' ')[0]!]!]!);
      lie(img);
      const r = inspectBytes(img, nodeDigests);
      checkBounds(r.structures, img.length, 0, img.length);
      expect(r.structures.length, what).toBeGreaterThan(0);
    }
    // squashfs claiming 2^60 bytes, FIT totalsize and data pointing past the end
    const s = Buffer.from(sq);
    s.writeBigUInt64LE(1n << 60n, 40);
    const r = inspectBytes(s, nodeDigests);
    expect(r.structures[0]!.type).toBe('squashfs');
    expect(r.structures[0]!.valid).toBe(false);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('thousands of small structures in one region stay linear (no rescanning)', () => {
    const b = W.noise(4 * 1024 * 1024, 77);
    for (let o = 0; o + 4 <= b.length; o += 256) b.writeUInt32BE(0xdeadc0de, o);
    const t0 = performance.now();
    const r = inspectBytes(b, nodeDigests, { maxDepth: 8, maxStructures: 100_000 });
    const ms = performance.now() - t0;
    expect(r.structures.filter((s) => s.type === 'jffs2-eof-marker').length).toBe(b.length / 256);
    expect(ms).toBeLessThan(15_000); // linear: well under a second when idle; a rescanning (quadratic) version takes minutes
  });

  it('zero-size and empty headers', () => {
    for (const b of [Buffer.alloc(0), Buffer.alloc(1), Buffer.alloc(64), Buffer.alloc(4096, 0xff), W.uimageOf(Buffer.alloc(0)), Buffer.from('HDR0'), Buffer.from('hsqs'), Buffer.from('UBI#'), Buffer.from('FWx0')]) inspectSafely(b);
    // a tar header whose size is zero and a fwtool trailer of size 16 (no JSON)
    const fw = Buffer.concat([Buffer.from('FWx0'), Buffer.alloc(4), Buffer.from([1, 0, 0, 0]), Buffer.from([0, 0, 0, 16])]);
    const r = inspectBytes(fw, nodeDigests);
    expect(r.structures.find((s) => s.type === 'fwtool-metadata')?.valid).toBe(false);
  });

  it('100 000 random mutations of valid images: no crash, no hang', () => {
    const names = Object.keys(CORPUS);
    let slowest = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: names.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (which, edits, cut) => {
          const src = CORPUS[names[which]!]!;
          const b = Buffer.from(src);
          for (const [at, v] of edits) b[at % b.length] = v;
          const buf = cut === undefined ? b : b.subarray(0, cut % (b.length + 1));
          const t = inspectSafely(buf);
          slowest = Math.max(slowest, t);
          total++;
        },
      ),
      { numRuns: 100_000, seed: 42, endOnFailure: true },
    );
    expect(total).toBe(100_000);
    expect(slowest).toBeLessThan(5000); // a hang would be unbounded; this allows for a loaded machine
  }, 240_000);
});
