/**
 * TFTP packet codec (RFC 1350, 2347 option negotiation, 2348 blksize, 2349 timeout/tsize, 7440 windowsize).
 * Pure: works on Uint8Array, never throws on hostile input (every parse returns a tagged result), no node:*.
 * The server's hot path does not use these allocating helpers for DATA/ACK; it writes headers in place with
 * `writeDataHeader` and reads ACKs with `readOpcode`/`readBlock`.
 */

export const OP = { RRQ: 1, WRQ: 2, DATA: 3, ACK: 4, ERROR: 5, OACK: 6 } as const;

/** RFC 1350 error codes (8 from RFC 2347). */
export const TFTP_ERR = {
  NOT_DEFINED: 0,
  FILE_NOT_FOUND: 1,
  ACCESS_VIOLATION: 2,
  DISK_FULL: 3,
  ILLEGAL_OPERATION: 4,
  UNKNOWN_TID: 5,
  FILE_EXISTS: 6,
  NO_SUCH_USER: 7,
  OPTION_REFUSED: 8,
} as const;

export const BLKSIZE_MIN = 8;
export const BLKSIZE_MAX = 65464;
export const DEFAULT_BLKSIZE = 512;
/** Longest request packet we look at; a request never needs more than one default-size datagram. */
export const MAX_REQUEST_BYTES = 1024;
/** Longest file name we accept (bytes of the name, before any path checks). */
export const MAX_NAME_BYTES = 255;

export type TftpMode = 'octet' | 'netascii';

export interface TftpRequest {
  op: 'rrq' | 'wrq';
  filename: string;
  mode: TftpMode;
  /** Option names lower-cased; values as sent. Only the first occurrence of a name counts. */
  options: Record<string, string>;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: number; reason: string };

function fail<T>(code: number, reason: string): ParseResult<T> {
  return { ok: false, code, reason };
}

/** Read a NUL-terminated ASCII string at `pos`; null when no terminator or a byte outside printable ASCII. */
function cstr(b: Uint8Array, pos: number, max: number): { s: string; next: number } | null {
  let s = '';
  for (let i = pos; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0) return { s, next: i + 1 };
    if (i - pos >= max) return null;
    s += String.fromCharCode(c);
  }
  return null;
}

/** Parse an RRQ or WRQ. The caller has checked the opcode is 1 or 2. */
export function parseRequest(b: Uint8Array): ParseResult<TftpRequest> {
  if (b.length < 4) return fail(TFTP_ERR.ILLEGAL_OPERATION, 'request too short');
  if (b.length > MAX_REQUEST_BYTES) return fail(TFTP_ERR.ILLEGAL_OPERATION, 'request too long');
  const opcode = (b[0]! << 8) | b[1]!;
  if (opcode !== OP.RRQ && opcode !== OP.WRQ) return fail(TFTP_ERR.ILLEGAL_OPERATION, `opcode ${opcode} is not a request`);
  const name = cstr(b, 2, MAX_NAME_BYTES + 1);
  if (!name) return fail(TFTP_ERR.ILLEGAL_OPERATION, 'file name not terminated or too long');
  if (name.s.length === 0) return fail(TFTP_ERR.ILLEGAL_OPERATION, 'empty file name');
  if (name.s.length > MAX_NAME_BYTES) return fail(TFTP_ERR.ACCESS_VIOLATION, 'file name too long');
  const mode = cstr(b, name.next, 16);
  if (!mode) return fail(TFTP_ERR.ILLEGAL_OPERATION, 'transfer mode not terminated');
  const m = mode.s.toLowerCase();
  if (m !== 'octet' && m !== 'netascii') return fail(TFTP_ERR.ILLEGAL_OPERATION, `transfer mode "${mode.s.slice(0, 16)}" is not supported (octet or netascii)`);
  const options: Record<string, string> = {};
  let pos = mode.next;
  let count = 0;
  while (pos < b.length) {
    const k = cstr(b, pos, 64);
    if (!k) break; // trailing garbage after the mode: RFC 2347 clients never send it; ignore like tftpd-hpa
    const v = cstr(b, k.next, 64);
    if (!v) break;
    pos = v.next;
    if (++count > 16) return fail(TFTP_ERR.OPTION_REFUSED, 'too many options');
    const key = k.s.toLowerCase();
    if (key.length === 0) continue;
    if (!Object.prototype.hasOwnProperty.call(options, key)) options[key] = v.s;
  }
  return { ok: true, value: { op: opcode === OP.RRQ ? 'rrq' : 'wrq', filename: name.s, mode: m, options } };
}

