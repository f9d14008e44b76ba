/**
 * Firmware images for tests, built at test time: real Debian tools (mkimage, mksquashfs, ubinize, mkfs.jffs2,
 * tar) where they exist, and small writers of our own for the formats no Debian package writes (fwtool
 * trailer, TRX, TP-Link v1, Netgear .chk, Seama, Linksys trailer), written from the published layouts
 * (facts §3.1 and §7) — independent of the parsers under test (CRCs come from zlib, hashes from node:crypto).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export const TOOLS = ['mkimage', 'mksquashfs', 'ubinize', 'mkfs.jffs2', 'tar', 'binwalk'] as const;

export function haveTool(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    if (dir && fs.existsSync(path.join(dir, name))) return true;
  }
  return false;
}
export function toolPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  return name;
}

export function run(tool: string, args: string[], cwd?: string): string {
  return execFileSync(toolPath(tool), args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).toString();
}

export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rb-img-${tag}-`));
}

/** Deterministic pseudo-random bytes (incompressible, like a compressed kernel). */
export function noise(len: number, seed = 1): Buffer {
  const out = Buffer.alloc(len);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < len; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const be32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
/** Raw CRC register seeded 0xFFFFFFFF, no final inversion (fwtool, TRX, UBI). */
export const crcRawFF = (data: Uint8Array, seedRaw = 0xffffffff) => ~zlib.crc32(data, ~seedRaw >>> 0) >>> 0;

/** A synthetic ARM zImage: NOP start, magic at 0x24, start/end at 0x28/0x2C, then `body`. */
export function armZImage(body: Buffer): Buffer {
  const hdr = Buffer.alloc(0x30);
  for (let i = 0; i < 8; i++) hdr.writeUInt32BE(0x0000a0e1, i * 4);
  hdr.writeUInt32LE(0x016f2818, 0x24);
  hdr.writeUInt32LE(0, 0x28);
  hdr.writeUInt32LE(0x30 + 4 + body.length, 0x2c);
  return Buffer.concat([hdr, le32(0x04030201), body]);
}

// ------------------------------------------------------------------ fwtool (facts §3.1)
export function fwtoolMetadata(meta: object): Record<string, unknown> {
  return meta as Record<string, unknown>;
}
export function appendFwtool(image: Buffer, meta: object, signature?: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const header = Buffer.concat([be32(0), be32(0)]);
  const size = 8 + json.length + 16;
  const before = Buffer.concat([image, header, json]);
  const crc = crcRawFF(before);
  const trailer = Buffer.concat([be32(0x46577830), be32(crc), Buffer.from([1, 0, 0, 0]), be32(size)]);
  let out = Buffer.concat([before, trailer]);
  if (signature) {
    const sigCrc = crcRawFF(Buffer.concat([trailer, signature]), crc);
    const st = Buffer.concat([be32(0x46577830), be32(sigCrc), Buffer.from([0, 0, 0, 0]), be32(signature.length + 16)]);
    out = Buffer.concat([out, signature, st]);
  }
  return out;
}

export function openwrtMeta(opts: { devices: string[]; compat?: string; version?: string; message?: string }): object {
  const compat = opts.compat ?? '1.0';
  const m: Record<string, unknown> = { metadata_version: '1.1', compat_version: compat };
  if (opts.message) m.compat_message = opts.message;
  if (compat === '1.0') m.supported_devices = opts.devices;
  else {
    m.new_supported_devices = opts.devices;
    m.supported_devices = ['Image version mismatch: image ' + compat + ', device 1.0. Please wipe config during upgrade (force required) or reinstall.'];
  }
  m.version = { dist: 'OpenWrt', version: opts.version ?? '24.10.4', revision: 'r28959-29397011cc', target: 'mvebu/cortexa9', board: opts.devices[0]!.replace(',', '_') };
  return m;
}

// ------------------------------------------------------------------ TRX (facts §7.4, otrx.c)
export function trxImage(parts: Buffer[]): Buffer {
  const hdrLen = 28;
  const offsets: number[] = [];
  let pos = hdrLen;
  const bodies: Buffer[] = [];
  for (const p of parts) {
    offsets.push(pos);
    const padded = Buffer.concat([p, Buffer.alloc((4 - (p.length % 4)) % 4)]);
    bodies.push(padded);
    pos += padded.length;
  }
  while (offsets.length < 3) offsets.push(0);
  let total = Buffer.concat(bodies);
  const len = Math.ceil((hdrLen + total.length) / 0x1000) * 0x1000;
  total = Buffer.concat([total, Buffer.alloc(len - hdrLen - total.length)]);
  const tail = Buffer.concat([Buffer.from([0, 0]), Buffer.from([1, 0]), ...offsets.map(le32), total]); // flags, version 1
  const crc = crcRawFF(tail);
  return Buffer.concat([Buffer.from('HDR0'), le32(len), le32(crc), tail]);
}

// ------------------------------------------------------------------ TP-Link v1 (facts §7.5, mktplinkfw.c)
export const TPLINK_SALT = Buffer.from('dcd73aa5c39598fbddf9e7f40eae4738', 'hex');
export function tplinkV1(kernel: Buffer, rootfs: Buffer, hwId: number, fwVersion = 'ver. 1.0'): Buffer {
  const hdr = Buffer.alloc(0x200);
  hdr.writeUInt32BE(1, 0);
  hdr.write('TP-LINK Technologies', 4, 'latin1');
  hdr.write(fwVersion, 0x1c, 'latin1');
  hdr.writeUInt32BE(hwId, 0x40);
  hdr.writeUInt32BE(1, 0x44);
  const kOff = 0x200;
  const rOff = kOff + kernel.length;
  const total = rOff + rootfs.length;
  hdr.writeUInt32BE(0x80060000, 0x74);
  hdr.writeUInt32BE(0x80060000, 0x78);
  hdr.writeUInt32BE(total, 0x7c);
  hdr.writeUInt32BE(kOff, 0x80);
  hdr.writeUInt32BE(kernel.length, 0x84);
  hdr.writeUInt32BE(rOff, 0x88);
  hdr.writeUInt32BE(rootfs.length, 0x8c);
  TPLINK_SALT.copy(hdr, 0x4c);
  const img = Buffer.concat([hdr, kernel, rootfs]);
  crypto.createHash('md5').update(img).digest().copy(img, 0x4c);
  return img;
}

// ------------------------------------------------------------------ Netgear .chk (facts §7.6, mkchkimg.c)
export function netgearSum(bufs: Buffer[]): number {
  let c0 = 0;
  let c1 = 0;
  for (const b of bufs)
    for (const x of b) {
      c0 = (c0 + x) >>> 0;
      c1 = (c1 + c0) >>> 0;
    }
  let t = (c0 & 0xffff) + (c0 >>> 16);
  c0 = ((t >>> 16) + t) & 0xffff;
  t = (c1 & 0xffff) + (c1 >>> 16);
  c1 = ((t >>> 16) + t) & 0xffff;
  return ((c1 << 16) | c0) >>> 0;
}
export function netgearChk(kernel: Buffer, rootfs: Buffer, boardId: string): Buffer {
  const id = Buffer.from(boardId, 'latin1');
  const hdr = Buffer.alloc(40 + id.length);
  hdr.write('*#$^', 0, 'latin1');
  hdr.writeUInt32BE(hdr.length, 4);
  Buffer.from([1, 1, 0, 2, 14, 0, 0, 0]).copy(hdr, 8);
  hdr.writeUInt32BE(netgearSum([kernel]), 0x10);
  hdr.writeUInt32BE(rootfs.length ? netgearSum([rootfs]) : 0, 0x14);
  hdr.writeUInt32BE(kernel.length, 0x18);
  hdr.writeUInt32BE(rootfs.length, 0x1c);
  hdr.writeUInt32BE(netgearSum([kernel, rootfs]), 0x20);
  id.copy(hdr, 40);
  hdr.writeUInt32BE(netgearSum([hdr]), 0x24);
  return Buffer.concat([hdr, kernel, rootfs]);
}

// ------------------------------------------------------------------ Seama (facts §7, oseama.c)
export function seamaEntity(image: Buffer, meta: string[]): Buffer {
  let m = Buffer.from(meta.join('\0') + '\0', 'latin1');
  m = Buffer.concat([m, Buffer.alloc((4 - (m.length % 4)) % 4)]);
  const hdr = Buffer.alloc(28);
  hdr.writeUInt32BE(0x5ea3a417, 0);
  hdr.writeUInt16BE(m.length, 6);
  hdr.writeUInt32BE(image.length, 8);
  crypto.createHash('md5').update(image).digest().copy(hdr, 12);
  return Buffer.concat([hdr, m, image]);
}
export function seamaSeal(entity: Buffer, signature: string): Buffer {
  let m = Buffer.from(`signature=${signature}\0`, 'latin1');
  m = Buffer.concat([m, Buffer.alloc((4 - (m.length % 4)) % 4)]);
  const hdr = Buffer.alloc(12);
  hdr.writeUInt32BE(0x5ea3a417, 0);
  hdr.writeUInt16BE(m.length, 6);
  hdr.writeUInt32BE(entity.length, 8);
  return Buffer.concat([hdr, m, entity]);
}

// ------------------------------------------------------------------ Linksys factory trailer (facts §7)
/** POSIX cksum computed by the real `cksum` tool (coreutils). */
export function cksumOf(file: string): number {
  return Number(run('cksum', [file]).split(' ')[0]);
}
export function linksysTrailer(image: Buffer, device: string, dir: string): Buffer {
  const f = path.join(dir, 'linksys-body.bin');
  fs.writeFileSync(f, image);
  const crc = cksumOf(f).toString(16).toUpperCase().padStart(8, '0');
  const t = Buffer.alloc(256);
  t.write('.LINKSYS.', 0, 'latin1');
  t.write('01000409', 9, 'latin1');
  t.write(device.padEnd(15, ' ').slice(0, 15), 17, 'latin1');
  t.write(crc, 32, 'latin1');
  t.write('0'.padEnd(8, ' '), 40, 'latin1');
  t.write('K0000000F0246434', 48, 'latin1');
  return Buffer.concat([image, t]);
}

// ------------------------------------------------------------------ real tools
export function makeRootDir(dir: string, files = 20, seed = 7): string {
  const root = path.join(dir, 'rootdir');
  fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
  fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc', 'openwrt_release'), "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='24.10.4'\n");
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(root, 'bin', `tool${i}`), noise(4096 + i * 97, seed + i));
  return root;
}

