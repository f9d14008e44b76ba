/**
 * Is this file something a Netgear bootloader takes over NMRP? NMRP itself carries no board identity, so the
 * image is the only place that says which router it is for (vendor-recovery-facts §5). Two formats:
 *
 *   .chk      Netgear's header (magic 2a 23 24 5e) with a board id such as U12H270T00_NETGEAR (the R7000) and a
 *             region byte (1 = worldwide, 2 = North America); parsed by the firmware inspector (netgear-chk).
 *   DNI .img  Delta Networks' 128-byte text header "device:R7800\nversion:V1.0.2.94\nregion:\nhd_id:…\n", NUL
 *             padded, then the body, then one checksum byte: 0xff minus the byte sum of header and body, so the
 *             sum of every byte of the file is 0xff (OpenWrt tools/firmware-utils/src/mkdniimg.c). R7800
 *             factory images are these (OpenWrt target/linux/ipq806x/image/generic.mk: NETGEAR_BOARD_ID R7800).
 */

export const DNI_HEADER = 128;

export interface DniHeader {
  device: string;
  version: string;
  region: string;
  hdId?: string;
}

/** The DNI text header, or undefined when the first bytes are not one. */
export function parseDniHeader(head: Uint8Array): DniHeader | undefined {
  if (head.length < DNI_HEADER) return undefined;
  let text = '';
  for (let i = 0; i < DNI_HEADER; i++) {
    const c = head[i]!;
    if (c === 0) break;
    if (c !== 0x0a && (c < 0x20 || c > 0x7e)) return undefined;
    text += String.fromCharCode(c);
  }
  if (!text.startsWith('device:')) return undefined;
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) fields[line.slice(0, i)] = line.slice(i + 1);
  }
  if (!fields.device || fields.version === undefined) return undefined;
  const h: DniHeader = { device: fields.device, version: fields.version, region: fields.region ?? '' };
  if (fields.hd_id) h.hdId = fields.hd_id;
  return h;
}

/** Add bytes to a running DNI byte sum (mod 256). A whole intact DNI file sums to 0xff. */
export function dniSum(sum: number, chunk: Uint8Array): number {
  let s = sum;
  for (let i = 0; i < chunk.length; i++) s += chunk[i]!;
  return s & 0xff;
}

/** The .chk region byte in words (it numbers the other way from NMRP's DEV_REGION: 1 = worldwide, 2 = North America). */
export function chkRegionWords(code: number | undefined): string | undefined {
  if (code === 1) return 'worldwide';
  if (code === 2) return 'North America';
  return code === undefined ? undefined : `region code ${code}`;
}

/** Blocks a TFTP upload of `size` bytes takes at `blksize` (the last one may be empty: size is a multiple). */
export function tftpBlocks(size: number, blksize: number): number {
  return Math.floor(size / blksize) + 1;
}

/** The largest block number a TFTP transfer reaches without wrapping around. */
export const TFTP_MAX_BLOCK = 65535;