export interface NegotiationLimits {
  /** Largest block size we agree to (<= 65464). */
  maxBlksize: number;
  /** Largest window we agree to. */
  maxWindowsize: number;
  /** Largest upload we accept (bytes), for WRQ tsize. */
  maxUploadBytes: number;
}

export interface Negotiated {
  blksize: number;
  windowsize: number;
  /** Retransmission timeout in milliseconds. */
  timeoutMs: number;
  /** The tsize option as agreed: the file size for a read, the announced size for a write. */
  tsize?: number;
  /** Options to put in the OACK, in order; empty means no OACK (plain RFC 1350). */
  oack: Array<[string, string]>;
}

const DIGITS = /^[0-9]{1,12}$/;

/**
 * RFC 2347 negotiation. Unknown options are ignored (RFC 2347 §Option Acknowledgment); a known option with an
 * absurd value is refused with ERROR 8 so the client learns why instead of timing out.
 * `fileSize` is the size we will send for a read (undefined when not known up front, e.g. netascii).
 */
export function negotiate(req: TftpRequest, fileSize: number | undefined, defaultTimeoutMs: number, lim: NegotiationLimits): ParseResult<Negotiated> {
  const out: Negotiated = { blksize: DEFAULT_BLKSIZE, windowsize: 1, timeoutMs: defaultTimeoutMs, oack: [] };
  const o = req.options;
  if (o.blksize !== undefined) {
    if (!DIGITS.test(o.blksize)) return fail(TFTP_ERR.OPTION_REFUSED, `blksize "${o.blksize.slice(0, 20)}" is not a number`);
    const n = Number(o.blksize);
    if (n < BLKSIZE_MIN) return fail(TFTP_ERR.OPTION_REFUSED, `blksize ${n} is below the minimum of ${BLKSIZE_MIN}`);
    out.blksize = Math.min(n, lim.maxBlksize, BLKSIZE_MAX);
    out.oack.push(['blksize', String(out.blksize)]);
  }
  if (o.timeout !== undefined) {
    if (!DIGITS.test(o.timeout)) return fail(TFTP_ERR.OPTION_REFUSED, `timeout "${o.timeout.slice(0, 20)}" is not a number`);
    const n = Number(o.timeout);
    if (n < 1 || n > 255) return fail(TFTP_ERR.OPTION_REFUSED, `timeout ${n} is outside 1-255 seconds`);
    out.timeoutMs = n * 1000;
    out.oack.push(['timeout', String(n)]);
  }
  if (o.tsize !== undefined) {
    if (!DIGITS.test(o.tsize)) return fail(TFTP_ERR.OPTION_REFUSED, `tsize "${o.tsize.slice(0, 20)}" is not a number`);
    if (req.op === 'rrq') {
      if (fileSize !== undefined) {
        out.tsize = fileSize;
        out.oack.push(['tsize', String(fileSize)]);
      }
    } else {
      const n = Number(o.tsize);
      if (n > lim.maxUploadBytes) return fail(TFTP_ERR.DISK_FULL, `the announced upload of ${n} bytes is over the limit of ${lim.maxUploadBytes}`);
      out.tsize = n;
      out.oack.push(['tsize', String(n)]);
    }
  }
  if (o.windowsize !== undefined) {
    if (!DIGITS.test(o.windowsize)) return fail(TFTP_ERR.OPTION_REFUSED, `windowsize "${o.windowsize.slice(0, 20)}" is not a number`);
    const n = Number(o.windowsize);
    if (n < 1 || n > 65535) return fail(TFTP_ERR.OPTION_REFUSED, `windowsize ${n} is outside 1-65535`);
    out.windowsize = Math.min(n, lim.maxWindowsize);
    out.oack.push(['windowsize', String(out.windowsize)]);
  }
  return { ok: true, value: out };
}

function ascii(s: string, into: number[]): void {
  for (let i = 0; i < s.length; i++) into.push(s.charCodeAt(i) & 0x7f);
  into.push(0);
}

export function encodeOack(opts: Array<[string, string]>): Uint8Array {
  const bytes: number[] = [0, OP.OACK];
  for (const [k, v] of opts) {
    ascii(k, bytes);
    ascii(v, bytes);
  }
  return Uint8Array.from(bytes);
}

export function encodeError(code: number, message: string): Uint8Array {
  const bytes: number[] = [0, OP.ERROR, (code >> 8) & 0xff, code & 0xff];
  ascii(message.slice(0, 200).replace(/[^\x20-\x7e]/g, '?'), bytes);
  return Uint8Array.from(bytes);
}

export function encodeAck(block: number): Uint8Array {
  return Uint8Array.of(0, OP.ACK, (block >> 8) & 0xff, block & 0xff);
}

