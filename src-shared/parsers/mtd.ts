/**
 * /proc/mtd (Linux drivers/mtd/mtdproc.c): a header `dev:    size   erasesize  name`, then one line per
 * device: `mtd<N>: <size hex> <erasesize hex> "<name>"`. Sizes are hex byte counts without 0x (facts §6.1).
 * Lenient: unknown lines are skipped and reported, never thrown on.
 */
export interface ProcMtdEntry {
  index: number;
  size: number;
  erasesize: number;
  name: string;
}

export interface ProcMtdResult {
  entries: ProcMtdEntry[];
  /** Lines that were neither the header nor an entry. */
  skipped: string[];
}

const LINE = /^mtd(\d{1,4}):\s+([0-9a-fA-F]{1,16})\s+([0-9a-fA-F]{1,16})\s+"(.*)"\s*$/;

export function parseProcMtd(text: string): ProcMtdResult {
  const entries: ProcMtdEntry[] = [];
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || /^dev:\s+size\s+erasesize\s+name$/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) {
      if (skipped.length < 50) skipped.push(line.slice(0, 200));
      continue;
    }
    const size = parseInt(m[2]!, 16);
    const erasesize = parseInt(m[3]!, 16);
    if (!Number.isSafeInteger(size) || !Number.isSafeInteger(erasesize)) {
      if (skipped.length < 50) skipped.push(line.slice(0, 200));
      continue;
    }
    entries.push({ index: Number(m[1]), size, erasesize, name: m[4]!.slice(0, 64) });
  }
  return { entries, skipped };
}
