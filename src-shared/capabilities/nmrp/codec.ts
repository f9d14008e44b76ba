/**
 * NMRP (Netgear Management Redundancy Protocol), the layer-2 protocol Netgear bootloaders recover through
 * (Ethertype 0x0912). Pure: frames in, frames out. Format from vendor-recovery-facts.md §5 (nmrpflash v0.9.25
 * nmrp.c and the GPL bootloader clients):
 *
 *   Ethernet header (dst 6, src 6, type 0x0912)
 *   NMRP header {reserved u16 = 0, code u8, id u8 = 0, length u16}   big-endian; length = 6 + options
 *   options     {type u16, length u16 (includes its 4-byte header), value}
 *
 * Routers pad frames to 60 bytes: the NMRP length is trusted, never the frame length. A parse walks each byte at
 * most once (every option consumes at least 4 bytes), so the time is linear in the frame's length.
 */

export const ETHERTYPE_NMRP = 0x0912;
export const ETH_HEADER = 14;
export const NMRP_HEADER = 6;
export const OPTION_HEADER = 4;
/** The shortest Ethernet frame without its FCS: shorter frames are padded with zeros. */
export const MIN_FRAME = 60;

export const NmrpCode = {
  ADVERTISE: 1,
  CONF_REQ: 2,
  CONF_ACK: 3,
  CLOSE_REQ: 4,
  CLOSE_ACK: 5,
  KEEP_ALIVE_REQ: 6,
  KEEP_ALIVE_ACK: 7,
  TFTP_UL_REQ: 16,
} as const;
export type NmrpCodeName = keyof typeof NmrpCode;

export const NmrpOption = {
  MAGIC: 0x0001,
  DEV_IP: 0x0002,
  DEV_REGION: 0x0004,
  FW_UP: 0x0101,
  ST_UP: 0x0102,
  FILE_NAME: 0x0181,
} as const;

/** DEV_REGION values (nmrpflash's REGION_CODE; the mt7621 bootloader also knows CA 11 and US 12). */
export const NMRP_REGIONS = { NA: 1, WW: 2, GR: 3, PR: 4, RU: 5, BZ: 6, IN: 7, KO: 8, JP: 9, AU: 10, CA: 11, US: 12 } as const;
export type NmrpRegion = keyof typeof NMRP_REGIONS;

export function codeName(code: number): string {
  for (const [k, v] of Object.entries(NmrpCode)) if (v === code) return k;
  return `code 0x${code.toString(16).padStart(2, '0')}`;
}

export interface NmrpOptionValue {
  type: number;
  value: Uint8Array;
}

export interface NmrpMessage {
  code: number;
  options: NmrpOptionValue[];
}

export interface NmrpFrame extends NmrpMessage {
  /** Destination and source MAC, lower-case aa:bb:cc:dd:ee:ff. */
  dst: string;
  src: string;
  id: number;
  /** The NMRP length field (header + options). */
  length: number;
}

export type ParseResult =
  | { ok: true; frame: NmrpFrame }
  | { ok: false; kind: 'foreign' | 'malformed'; reason: string };