export function mksquashfs(dir: string, comp: 'xz' | 'gzip', name = `root-${comp}.sqfs`, rootDir?: string): string {
  const out = path.join(dir, name);
  run('mksquashfs', [rootDir ?? makeRootDir(dir), out, '-comp', comp, '-noappend', '-all-root', '-quiet', '-no-progress']);
  return out;
}

export function mkimageLegacy(dir: string, payload: string, opts: { type?: string; comp?: string; name?: string; arch?: string; out?: string } = {}): string {
  const out = path.join(dir, opts.out ?? 'uImage');
  run('mkimage', ['-A', opts.arch ?? 'arm', '-O', 'linux', '-T', opts.type ?? 'kernel', '-C', opts.comp ?? 'none', '-a', '0x8000', '-e', '0x8000', '-n', opts.name ?? 'ARM OpenWrt Linux-6.6', '-d', payload, out]);
  return out;
}
export function mkimageMulti(dir: string, parts: string[]): string {
  const out = path.join(dir, 'multi.uImage');
  run('mkimage', ['-A', 'mips', '-O', 'linux', '-T', 'multi', '-C', 'none', '-a', '0x80060000', '-e', '0x80060000', '-n', 'multi test', '-d', parts.join(':'), out]);
  return out;
}
export function mkimageFit(dir: string, kernel: string, external: boolean): string {
  const out = path.join(dir, external ? 'fit-ext.itb' : 'fit.itb');
  const args = ['-f', 'auto', '-A', 'arm', '-O', 'linux', '-T', 'kernel', '-C', 'none', '-a', '0x8000', '-e', '0x8000', '-n', 'OpenWrt FIT', '-d', kernel];
  if (external) args.push('-E', '-B', '0x1000');
  run('mkimage', [...args, out]);
  return out;
}

