/**
 * Vendor images for the recovery tests, written from the published layouts (facts §7.5, mktplinkfw.c;
 * mkfwimage.c), independent of the parser under test.
 */
import { noise, tplinkV1 } from './firmware-images';

/** A TP-Link firmware with its own v1 header (what an OpenWrt factory image looks like: boot length 0). */
export function tplinkFactory(hwId: number, kernelLen = 64 * 1024, rootLen = 192 * 1024, seed = 3): Buffer {
  return tplinkV1(noise(kernelLen, seed), noise(rootLen, seed + 1), hwId, 'ver. 1.0.0 Build 150101');
}

/**
 * A stock "up_boot" image: an outer v1 header whose boot length (0x94) is not 0, the bootloader, then the
 * firmware with its own header (TP-Link's layout; the wiki cuts it with `dd bs=512 skip=257` for 128 KiB).
 */
export function tplinkUpBoot(hwId: number, firmware: Buffer, bootLen = 0x20000, outerHwId = hwId): Buffer {
  const outer = Buffer.alloc(0x200);
  outer.writeUInt32BE(1, 0);
  outer.write('TP-LINK Technologies', 4, 'latin1');
  outer.write('ver. 1.0.0 Build 150101', 0x1c, 'latin1');
  outer.writeUInt32BE(outerHwId, 0x40);
  outer.writeUInt32BE(1, 0x44);
  outer.writeUInt32BE(0x200 + bootLen + firmware.length, 0x7c);
  outer.writeUInt32BE(0x200 + bootLen, 0x80);
  outer.writeUInt32BE(0, 0x84);
  outer.writeUInt32BE(0, 0x90);
  outer.writeUInt32BE(bootLen, 0x94);
  const boot = Buffer.alloc(bootLen, 0);
  Buffer.from('U-Boot 1.1.4 (TP-Link)').copy(boot, 0x100);
  return Buffer.concat([outer, boot, firmware]);
}

/** A Ubiquiti firmware file's start: "UBNT", the version string (256 bytes), then data (mkfwimage.c). */
export function ubntImage(version: string, bodyLen = 128 * 1024): Buffer {
  const hdr = Buffer.alloc(4 + 256 + 8);
  hdr.write('UBNT', 0, 'latin1');
  hdr.write(version, 4, 'latin1');
  return Buffer.concat([hdr, noise(bodyLen, 9)]);
}
