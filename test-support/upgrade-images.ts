/** Test images for the upgrade tests: OpenWrt sysupgrade images (tar + fwtool metadata), the Linksys-like vendor image, a 19.07-style factory image. */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { appendFwtool, armZImage, fakeSquashfs, linksysStockLike, minimalDtb, noise, openwrtMeta, tarOf } from './firmware-images';

export const sha256 = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

/** An OpenWrt sysupgrade image: sysupgrade-<board>/{CONTROL,kernel,root} + fwtool metadata (facts §3.1, §3.4). */
export function openwrtImage(o: { board: string; devices: string[]; compat?: string; version: string; kernelBytes?: number; seed?: number }): Buffer {
  const d = `sysupgrade-${o.board.replace(',', '_')}`;
  const tar = tarOf([
    { name: `${d}/`, dir: true },
    { name: `${d}/CONTROL`, data: Buffer.from(`BOARD=${o.board.replace(',', '_')}\n`) },
    { name: `${d}/kernel`, data: armZImage(noise(o.kernelBytes ?? 200_000, o.seed ?? 5)) },
    { name: `${d}/root`, data: fakeSquashfs(16384) },
  ]);
  return appendFwtool(tar, openwrtMeta({ devices: o.devices, ...(o.compat ? { compat: o.compat } : {}), version: o.version }));
}

/** An OpenWrt 19.07-style WRT32X factory image: zImage + DTB padded to 3 MB, then a UBI-like root (facts §9). */
export function factory3m(): Buffer {
  const MiB = 1024 * 1024;
  const k = Buffer.concat([armZImage(noise(300_000, 11)), minimalDtb('Linksys WRT32X', ['linksys,wrt32x', 'linksys,armada385', 'marvell,armada385'])]);
  // the UBI volume "rootfs_data" marks it as OpenWrt; one eraseblock of UBI headers is enough for the inspector
  const ubi = ubiBlock();
  return Buffer.concat([k, Buffer.alloc(3 * MiB - k.length, 0xff), ubi]);
}

/** The vendor image shape of the seed thread (tar with CONTROL BOARD=armada-385-linksys-venom), no metadata. */
export function vendorImage(): Buffer {
  return linksysStockLike();
}

function ubiBlock(): Buffer {
  const ubinize = '/usr/sbin/ubinize';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-ubi-'));
  try {
    const sq = path.join(dir, 'root.sqfs');
    fs.writeFileSync(sq, fakeSquashfs(64 * 1024));
    fs.writeFileSync(path.join(dir, 'ubi.ini'), `[rootfs]\nmode=ubi\nvol_id=0\nvol_type=dynamic\nvol_name=rootfs\nimage=${sq}\n\n[rootfs_data]\nmode=ubi\nvol_id=1\nvol_type=dynamic\nvol_name=rootfs_data\nvol_size=1MiB\nvol_flags=autoresize\n`);
    execFileSync(ubinize, ['-o', path.join(dir, 'root.ubi'), '-p', String(128 * 1024), '-m', '2048', path.join(dir, 'ubi.ini')]);
    return fs.readFileSync(path.join(dir, 'root.ubi'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
