/**
 * The firmware files a learner uses with the practice router, made by Rescue Bench (decision 0099). They are
 * small, say PRACTICE in their name and inside, and are built the same byte for byte every time, so their
 * SHA-256 can stand in Rescue Bench's list of known images as a practice entry (never a real maker's hash).
 *
 *   FW_WRT32X_1.0.0.0_PRACTICE.img — shaped like the Linksys file (a sysupgrade tar: CONTROL BOARD=armada-385-
 *   linksys-venom, kernel, root; no OpenWrt metadata), so the router's sysupgrade refuses it unless forced, as it
 *   refuses the real one, and the practice router starts "vendor firmware" from it.
 *   openwrt-19.07.10-practice-wrt32x-sysupgrade.bin — an OpenWrt sysupgrade image for the same board, with the
 *   fwtool metadata trailer (facts §3.1), to go the other way.
 *   openwrt-23.05.5-practice-archer-c7-v2-squashfs-factory.bin — a TP-Link v1 header (hardware 0xc7000002, boot
 *   length 0, md5 with the normal salt: mktplinkfw.c) around an OpenWrt uImage, for the maker's TFTP recovery.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRACTICE_IMAGES } from '../../../src-shared/capabilities/practice';
import { crc32 } from '../../../src-shared/capabilities/uboot';
import { TPLINK_SALT_NORMAL } from '../../../src-shared/capabilities/firmware';

/** A legacy U-Boot image (uImage): 64-byte header with its CRCs, then the data. */
export function uImage(name: string, data: Buffer): Buffer {
  const h = Buffer.alloc(64);
  h.writeUInt32BE(0x27051956, 0);
  h.writeUInt32BE(0, 8); // time: 0, so the file is the same every time
  h.writeUInt32BE(data.length, 12);
  h.writeUInt32BE(0x00008000, 16);
  h.writeUInt32BE(0x00008000, 20);
  h.writeUInt32BE(crc32(data), 24);
  h.writeUInt8(5, 28); // os: Linux
  h.writeUInt8(2, 29); // arch: ARM
  h.writeUInt8(2, 30); // type: kernel
  h.writeUInt8(0, 31); // no compression
  h.write(name.slice(0, 31), 32, 'latin1');
  h.writeUInt32BE(crc32(h), 4);
  return Buffer.concat([h, data]);
}

/** The name inside a uImage header ("OpenWrt 19.07.10 …" or the maker's). */
export function uImageName(b: Buffer): string | undefined {
  if (b.length < 64 || b.readUInt32BE(0) !== 0x27051956) return undefined;
  return b.subarray(32, 64).toString('latin1').replace(/\0.*$/s, '');
}

/** A plain ustar archive (owner 0/0, time 0, sorted as sysupgrade-tar.sh writes it). */
export function tar(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const dirs = [...new Set(files.map((f) => f.name.split('/')[0]! + '/'))];
  const entry = (name: string, data: Buffer | undefined): void => {
    const h = Buffer.alloc(512);
    h.write(name, 0, 100, 'latin1');
    h.write(data ? '0000644\0' : '0000755\0', 100, 'latin1');
    h.write('0000000\0', 108, 'latin1');
    h.write('0000000\0', 116, 'latin1');
    h.write((data?.length ?? 0).toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    h.write('00000000000\0', 136, 'latin1');
    h.write('        ', 148, 'latin1');
    h.write(data ? '0' : '5', 156, 'latin1');
    h.write('ustar\0', 257, 'latin1');
    h.write('00', 263, 'latin1');
    h.write('root', 265, 'latin1');
    h.write('root', 297, 'latin1');
    let sum = 0;
    for (const x of h) sum += x;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    parts.push(h);
    if (data) parts.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  };
  for (const d of dirs) entry(d, undefined);
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) entry(f.name, f.data);
  parts.push(Buffer.alloc(1024));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, Buffer.alloc((10240 - (body.length % 10240)) % 10240)]);
}

/** The fwtool metadata block (facts §3.1): header, JSON, trailer "FWx0" with the raw CRC register. */
export function withFwtoolMetadata(image: Buffer, meta: Record<string, unknown>): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const head = Buffer.alloc(8);
  const size = 8 + json.length + 16;
  const body = Buffer.concat([image, head, json]);
  const trailer = Buffer.alloc(16);
  trailer.writeUInt32BE(0x46577830, 0);
  trailer.writeUInt32BE((crc32(body) ^ 0xffffffff) >>> 0, 4);
  trailer.writeUInt8(1, 8);
  trailer.writeUInt32BE(size, 12);
  return Buffer.concat([body, trailer]);
}

