/** Parse /proc/mtd as printed on the router: `mtd6: 07500000 00020000 "rootfs1"` (facts §6.1). */
export function parseProcMtd(text: string): { name: string; size: number; eraseSize: number }[] {
  const out: { name: string; size: number; eraseSize: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*mtd\d+:\s+([0-9a-fA-F]{1,8})\s+([0-9a-fA-F]{1,8})\s+"([^"]{1,64})"/.exec(line);
    if (m) out.push({ name: m[3]!, size: parseInt(m[1]!, 16), eraseSize: parseInt(m[2]!, 16) });
  }
  return out;
}
