/** Bounds-checked reads over a byte buffer. Every read that would pass the end returns undefined. */
export class Bytes {
  readonly view: DataView;
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  get length(): number {
    return this.buf.length;
  }
  has(off: number, len: number): boolean {
    return off >= 0 && len >= 0 && off + len <= this.buf.length;
  }
  u8(off: number): number | undefined {
    return this.has(off, 1) ? this.buf[off]! : undefined;
  }
  u16be(off: number): number | undefined {
    return this.has(off, 2) ? this.view.getUint16(off, false) : undefined;
  }
  u16le(off: number): number | undefined {
    return this.has(off, 2) ? this.view.getUint16(off, true) : undefined;
  }
  u32be(off: number): number | undefined {
    return this.has(off, 4) ? this.view.getUint32(off, false) : undefined;
  }
  u32le(off: number): number | undefined {
    return this.has(off, 4) ? this.view.getUint32(off, true) : undefined;
  }
  /** u64 as a JS number; values above 2^53 come back as Infinity (never trusted as a size). */
  u64le(off: number): number | undefined {
    if (!this.has(off, 8)) return undefined;
    const lo = this.view.getUint32(off, true);
    const hi = this.view.getUint32(off + 4, true);
    return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
  }
  u64be(off: number): number | undefined {
    if (!this.has(off, 8)) return undefined;
    const hi = this.view.getUint32(off, false);
    const lo = this.view.getUint32(off + 4, false);
    return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
  }
  /** A view (no copy) clamped to the buffer. */
  slice(off: number, len: number): Uint8Array {
    const s = Math.max(0, Math.min(off, this.buf.length));
    const e = Math.max(s, Math.min(off + Math.max(0, len), this.buf.length));
    return this.buf.subarray(s, e);
  }
  /** Printable ASCII up to the first NUL, clamped; non-printables become '?'. */
  cstr(off: number, max: number): string {
    const b = this.slice(off, max);
    let out = '';
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c === 0) break;
      out += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
    }
    return out;
  }
  /** Compare bytes at off with a pattern. */
  matches(off: number, pattern: ArrayLike<number>): boolean {
    if (!this.has(off, pattern.length)) return false;
    for (let i = 0; i < pattern.length; i++) if (this.buf[off + i] !== pattern[i]) return false;
    return true;
  }
  /** True when every byte in [off, off+len) equals value. */
  allEqual(off: number, len: number, value: number): boolean {
    const b = this.slice(off, len);
    for (let i = 0; i < b.length; i++) if (b[i] !== value) return false;
    return true;
  }
}

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}
export function hexOff(n: number): string {
  return '0x' + n.toString(16);
}
export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i]!.toString(16).padStart(2, '0');
  return s;
}
export function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
/** Decode bytes as UTF-8 text without throwing (TextDecoder is in ES2023 lib? it is a web/Node global). */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 4096)));
  return s;
}
