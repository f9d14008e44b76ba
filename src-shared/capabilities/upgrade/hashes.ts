/**
 * Which sha256 an image should have, and where that value comes from (return to stock): a value the user
 * typed, a FILE.sha256 beside the image, a sha256sums list beside it, or the known-images list (the WRT32X
 * 1.0.180404.58 image from the seed thread). An image in no list is allowed after a plain warning; a mismatch
 * is refused. Pure.
 */
import { DEVICE_PROFILES } from '../../profiles/profiles';
import { PRACTICE_IMAGES } from '../practice';
import type { SaidMessage } from '../../contract/common';
import { said } from '../../i18n/said';

export interface KnownImage {
  file: string;
  sha256: string;
  vendor: string;
  model: string;
  /** The firmware version the file name carries, e.g. "1.0.180404.58". */
  version?: string;
  source: string;
}

/** Version in a Linksys file name: FW_WRT32X_1.0.180404.58.img → 1.0.180404.58. */
export function versionFromFileName(name: string): string | undefined {
  return /(\d+\.\d+\.\d+(?:\.\d+)*)/.exec(name)?.[1];
}

/** A profile's public source in words with its link (profiles cite pages, issue 18). */
const citeText = (c: { title: string; url: string } | undefined): string => (c ? `${c.title} (${c.url})` : '');

export const KNOWN_IMAGES: readonly KnownImage[] = [
  ...DEVICE_PROFILES.flatMap((p) =>
    p.stockImage?.exampleSha256 && p.stockImage.exampleFile
      ? [{ file: p.stockImage.exampleFile, sha256: p.stockImage.exampleSha256, vendor: p.vendor, model: p.model, ...(versionFromFileName(p.stockImage.exampleFile) ? { version: versionFromFileName(p.stockImage.exampleFile)! } : {}), source: citeText(p.sources.find((c) => /return-to-factory|return to stock|factory image/i.test(`${c.title} ${c.url}`)) ?? p.sources[0]) }]
      : [],
  ),
  // the practice router's own files: listed as practice, so a learner sees the check work without a real download
  ...PRACTICE_IMAGES.map((i) => ({ file: i.file, sha256: i.sha256, vendor: 'PRACTICE', model: 'practice router', ...(versionFromFileName(i.file) ? { version: versionFromFileName(i.file)! } : {}), source: `made by Rescue Bench: ${i.what}` })),
];

/** How a known image is named where the check says where its value came from: "VENDOR MODEL FILE; SOURCE". */
export function knownListing(k: KnownImage): string {
  return `${k.vendor} ${k.model} ${k.file}; ${k.source}`;
}

export type HashSource = 'given' | 'sidecar' | 'sha256sums' | 'known' | 'none';

export interface HashCheck {
  sha256: string;
  expected?: string;
  source: HashSource;
  /** Where the expected value came from, in words ("FW_WRT32X….img.sha256 beside the file"). */
  from: string;
  status: 'match' | 'mismatch' | 'unlisted';
  text: string;
  /** The text's catalogue id + values (decision 0180): where the value came from is a select, names and hashes data. */
  textMsg?: SaidMessage;
}

const HEX64 = /\b([0-9a-fA-F]{64})\b/;

/** The value of a FILE.sha256 file: its first 64-hex word (alone, or "<hex>  name"). */
export function parseSidecar(text: string): string | undefined {
  return HEX64.exec(text.slice(0, 4096))?.[1]?.toLowerCase();
}

/** The line of a sha256sums list ("<hex>  name" or "<hex> *name") naming `fileName`. */
export function lookupSums(text: string, fileName: string): string | undefined {
  for (const line of text.split(/\r?\n/).slice(0, 100_000)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (m && (m[2] === fileName || m[2]!.replace(/^.*\//, '') === fileName)) return m[1]!.toLowerCase();
  }
  return undefined;
}

export function checkImageHash(input: { sha256: string; fileName: string; given?: string; sidecar?: string; sums?: string }): HashCheck {
  const sha = input.sha256.toLowerCase();
  const known = KNOWN_IMAGES.find((k) => k.sha256 === sha);
  const pick = (): { expected: string; source: HashSource; from: string; listed?: string } | undefined => {
    if (input.given) return { expected: input.given.toLowerCase(), source: 'given', from: 'the value you gave' };
    const side = input.sidecar !== undefined ? parseSidecar(input.sidecar) : undefined;
    if (side) return { expected: side, source: 'sidecar', from: `${input.fileName}.sha256 beside the file` };
    const sums = input.sums !== undefined ? lookupSums(input.sums, input.fileName) : undefined;
    if (sums) return { expected: sums, source: 'sha256sums', from: 'the sha256sums list beside the file' };
    const k = KNOWN_IMAGES.find((x) => x.file === input.fileName) ?? known;
    if (k) return { expected: k.sha256, source: 'known', from: `Rescue Bench's list of known images (${knownListing(k)})`, listed: knownListing(k) };
    return undefined;
  };
  const p = pick();
  if (!p) {
    // the same sentence as the return plan's note about it (decision 0168)
    const w = said('upgrade.plan.said.unlisted', { file: input.fileName, sha });
    return { sha256: sha, source: 'none', from: 'no list', status: 'unlisted', text: w.text, textMsg: w.msg };
  }
  const where = { file: input.fileName, source: p.source, listed: p.listed ?? '' };
  if (p.expected === sha) {
    const w = said('upgrade.hash.said.match', { ...where, sha });
    return { sha256: sha, expected: p.expected, source: p.source, from: p.from, status: 'match', text: w.text, textMsg: w.msg };
  }
  const w = said('upgrade.hash.said.mismatch', { ...where, expected: p.expected, sha });
  return { sha256: sha, expected: p.expected, source: p.source, from: p.from, status: 'mismatch', text: w.text, textMsg: w.msg };
}
