/**
 * The "section dump" our discovery script prints: `@@ <section>` lines, each followed by `key=value` lines
 * (one sysfs attribute per line, or raw text for sections read whole). Pure and lenient.
 */
export interface DumpSection {
  name: string;
  lines: string[];
}

export function splitSections(text: string): DumpSection[] {
  const out: DumpSection[] = [];
  let cur: DumpSection | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = /^@@ ?(\S+)\s*$/.exec(line);
    if (m) {
      cur = { name: m[1]!, lines: [] };
      out.push(cur);
    } else if (cur && cur.lines.length < 20000) cur.lines.push(line);
  }
  return out;
}

export function keyValues(lines: string[]): Record<string, string> {
  const kv: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf('=');
    if (i <= 0) continue;
    const k = l.slice(0, i).trim();
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(k)) continue;
    kv[k] = l.slice(i + 1).trim();
  }
  return kv;
}

/** Decimal or 0x-hex integer, or undefined. */
export function intOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  const n = /^0x[0-9a-f]+$/i.test(s) ? parseInt(s, 16) : /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}