export function encodeRequest(op: 'rrq' | 'wrq', filename: string, mode: TftpMode, options: Record<string, string> = {}): Uint8Array {
  const bytes: number[] = [0, op === 'rrq' ? OP.RRQ : OP.WRQ];
  ascii(filename, bytes);
  ascii(mode, bytes);
  for (const [k, v] of Object.entries(options)) {
    ascii(k, bytes);
    ascii(v, bytes);
  }
  return Uint8Array.from(bytes);
}

/** Write the 4-byte DATA header in place (hot path: no allocation). */
export function writeDataHeader(b: Uint8Array, offset: number, block: number): void {
  b[offset] = 0;
  b[offset + 1] = OP.DATA;
  b[offset + 2] = (block >> 8) & 0xff;
  b[offset + 3] = block & 0xff;
}

export function readOpcode(b: Uint8Array): number {
  return b.length >= 2 ? (b[0]! << 8) | b[1]! : -1;
}
export function readBlock(b: Uint8Array): number {
  return b.length >= 4 ? (b[2]! << 8) | b[3]! : -1;
}

export interface TftpErrorPacket {
  code: number;
  message: string;
}
export function parseError(b: Uint8Array): TftpErrorPacket | null {
  if (b.length < 4 || readOpcode(b) !== OP.ERROR) return null;
  let message = '';
  for (let i = 4; i < b.length && i < 4 + 512; i++) {
    const c = b[i]!;
    if (c === 0) break;
    message += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  return { code: readBlock(b), message };
}

export function parseOack(b: Uint8Array): Record<string, string> | null {
  if (readOpcode(b) !== OP.OACK) return null;
  const out: Record<string, string> = {};
  let pos = 2;
  while (pos < b.length) {
    const k = cstr(b, pos, 64);
    if (!k) return null;
    const v = cstr(b, k.next, 64);
    if (!v) return null;
    out[k.s.toLowerCase()] = v.s;
    pos = v.next;
  }
  return out;
}

/** Why a requested name is refused before touching the file system; null when it may be resolved. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'the file name is empty';
  if (name.length > MAX_NAME_BYTES) return 'the file name is too long';
  if (/[\x00-\x1f\x7f]/.test(name)) return 'the file name contains control characters';
  if (name.includes('\\')) return 'the file name contains a backslash';
  if (name.startsWith('/')) return 'absolute paths are not served; ask for a name inside the folder';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter paths are not served';
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return 'the file name climbs out of the folder with ".."';
  if (parts.some((p, i) => p === '' && i < parts.length - 1)) return 'the file name has an empty path segment';
  if (parts[parts.length - 1] === '' || parts[parts.length - 1] === '.') return 'the name is a folder, not a file';
  return null;
}

/**
 * Streaming netascii encoder (RFC 764 as used by RFC 1350): LF -> CR LF, CR -> CR NUL. Returns a new array.
 */
export function netasciiEncode(src: Uint8Array): Uint8Array {
  let extra = 0;
  for (let i = 0; i < src.length; i++) if (src[i] === 10 || src[i] === 13) extra++;
  const out = new Uint8Array(src.length + extra);
  let j = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 10) {
      out[j++] = 13;
      out[j++] = 10;
    } else if (c === 13) {
      out[j++] = 13;
      out[j++] = 0;
    } else out[j++] = c;
  }
  return out;
}

/** Stateful netascii decoder for uploads: CR LF -> LF, CR NUL -> CR; a CR split across blocks is carried. */
export class NetasciiDecoder {
  private pendingCr = false;
  push(src: Uint8Array): Uint8Array {
    const out = new Uint8Array(src.length + 1);
    let j = 0;
    let i = 0;
    if (this.pendingCr && src.length > 0) {
      this.pendingCr = false;
      const c = src[0]!;
      if (c === 10) out[j++] = 10;
      else if (c === 0) out[j++] = 13;
      else {
        out[j++] = 13;
        out[j++] = c;
      }
      i = 1;
    }
    for (; i < src.length; i++) {
      const c = src[i]!;
      if (c !== 13) {
        out[j++] = c;
        continue;
      }
      if (i + 1 >= src.length) {
        this.pendingCr = true;
        break;
      }
      const n = src[++i]!;
      if (n === 10) out[j++] = 10;
      else if (n === 0) out[j++] = 13;
      else {
        out[j++] = 13;
        out[j++] = n;
      }
    }
    return out.subarray(0, j);
  }
  /** Flush a trailing lone CR at end of file. */
  end(): Uint8Array {
    if (!this.pendingCr) return new Uint8Array(0);
    this.pendingCr = false;
    return Uint8Array.of(13);
  }
}