export function ubinize(dir: string, squashfsFile: string, opts: { peb?: number; page?: number } = {}): string {
  const ini = path.join(dir, 'ubi.ini');
  fs.writeFileSync(
    ini,
    `[rootfs]\nmode=ubi\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\nimage=${squashfsFile}\n\n[rootfs_data]\nmode=ubi\nvol_id=1\nvol_type=dynamic\nvol_name=rootfs_data\nvol_size=1MiB\nvol_flags=autoresize\n`,
  );
  const out = path.join(dir, 'root.ubi');
  run('ubinize', ['-o', out, '-p', String(opts.peb ?? 128 * 1024), '-m', String(opts.page ?? 2048), ini]);
  return out;
}

export function mkfsJffs2(dir: string, endian: 'l' | 'b' = 'l'): string {
  const out = path.join(dir, `fs-${endian}.jffs2`);
  run('mkfs.jffs2', [`-${endian}`, '-e', '64KiB', '-r', makeRootDir(dir, 4, 3), '-o', out]);
  return out;
}

/** A sysupgrade-style tar (facts §3.4): sysupgrade-<board>/{CONTROL,kernel,root}, sorted, owner 0/0. */
export function sysupgradeTar(dir: string, board: string, kernel: string, root: string, out = 'sysupgrade.tar'): string {
  const top = path.join(dir, 'tarsrc');
  const sub = path.join(top, `sysupgrade-${board}`);
  fs.rmSync(top, { recursive: true, force: true });
  fs.mkdirSync(sub, { recursive: true });
  fs.writeFileSync(path.join(sub, 'CONTROL'), `BOARD=${board}\n`);
  fs.copyFileSync(kernel, path.join(sub, 'kernel'));
  fs.copyFileSync(root, path.join(sub, 'root'));
  const file = path.join(dir, out);
  run('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@1700000000', '-cf', file, '-C', top, `sysupgrade-${board}`]);
  return file;
}

