import { hex32 } from '../bytes';
import { imageSaid } from '../words';

import type { Ctx, FormatParser } from '../context';
import { describe, emptyStructure, settleValidity, warn } from '../types';

const OS: Record<number, string> = { 1: 'OpenBSD', 2: 'NetBSD', 3: 'FreeBSD', 5: 'Linux', 17: 'U-Boot', 19: 'QNX', 20: 'U-Boot', 24: 'OpenRTOS', 25: 'ARM Trusted Firmware', 26: 'TEE' };
const ARCH: Record<number, string> = { 1: 'Alpha', 2: 'ARM', 3: 'x86', 4: 'IA64', 5: 'MIPS', 6: 'MIPS64', 7: 'PowerPC', 8: 'S390', 9: 'SuperH', 10: 'SPARC', 11: 'SPARC64', 12: 'M68K', 15: 'Blackfin', 16: 'AVR32', 17: 'ST200', 20: 'NDS32', 22: 'ARM64', 26: 'x86_64', 27: 'Xtensa', 28: 'RISC-V' };
const TYPE: Record<number, string> = { 1: 'standalone', 2: 'kernel', 3: 'ramdisk', 4: 'multi', 5: 'firmware', 6: 'script', 7: 'filesystem', 8: 'flat_dt', 9: 'kwbimage', 14: 'kernel_noload' };
export const UIMAGE_COMPRESSION: Record<number, 'none' | 'gzip' | 'bzip2' | 'lzma' | 'lzo' | 'lz4' | 'zstd'> = { 0: 'none', 1: 'gzip', 2: 'bzip2', 3: 'lzma', 4: 'lzo', 5: 'lz4', 6: 'zstd' };

const MAGIC = 0x27051956;
const HDR = 64;

export const uimage: FormatParser = {
  type: 'uimage',
  carve: { magic: [0x27, 0x05, 0x19, 0x56], at: 0 },
  probe(b, off, end) {
    if (off + HDR > end || b.u32be(off) !== MAGIC) return false;
    // At a scanned offset, demand a correct header CRC so random bytes are not taken for a header.
    return true;
  },
  parse(ctx: Ctx, off, end, depth) {
    const b = ctx.b;
    const hdr = new Uint8Array(b.slice(off, HDR));
    const stored = b.u32be(off + 4)!;
    hdr[4] = hdr[5] = hdr[6] = hdr[7] = 0;
    const hcrc = ctx.d.crc32(hdr);
    const size = b.u32be(off + 12)!;
    const os = b.u8(off + 28)!;
    const arch = b.u8(off + 29)!;
    const type = b.u8(off + 30)!;
    const comp = b.u8(off + 31)!;
    const name = b.cstr(off + 32, 32);
    const avail = end - off - HDR;
    const dataLen = Math.min(size, avail);
    const s = emptyStructure('uimage', off, HDR + dataLen);
    const compName = UIMAGE_COMPRESSION[comp] ?? `unknown (${comp})`;
    s.fields = {
      name,
      os: OS[os] ?? `unknown (${os})`,
      arch: ARCH[arch] ?? `unknown (${arch})`,
      imageType: TYPE[type] ?? `unknown (${type})`,
      compression: compName,
      dataSize: size,
      loadAddress: hex32(b.u32be(off + 16)!),
      entryPoint: hex32(b.u32be(off + 20)!),
      timestamp: new Date(b.u32be(off + 8)! * 1000).toISOString(),
    };
    s.checks.push({ name: 'header CRC', ok: hcrc === stored, expected: hex32(stored), actual: hex32(hcrc) });
    let structuralOk = true;
    if (size > avail) {
      warn(s, imageSaid('firmware.img.w.uimageCut', { bytes: size, left: avail }));
      structuralOk = false;
    } else {
      const dstored = b.u32be(off + 24)!;
      const dcrc = ctx.d.crc32(b.slice(off + HDR, size));
      s.checks.push({ name: 'data CRC', ok: dcrc === dstored, expected: hex32(dstored), actual: hex32(dcrc) });
    }
    describe(s, imageSaid('firmware.img.d.uimage', { name, arch: String(s.fields.arch), os: String(s.fields.os), imageType: String(s.fields.imageType), compression: compName, size }));
    const dataStart = off + HDR;
    const dataEnd = dataStart + dataLen;
    if (type === 4) {
      // multi-file image: a zero-terminated table of u32 sizes, then each part padded to 4 bytes
      const sizes: number[] = [];
      let p = dataStart;
      while (p + 4 <= dataEnd && sizes.length < 64) {
        const n = b.u32be(p)!;
        p += 4;
        if (n === 0) break;
        sizes.push(n);
      }
      s.fields.parts = sizes;
      for (const n of sizes) {
        if (p >= dataEnd) break;
        const pe = Math.min(dataEnd, p + n);
        if (p + n > dataEnd) warn(s, imageSaid('firmware.img.w.uimageMulti'));
        s.children.push(...ctx.region(p, pe, depth + 1, { carve: comp === 0, hint: comp === 0 ? undefined : (compName as never) }));
        p += Math.ceil(n / 4) * 4;
      }
    } else if (dataLen > 0) {
      s.children.push(...ctx.region(dataStart, dataEnd, depth + 1, comp === 0 ? { carve: true } : { carve: false, hint: compName as never }));
    }
    return settleValidity(s, structuralOk);
  },
};

/** For carving: a uImage only counts at an arbitrary offset when its header CRC holds. */
export function uimageHeaderOk(ctx: Ctx, off: number): boolean {
  const hdr = new Uint8Array(ctx.b.slice(off, HDR));
  if (hdr.length < HDR) return false;
  const stored = ctx.b.u32be(off + 4)!;
  hdr[4] = hdr[5] = hdr[6] = hdr[7] = 0;
  return ctx.d.crc32(hdr) === stored;
}
