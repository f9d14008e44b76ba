/**
 * Autobaud scoring: at the wrong speed a UART turns text into bytes that are mostly outside printable ASCII
 * (framing garbage, 0x00/0xFF, high bytes). The right speed reads as text. Pure and fuzzed.
 */

/** Share of bytes (0–1) that are printable ASCII or CR/LF/TAB/backspace. 0 for fewer than `minBytes`. */
export function textScore(bytes: Uint8Array, minBytes = 8): number {
  if (bytes.length < minBytes) return 0;
  let good = 0;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x08) good++;
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  // Text has letters; a run of one printable byte repeated (e.g. "~~~~" at a wrong speed) does not count fully.
  const letterShare = letters / bytes.length;
  const score = (good / bytes.length) * (letterShare >= 0.2 ? 1 : 0.5 + letterShare * 2.5);
  return Math.round(score * 1000) / 1000;
}

export interface BaudTrial {
  baud: number;
  score: number;
  bytes: number;
}

/** Good enough to stop trying further rates. */
export const AUTOBAUD_ACCEPT = 0.95;
/** Below this nothing is chosen: the output does not read as text at any speed. */
export const AUTOBAUD_MINIMUM = 0.8;

/** The best trial that reads as text, or undefined. Ties go to the earlier (more common) rate. */
export function pickBaud(trials: BaudTrial[]): BaudTrial | undefined {
  let best: BaudTrial | undefined;
  for (const t of trials) if (t.score >= AUTOBAUD_MINIMUM && (!best || t.score > best.score)) best = t;
  return best;
}