export interface BinwalkHit {
  offset: number;
  description: string;
}
/** Debian's binwalk signature scan (no extraction). */
export function binwalk(file: string): BinwalkHit[] {
  const out = run('binwalk', [file]);
  const hits: BinwalkHit[] = [];
  for (const line of out.split('\n')) {
    const m = /^(\d+)\s+0x[0-9A-F]+\s+(.*)$/.exec(line.trim());
    if (m) hits.push({ offset: Number(m[1]), description: m[2]! });
  }
  return hits;
}

/** A legacy uImage written by hand (same layout mkimage writes; facts §7.1), for tests without u-boot-tools. */
export function uimageOf(payload: Buffer, opts: { type?: number; comp?: number; name?: string } = {}): Buffer {
  const h = Buffer.alloc(64);
  h.writeUInt32BE(0x27051956, 0);
  h.writeUInt32BE(1700000000, 8);
  h.writeUInt32BE(payload.length, 12);
  h.writeUInt32BE(0x8000, 16);
  h.writeUInt32BE(0x8000, 20);
  h.writeUInt32BE(zlib.crc32(payload) >>> 0, 24);
  h[28] = 5;
  h[29] = 2;
  h[30] = opts.type ?? 2;
  h[31] = opts.comp ?? 0;
  h.write(opts.name ?? 'ARM OpenWrt Linux', 32, 'latin1');
  h.writeUInt32BE(zlib.crc32(h) >>> 0, 4);
  return Buffer.concat([h, payload]);
}

/** A small valid squashfs superblock followed by noise (no mksquashfs needed). */
export function fakeSquashfs(len = 4096, comp = 4): Buffer {
  const b = Buffer.alloc(len);
  b.write('hsqs', 0, 'latin1');
  b.writeUInt32LE(3, 4);
  b.writeUInt32LE(1700000000, 8);
  b.writeUInt32LE(131072, 12);
  b.writeUInt16LE(comp, 20);
  b.writeUInt16LE(17, 22);
  b.writeUInt16LE(4, 28);
  b.writeBigUInt64LE(BigInt(len), 40);
  for (let i = 0; i < 6; i++) b.writeBigUInt64LE(BigInt(len - 64), 48 + i * 8);
  noise(len - 96, 3).copy(b, 96);
  return b;
}

