import type { Manifest } from './contract';

/**
 * The names inside a backup folder, shared by backup (which writes them) and restore (which accepts only
 * them). A manifest.json is data from disk, maybe edited or received from someone else: restore reads no
 * file whose name is not exactly the one backup writes for that partition, so it can never be pointed at
 * a file outside the folder (`../…`, an absolute path) or at another partition's file.
 */
export const MANIFEST_FILE = 'manifest.json';

/** `mtd<index>-<name>.bin`: letters, digits, dot, dash and underscore only, so never a path separator. */
export const PARTITION_FILE_RE = /^mtd\d{1,4}-[A-Za-z0-9._-]{1,48}\.bin$/;

/** The file name backup writes for a partition (the name made safe: other characters become `_`). */
export function partitionFileName(index: number, name: string): string {
  return `mtd${index}-${name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 48) || 'unnamed'}.bin`;
}

/** What is wrong with the file names a manifest lists; empty when every one is what backup writes. */
export function manifestNameProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const p of m.partitions) {
    const label = `mtd${p.index} ${JSON.stringify(p.name.slice(0, 64))}`;
    if (seen.has(p.index)) problems.push(`${label}: listed twice`);
    seen.add(p.index);
    if (p.file === null) continue;
    const expected = partitionFileName(p.index, p.name);
    if (!PARTITION_FILE_RE.test(p.file) || p.file !== expected) problems.push(`${label}: file ${JSON.stringify(p.file.slice(0, 200))} is not the name backup writes (${expected})`);
  }
  return problems;
}
