import { decodeUtf8Lenient, sanitizeForDisplay } from '../../parsers/utf8';

/**
 * OpenWrt's preinit `netmsg` datagrams (busybox patch 210-add_netmsg_util): UDP to port 4919 (0x1337),
 * payload exactly 1001 bytes: 0xDE 0xAD, then the text (strncpy, at most 998 chars), then NULs.
 * Some preinit messages carry a literal backslash-n ("Entering Failsafe!\n" inside ash double quotes).
 * See shared/reference/openwrt-recovery-facts.md §1.1–1.2.
 */
export const NETMSG_PORT = 4919;
export const NETMSG_PAYLOAD_LENGTH = 1001;
export const NETMSG_MAX_TEXT = 998;
/** We never look further than this into a datagram for text; a 64 KiB datagram costs the same as a 1 KiB one. */
const SCAN_LIMIT = 2048;

export type NetmsgKind = 'failsafe-prompt' | 'failsafe-entered' | 'preinit' | 'regular-boot' | 'unknown';

export interface DecodedNetmsg {
  /** The message text, trimmed, control characters escaped, at most 998 characters. */
  text: string;
  kind: NetmsgKind;
  /** True when the datagram starts with 0xDE 0xAD. */
  hasPrefix: boolean;
  /** True when it is exactly what OpenWrt's netmsg sends: prefix, 1001 bytes, NUL after the text. */
  wellFormed: boolean;
  /** Datagram length in bytes. */
  length: number;
  /** Why it is not well formed, in plain words (empty when it is). */
  notes: string[];
}

export function classifyNetmsg(text: string): NetmsgKind {
  const t = text.toLowerCase();
  if (/press (the )?(reset|button)( button)? now,? to enter failsafe/.test(t) || t.includes('please press button now to enter failsafe')) return 'failsafe-prompt';
  if (t.includes('entering failsafe')) return 'failsafe-entered';
  if (t.includes('continuing with regular preinit')) return 'regular-boot';
  if (t.includes('doing openwrt preinit') || t.includes('preinit')) return 'preinit';
  return 'unknown';
}

export function encodeNetmsg(text: string): Uint8Array {
  const out = new Uint8Array(NETMSG_PAYLOAD_LENGTH);
  out[0] = 0xde;
  out[1] = 0xad;
  // netmsg uses strncpy on argv bytes; encode as UTF-8 and cut at 998 bytes.
  const bytes = encodeUtf8(text);
  out.set(bytes.subarray(0, NETMSG_MAX_TEXT), 2);
  return out;
}

function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

export function decodeNetmsg(bytes: Uint8Array): DecodedNetmsg {
  const notes: string[] = [];
  const length = bytes.length;
  const hasPrefix = length >= 2 && bytes[0] === 0xde && bytes[1] === 0xad;
  const start = hasPrefix ? 2 : 0;
  const limit = Math.min(length, start + SCAN_LIMIT);
  let end = start;
  while (end < limit && bytes[end] !== 0) end++;
  const textEnd = Math.min(end, start + NETMSG_MAX_TEXT);
  let text = decodeUtf8Lenient(bytes, start, textEnd);
  // Strip the literal two-character "\n" that ash leaves in some preinit messages, real newlines and spaces.
  for (;;) {
    const before = text;
    text = text.replace(/(\\n|\\r|[\s\u0000])+$/u, '');
    if (text === before) break;
  }
  text = sanitizeForDisplay(text.replace(/^\s+/u, ''));

  if (!hasPrefix) notes.push(length === 0 ? 'empty datagram' : 'no DE AD prefix');
  if (length !== NETMSG_PAYLOAD_LENGTH) notes.push(`length ${length}, expected ${NETMSG_PAYLOAD_LENGTH}`);
  if (end - start > NETMSG_MAX_TEXT) notes.push('text longer than netmsg can send (truncated)');
  if (text.includes('\uFFFD')) notes.push('contains bytes that are not valid UTF-8');
  let tailClean = true;
  for (let i = end; i < Math.min(length, start + SCAN_LIMIT); i++) {
    if (bytes[i] !== 0) {
      tailClean = false;
      break;
    }
  }
  if (!tailClean) notes.push('data after the text is not NUL padding');
  return { text, kind: classifyNetmsg(text), hasPrefix, wellFormed: notes.length === 0, length, notes };
}