/** A ustar archive written by hand (POSIX layout), for unit tests that must not depend on GNU tar. */
export function tarOf(entries: { name: string; data?: Buffer; dir?: boolean; owner?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'latin1');
    h.write(e.dir ? '0000755\0' : '0000644\0', 100, 'latin1');
    h.write('0000000\0', 108, 'latin1');
    h.write('0000000\0', 116, 'latin1');
    const size = e.dir ? 0 : (e.data?.length ?? 0);
    h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    h.write((1509830100).toString(8).padStart(11, '0') + '\0', 136, 'latin1');
    h.write('        ', 148, 'latin1');
    h.write(e.dir ? '5' : '0', 156, 'latin1');
    h.write('ustar\0', 257, 'latin1');
    h.write('00', 263, 'latin1');
    h.write(e.owner ?? 'root', 265, 'latin1');
    h.write(e.owner ?? 'root', 297, 'latin1');
    let sum = 0;
    for (const x of h) sum += x;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    blocks.push(h);
    if (size) blocks.push(e.data!, Buffer.alloc((512 - (size % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const all = Buffer.concat(blocks);
  return Buffer.concat([all, Buffer.alloc((10240 - (all.length % 10240)) % 10240)]);
}

/** The shape of the Linksys WRT32X stock image as the seed thread's binwalk/tar listing shows it. */
export function linksysStockLike(): Buffer {
  const d = 'sysupgrade-armada-385-linksys-venom';
  return tarOf([
    { name: `${d}/`, dir: true, owner: 'jenkins' },
    { name: `${d}/CONTROL`, data: Buffer.from('BOARD=armada-385-linksys-venom\n'), owner: 'jenkins' },
    { name: `${d}/root`, data: fakeSquashfs(8192), owner: 'jenkins' },
    { name: `${d}/kernel`, data: armZImage(noise(20000, 21)), owner: 'jenkins' },
  ]);
}

/** A minimal flattened device tree (DT spec v17): a root node with `model` and optionally `compatible`. */
export function minimalDtb(model: string, compatible?: string[]): Buffer {
  const pad4 = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const props: Buffer[] = [];
  let strings = Buffer.alloc(0);
  const prop = (name: string, value: Buffer) => {
    props.push(u32(3), u32(value.length), u32(strings.length), pad4(value));
    strings = Buffer.concat([strings, Buffer.from(name + '\0', 'latin1')]);
  };
  prop('model', Buffer.from(model + '\0', 'latin1'));
  if (compatible) prop('compatible', Buffer.from(compatible.join('\0') + '\0', 'latin1'));
  const struct = Buffer.concat([u32(1), Buffer.alloc(4), ...props, u32(2), u32(9)]);
  const offStruct = 40 + 16;
  const offStrings = offStruct + struct.length;
  const total = offStrings + strings.length;
  const hdr = Buffer.concat([u32(0xd00dfeed), u32(total), u32(offStruct), u32(offStrings), u32(40), u32(17), u32(16), u32(0), u32(strings.length), u32(struct.length)]);
  return Buffer.concat([hdr, Buffer.alloc(16), struct, strings]);
}

/**
 * One small image of each container the inspector knows, built from the same kernel and squashfs (the corpus
 * the hostile-input and the catalogue-sentence tests both start from). `kernel` and `sq` are returned for tests
 * that build more from them.
 */
export function sampleImages(): { kernel: Buffer; sq: Buffer; images: Record<string, Buffer> } {
  const kernel = armZImage(noise(1500, 5));
  const sq = fakeSquashfs(1024);
  const meta = openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' });
  return {
    kernel,
    sq,
    images: {
      uimageFwtool: appendFwtool(Buffer.concat([uimageOf(kernel), sq]), meta),
      multi: uimageOf(Buffer.concat([Buffer.from([0, 0, 0x05, 0xdc, 0, 0, 0x04, 0, 0, 0, 0, 0]), noise(1500, 2), sq]), { type: 4 }),
      trx: trxImage([uimageOf(kernel), sq]),
      tplink: tplinkV1(uimageOf(kernel), sq, 0xc7000002),
      chk: netgearChk(trxImage([kernel, sq]), Buffer.alloc(0), 'U12H270T00_NETGEAR'),
      seama: seamaSeal(seamaEntity(uimageOf(kernel), ['type=firmware']), 'wrgac01'),
      signed: appendFwtool(uimageOf(kernel), meta, noise(64, 8)),
    },
  };
}

/**
 * A Linksys WRT32X's two firmware slots as the router reports them: each kernel partition with its rootfs inside,
 * 6 MiB of kernel before the rootfs, and the older layout with 3 MiB (rootfs partitions larger); with the message
 * OpenWrt's images carry about that change.
 */
export const WRT32X_6M = [
  { name: 'kernel1', size: 0x7b00000 },
  { name: 'rootfs1', size: 0x7500000 },
  { name: 'kernel2', size: 0x7b00000 },
  { name: 'rootfs2', size: 0x7500000 },
];
export const WRT32X_3M = WRT32X_6M.map((p) => (p.name.startsWith('rootfs') ? { ...p, size: 0x7800000 } : p));
export const WRT32X_MIGRATION_MSG = 'Partition design has changed compared to older versions (up to 19.07) due to kernel size restrictions.';

/** An OpenWrt sysupgrade image (tar with CONTROL, kernel, root, and fwtool metadata) for the given boards. */
export function openwrtSysupgradeImage(devices: string[], compat: string, kernelBytes = 20000, message?: string): Buffer {
  const d = `sysupgrade-${devices[0]!.replace(',', '_')}`;
  const tar = tarOf([
    { name: `${d}/CONTROL`, data: Buffer.from(`BOARD=${devices[0]!.replace(',', '_')}\n`) },
    { name: `${d}/kernel`, data: armZImage(noise(kernelBytes, 2)) },
    { name: `${d}/root`, data: fakeSquashfs(8192) },
  ]);
  return appendFwtool(tar, openwrtMeta({ devices, compat, ...(message ? { message } : {}) }));
}
