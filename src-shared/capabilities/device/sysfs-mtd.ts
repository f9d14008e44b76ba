import { intOf, keyValues, splitSections } from './sysfs-dump';

/** /sys/class/mtd/mtdN attributes (Documentation/ABI/testing/sysfs-class-mtd). */
export interface SysfsMtd {
  index: number;
  name?: string;
  /** absent, nor, nand, mlc-nand, dataflash, ubi, rom, ram, unknown */
  type?: string;
  size?: number;
  erasesize?: number;
  /** Offset inside the parent device (kernels >= 4.x). */
  offset?: number;
  /** MTD_WRITEABLE is 0x400 (mtd-abi.h): when it is clear the partition is read-only. */
  flags?: number;
  oobsize?: number;
  writesize?: number;
}

export const MTD_WRITEABLE = 0x400;

/** Parse sections named `mtdN` (see sysfs-dump.ts) into attribute records. */
export function parseSysfsMtd(text: string): SysfsMtd[] {
  const out: SysfsMtd[] = [];
  for (const s of splitSections(text)) {
    const m = /^mtd(\d{1,4})$/.exec(s.name);
    if (!m) continue;
    const kv = keyValues(s.lines);
    const rec: SysfsMtd = { index: Number(m[1]) };
    if (kv.name !== undefined) rec.name = kv.name.slice(0, 64);
    if (kv.type !== undefined) rec.type = kv.type.slice(0, 16).toLowerCase();
    for (const k of ['size', 'erasesize', 'offset', 'flags', 'oobsize', 'writesize'] as const) {
      const n = intOf(kv[k]);
      if (n !== undefined) rec[k] = n;
    }
    out.push(rec);
  }
  return out;
}