/** Filler that reads as what it is, so a learner who opens the file sees it is practice. */
function filler(label: string, bytes: number): Buffer {
  const line = Buffer.from(`${label} — made by Rescue Bench for the practice router, not real firmware.\n`);
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / line.length) }, () => line)).subarray(0, bytes);
}

export function practiceVendorImage(): Buffer {
  const dir = 'sysupgrade-armada-385-linksys-venom';
  return tar([
    { name: `${dir}/CONTROL`, data: Buffer.from('BOARD=armada-385-linksys-venom\n') },
    { name: `${dir}/kernel`, data: uImage('Linksys WRT32X 1.0.0.0 PRACTICE', filler('PRACTICE Linksys-style kernel', 48 * 1024)) },
    { name: `${dir}/root`, data: filler('PRACTICE Linksys-style root file system', 32 * 1024) },
  ]);
}

export function practiceOpenwrtImage(): Buffer {
  const dir = 'sysupgrade-linksys_wrt32x';
  const body = tar([
    { name: `${dir}/CONTROL`, data: Buffer.from('BOARD=linksys,wrt32x\n') },
    { name: `${dir}/kernel`, data: uImage('OpenWrt 19.07.10 PRACTICE', filler('PRACTICE OpenWrt kernel', 40 * 1024)) },
    { name: `${dir}/root`, data: filler('PRACTICE OpenWrt root file system', 24 * 1024) },
  ]);
  return withFwtoolMetadata(body, {
    metadata_version: '1.1',
    compat_version: '1.0',
    supported_devices: ['linksys,wrt32x', 'linksys,venom'],
    version: { dist: 'OpenWrt', version: '19.07.10', revision: 'r11427-practice', target: 'mvebu/cortexa9', board: 'linksys_wrt32x' },
  });
}

/** A TP-Link v1 firmware header (0x200 bytes) around kernel + root, as mktplinkfw.c writes it. */
export function practiceTplinkImage(): Buffer {
  const kernel = uImage('OpenWrt 23.05.5 PRACTICE', filler('PRACTICE OpenWrt kernel for the TP-Link recovery', 40 * 1024));
  const root = filler('PRACTICE OpenWrt root file system', 24 * 1024);
  const h = Buffer.alloc(0x200);
  h.writeUInt32BE(1, 0);
  h.write('OpenWrt', 4, 'latin1');
  h.write('ver. 1.0 PRACTICE', 0x1c, 'latin1');
  h.writeUInt32BE(0xc7000002, 0x40);
  h.writeUInt32BE(1, 0x44);
  h.writeUInt32BE(0x80060000, 0x70);
  h.writeUInt32BE(0x80060000, 0x74);
  const total = 0x200 + kernel.length + root.length;
  h.writeUInt32BE(total, 0x7c);
  h.writeUInt32BE(0x200, 0x80);
  h.writeUInt32BE(kernel.length, 0x84);
  h.writeUInt32BE(0x200 + kernel.length, 0x88);
  h.writeUInt32BE(root.length, 0x8c);
  h.writeUInt32BE(0, 0x90);
  h.writeUInt32BE(0, 0x94);
  Buffer.from(TPLINK_SALT_NORMAL).copy(h, 0x4c);
  const md5 = crypto.createHash('md5').update(h).update(kernel).update(root).digest();
  md5.copy(h, 0x4c);
  return Buffer.concat([h, kernel, root]);
}

const MAKERS: Record<string, () => Buffer> = { vendor: practiceVendorImage, openwrt: practiceOpenwrtImage, tplink: practiceTplinkImage };

/**
 * Write the practice images into <data>/practice/images/ (again when one is missing or changed) and return
 * their paths. No FILE.sha256 beside them: the return-to-stock check finds them in the known-images list, as a
 * learner's real Linksys file would be found there.
 */
export function ensurePracticeImages(dataDir: string): { vendor: string; openwrt: string; tplink: string } {
  const dir = path.join(dataDir, 'practice', 'images');
  fs.mkdirSync(dir, { recursive: true });
  const out = {} as { vendor: string; openwrt: string; tplink: string };
  for (const img of PRACTICE_IMAGES) {
    const file = path.join(dir, img.file);
    let ok = false;
    try {
      ok = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') === img.sha256;
    } catch {
      ok = false;
    }
    if (!ok) {
      const data = MAKERS[img.role]!();
      fs.writeFileSync(file, data);
    }
    out[img.role] = file;
  }
  return out;
}