export function macToString(b: Uint8Array, off = 0): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + (b[off + i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

export function macFromString(mac: string): Uint8Array {
  const m = /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i.exec(mac.trim());
  if (!m) throw new RangeError(`not a MAC address: ${mac}`);
  return Uint8Array.from(m.slice(1, 7).map((h) => parseInt(h, 16)));
}

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';

/**
 * Read one Ethernet frame. 'foreign': not NMRP at all (another Ethertype); 'malformed': NMRP but broken (short,
 * a length beyond the frame, a reserved field that is not zero — bootloaders drop those too — or an option that
 * does not fit). Bytes after the NMRP length are padding and are ignored.
 */
export function parseFrame(frame: Uint8Array): ParseResult {
  if (frame.length < ETH_HEADER) return { ok: false, kind: 'malformed', reason: `frame of ${frame.length} bytes is shorter than an Ethernet header` };
  const type = (frame[12]! << 8) | frame[13]!;
  if (type !== ETHERTYPE_NMRP) return { ok: false, kind: 'foreign', reason: `Ethertype 0x${type.toString(16).padStart(4, '0')} is not NMRP` };
  const r = parseMessage(frame.subarray(ETH_HEADER));
  if (!r.ok) return r;
  return { ok: true, frame: { dst: macToString(frame, 0), src: macToString(frame, 6), ...r.message } };
}

/** The NMRP part alone (after the Ethernet header). */
export function parseMessage(b: Uint8Array): { ok: true; message: NmrpMessage & { id: number; length: number } } | { ok: false; kind: 'malformed'; reason: string } {
  if (b.length < NMRP_HEADER) return { ok: false, kind: 'malformed', reason: `NMRP part of ${b.length} bytes is shorter than its 6-byte header` };
  const reserved = (b[0]! << 8) | b[1]!;
  if (reserved !== 0) return { ok: false, kind: 'malformed', reason: `reserved field is 0x${reserved.toString(16)}, not 0` };
  const code = b[2]!;
  const id = b[3]!;
  const length = (b[4]! << 8) | b[5]!;
  if (length < NMRP_HEADER) return { ok: false, kind: 'malformed', reason: `NMRP length ${length} is shorter than its header` };
  if (length > b.length) return { ok: false, kind: 'malformed', reason: `NMRP length ${length} is longer than the ${b.length} bytes received` };
  const options: NmrpOptionValue[] = [];
  let off = NMRP_HEADER;
  while (off < length) {
    if (length - off < OPTION_HEADER) return { ok: false, kind: 'malformed', reason: `${length - off} stray bytes after the options` };
    const type = (b[off]! << 8) | b[off + 1]!;
    const olen = (b[off + 2]! << 8) | b[off + 3]!;
    if (olen < OPTION_HEADER || olen > length - off) return { ok: false, kind: 'malformed', reason: `option 0x${type.toString(16)} has length ${olen}, outside 4…${length - off}` };
    options.push({ type, value: b.slice(off + OPTION_HEADER, off + olen) });
    off += olen;
  }
  return { ok: true, message: { code, id, length, options } };
}

export function optionOf(m: NmrpMessage, type: number): Uint8Array | undefined {
  return m.options.find((o) => o.type === type)?.value;
}

/**
 * The file name a TFTP_UL_REQ asks for (FILE_NAME, no NUL on the wire; a NUL ends it), or undefined. Only
 * printable ASCII is accepted: the name goes into a TFTP request, and a router's garbage must not.
 */
export function requestedFileName(m: NmrpMessage): string | undefined {
  const v = optionOf(m, NmrpOption.FILE_NAME);
  if (!v || v.length === 0) return undefined;
  const end = v.indexOf(0);
  const bytes = end >= 0 ? v.subarray(0, end) : v;
  if (bytes.length === 0 || bytes.length > 255) return undefined;
  let s = '';
  for (const c of bytes) {
    if (c < 0x20 || c > 0x7e) return undefined;
    s += String.fromCharCode(c);
  }
  return s;
}

/** Encode a message's NMRP part: header then options in the order given. */
export function encodeMessage(m: NmrpMessage): Uint8Array {
  let len = NMRP_HEADER;
  for (const o of m.options) len += OPTION_HEADER + o.value.length;
  if (len > 0xffff) throw new RangeError('NMRP message too long');
  const b = new Uint8Array(len);
  b[2] = m.code;
  b[4] = len >> 8;
  b[5] = len & 0xff;
  let off = NMRP_HEADER;
  for (const o of m.options) {
    const olen = OPTION_HEADER + o.value.length;
    b[off] = o.type >> 8;
    b[off + 1] = o.type & 0xff;
    b[off + 2] = olen >> 8;
    b[off + 3] = olen & 0xff;
    b.set(o.value, off + OPTION_HEADER);
    off += olen;
  }
  return b;
}

/** A whole Ethernet frame, padded with zeros to the 60-byte minimum. */
export function encodeFrame(dst: string, src: string, m: NmrpMessage): Uint8Array {
  const msg = encodeMessage(m);
  const f = new Uint8Array(Math.max(MIN_FRAME, ETH_HEADER + msg.length));
  f.set(macFromString(dst), 0);
  f.set(macFromString(src), 6);
  f[12] = ETHERTYPE_NMRP >> 8;
  f[13] = ETHERTYPE_NMRP & 0xff;
  f.set(msg, ETH_HEADER);
  return f;
}

function ipv4Bytes(ip: string): Uint8Array {
  const p = ip.split('.').map((x) => Number(x));
  if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0 || x > 255)) throw new RangeError(`not an IPv4 address: ${ip}`);
  return Uint8Array.from(p);
}

export function prefixToMask(prefix: number): string {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new RangeError(`not a prefix length: ${prefix}`);
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [m >>> 24, (m >>> 16) & 0xff, (m >>> 8) & 0xff, m & 0xff].join('.');
}

/** ADVERTISE with MAGIC 'NTGR' (sent to ff:ff:ff:ff:ff:ff). */
export function advertise(): NmrpMessage {
  return { code: NmrpCode.ADVERTISE, options: [{ type: NmrpOption.MAGIC, value: Uint8Array.from([0x4e, 0x54, 0x47, 0x52]) }] };
}

/** CONF_ACK: DEV_IP (router address and mask), FW_UP, and DEV_REGION last when a region is given. */
export function confAck(routerIp: string, mask: string, region?: NmrpRegion): NmrpMessage {
  const ip = new Uint8Array(8);
  ip.set(ipv4Bytes(routerIp), 0);
  ip.set(ipv4Bytes(mask), 4);
  const options: NmrpOptionValue[] = [
    { type: NmrpOption.DEV_IP, value: ip },
    { type: NmrpOption.FW_UP, value: new Uint8Array(0) },
  ];
  if (region !== undefined) {
    const r = NMRP_REGIONS[region];
    options.push({ type: NmrpOption.DEV_REGION, value: Uint8Array.from([r >> 8, r & 0xff]) });
  }
  return { code: NmrpCode.CONF_ACK, options };
}

export function bare(code: number): NmrpMessage {
  return { code, options: [] };
}

/** DEV_IP of a CONF_ACK as "ip/prefix" (the router's side of the protocol; tests and the stand-in read it). */
export function devIpOf(m: NmrpMessage): { ip: string; mask: string } | undefined {
  const v = optionOf(m, NmrpOption.DEV_IP);
  if (!v || v.length !== 8) return undefined;
  return { ip: Array.from(v.subarray(0, 4)).join('.'), mask: Array.from(v.subarray(4, 8)).join('.') };
}

export function regionOf(m: NmrpMessage): number | undefined {
  const v = optionOf(m, NmrpOption.DEV_REGION);
  return v && v.length === 2 ? (v[0]! << 8) | v[1]! : undefined;
}
