/**
 * The image inspector against images built at test time by real Debian tools (u-boot-tools mkimage,
 * squashfs-tools, mtd-utils ubinize/mkfs.jffs2, GNU tar), cross-checked with Debian's binwalk on the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { inspectBytes, flattenFormats, type FlatFormat } from '../../../src-shared/capabilities/firmware/image/inspect';
import { nodeDigests } from '../../../src-main/capabilities/firmware/digests';
import { identifyImage } from '../../../src-shared/capabilities/firmware/identify';
import { verdictFor } from '../../../src-shared/capabilities/firmware/verdict';
import { reportSkip } from '../../../test-support/netns';
import * as W from '../../../test-support/firmware-images';
import type { Structure } from '../../../src-shared/capabilities/firmware/image/types';
import { sayImage, sizedValues } from '../../../src-shared/capabilities/firmware/image/words';
import { english, loadCatalog, translator, type MessageId } from '../../../src-shared/i18n';

const missing = ['mkimage', 'mksquashfs', 'ubinize', 'mkfs.jffs2', 'tar', 'binwalk'].filter((t) => !W.haveTool(t));
if (missing.length) reportSkip('firmware images from real tools', `missing tools: ${missing.join(', ')} (Debian packages u-boot-tools squashfs-tools mtd-utils binwalk)`);

const MiB = 1024 * 1024;
let dir: string;
const files: Record<string, string> = {};
const flat = (f: string): FlatFormat[] => flattenFormats(inspectBytes(fs.readFileSync(f), nodeDigests).structures);
const at = (list: FlatFormat[], type: string) => list.filter((f) => f.type === type).map((f) => f.offset);

/** binwalk's description → our type names. */
const BINWALK_TYPES: [RegExp, string[]][] = [
  [/^uImage header/, ['uimage']],
  [/^Flattened device tree/, ['fit', 'fdt']],
  [/^Linux kernel ARM boot executable zImage/, ['zimage']],
  [/^Squashfs filesystem/, ['squashfs']],
  [/^UBI erase count header/, ['ubi']],
  [/^JFFS2 filesystem/, ['jffs2']],
  [/^TRX firmware header/, ['trx']],
  [/^TP-Link firmware header/, ['tplink-v1']],
  [/^POSIX tar archive/, ['tar', 'sysupgrade-tar']],
  [/^(DLOB firmware header|SEAMA)/, ['seama', 'seama-seal']],
  [/^xz compressed data/, ['xz']],
  [/^gzip compressed data/, ['gzip']],
];

describe.skipIf(missing.length > 0)('firmware images built with real tools', () => {
  beforeAll(() => {
    dir = W.tmpDir('real');
    const zimg = path.join(dir, 'zImage');
    fs.writeFileSync(zimg, W.armZImage(W.noise(400_000, 11)));
    files.zimage = zimg;
    files.sqXz = W.mksquashfs(dir, 'xz');
    files.sqGz = W.mksquashfs(dir, 'gzip');
    files.uimage = W.mkimageLegacy(dir, zimg);
    const gz = path.join(dir, 'zImage.gz');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(zimg)));
    files.uimageGz = W.mkimageLegacy(dir, gz, { comp: 'gzip', out: 'uImage.gz' });
    files.multi = W.mkimageMulti(dir, [zimg, files.sqXz]);
    // OpenWrt's Build/lzma settings (-lc1 -lp2 -pb2), LZMA "alone" format, in a uImage marked lzma
    W.run('xz', ['--format=lzma', '--lzma1=preset=6,lc=1,lp=2,pb=2', '-k', '-f', zimg]);
    files.uimageLzma = W.mkimageLegacy(dir, `${zimg}.lzma`, { comp: 'lzma', out: 'uImage.lzma' });
    files.fit = W.mkimageFit(dir, zimg, false);
    files.fitExt = W.mkimageFit(dir, zimg, true);
    files.ubi = W.ubinize(dir, files.sqXz);
    files.jffs2le = W.mkfsJffs2(dir, 'l');
    files.jffs2be = W.mkfsJffs2(dir, 'b');
    const tarFile = W.sysupgradeTar(dir, 'linksys_wrt32x', files.uimage, files.sqXz);
    files.sysupgrade = path.join(dir, 'sysupgrade.bin');
    fs.writeFileSync(files.sysupgrade, W.appendFwtool(fs.readFileSync(tarFile), W.openwrtMeta({ devices: ['linksys,wrt32x', 'linksys,venom'], compat: '2.0' })));
    // A Linksys-style factory image: kernel padded to the 6 MB kernel slot, then the UBI root.
    files.factory6m = path.join(dir, 'factory-6m.img');
    const k = fs.readFileSync(zimg);
    fs.writeFileSync(files.factory6m, Buffer.concat([k, Buffer.alloc(6 * MiB - k.length, 0xff), fs.readFileSync(files.ubi)]));
    // OpenWrt 19.07-style WRT32X factory image: zImage + appended DTB, padded to 3 MB, then UBI
    files.factory3m = path.join(dir, 'factory-3m.img');
    const kd = Buffer.concat([k, W.minimalDtb('Linksys WRT32X', ['linksys,wrt32x', 'linksys,armada385', 'marvell,armada385'])]);
    fs.writeFileSync(files.factory3m, Buffer.concat([kd, Buffer.alloc(3 * MiB - kd.length, 0xff), fs.readFileSync(files.ubi)]));
    files.trx = path.join(dir, 'fw.trx');
    fs.writeFileSync(files.trx, W.trxImage([fs.readFileSync(files.uimage), fs.readFileSync(files.sqXz)]));
    files.tplink = path.join(dir, 'tplink.bin');
    fs.writeFileSync(files.tplink, W.tplinkV1(fs.readFileSync(files.uimage), fs.readFileSync(files.sqXz), 0xc7000002));
    files.seama = path.join(dir, 'seama.bin');
    fs.writeFileSync(files.seama, W.seamaSeal(W.seamaEntity(fs.readFileSync(files.uimage), ['dev=/dev/mtdblock/1', 'type=firmware']), 'wrgac01_dlob'));
  }, 120_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('legacy uImage (mkimage): header and data CRC, zImage inside', () => {
    const f = flat(files.uimage!);
    expect(f[0]).toMatchObject({ type: 'uimage', offset: 0, valid: true, compression: 'none', arch: 'ARM', os: 'Linux', imageType: 'kernel', name: 'ARM OpenWrt Linux-6.6' });
    expect(at(f, 'zimage')).toEqual([64]);
    const bad = Buffer.from(fs.readFileSync(files.uimage!));
    bad[5000]! ^= 0x40;
    const b = inspectBytes(bad, nodeDigests).structures[0]!;
    expect(b.checks.find((c) => c.name === 'data CRC')!.ok).toBe(false);
    expect(b.checks.find((c) => c.name === 'header CRC')!.ok).toBe(true);
    const badH = Buffer.from(fs.readFileSync(files.uimage!));
    badH[40]! ^= 1;
    expect(inspectBytes(badH, nodeDigests).structures[0]!.checks[0]!.ok).toBe(false);
  });

  it('gzip-compressed uImage: the payload is named, not scanned', () => {
    const f = flat(files.uimageGz!);
    expect(f[0]).toMatchObject({ type: 'uimage', compression: 'gzip', valid: true });
    expect(at(f, 'gzip')).toEqual([64]);
    expect(f.length).toBe(2);
  });

  it('lzma uImage (OpenWrt settings): the LZMA header is read because the uImage says lzma', () => {
    const f = flat(files.uimageLzma!);
    expect(f[0]).toMatchObject({ type: 'uimage', compression: 'lzma', valid: true });
    expect(f[1]).toMatchObject({ type: 'lzma', offset: 64, lc: 1, lp: 2, pb: 2, dictionarySize: 8 * MiB });
    // facts §7: -lc1 -lp2 -pb2 gives a first byte of 0x6D
    expect(fs.readFileSync(files.uimageLzma!)[64]).toBe(0x6d);
  });

  it('multi-file uImage: each part found at its offset', () => {
    const f = flat(files.multi!);
    expect(f[0]).toMatchObject({ type: 'uimage', imageType: 'multi', valid: true });
    expect(at(f, 'zimage')).toEqual([64 + 12]);
    expect(at(f, 'squashfs')).toHaveLength(1);
  });

  it('FIT, inline and external data (mkimage -f auto, -E -B 0x1000): crc32 hash checked', () => {
    for (const key of ['fit', 'fitExt'] as const) {
      const f = flat(files[key]!);
      expect(f[0]).toMatchObject({ type: 'fit', offset: 0, valid: true });
      expect(f[0]!.checks).toEqual(['structure block: ok', 'kernel-1 crc32: ok']);
      expect(at(f, 'zimage')).toHaveLength(1);
    }
    expect(at(flat(files.fitExt!), 'zimage')).toEqual([0x1000]);
    const bad = Buffer.from(fs.readFileSync(files.fitExt!));
    bad[0x1000 + 999]! ^= 1;
    expect(inspectBytes(bad, nodeDigests).structures[0]!.valid).toBe(false);
  });

  it('FIT whose image data points past the end: flagged, nothing read out of bounds', () => {
    const buf = Buffer.from(fs.readFileSync(files.fitExt!));
    const f = flat(files.fitExt!)[0]!;
    const size = (f.images as { dataSize: number }[])[0]!.dataSize;
    const total = buf.readUInt32BE(4);
    const be = Buffer.alloc(4);
    be.writeUInt32BE(size);
    const at = buf.subarray(0, total).indexOf(be);
    expect(at).toBeGreaterThan(0);
    buf.writeUInt32BE(0x7ffffff0, at);
    const ins = inspectBytes(buf, nodeDigests);
    const fit = ins.structures[0]!;
    expect(fit.valid).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/points past the end/);
    for (const x of flattenFormats(ins.structures)) expect(x.offset + x.length).toBeLessThanOrEqual(buf.length);
  });

  it('squashfs xz and gzip (mksquashfs): version, compression, bytes_used', () => {
    for (const [key, comp] of [['sqXz', 'xz'], ['sqGz', 'gzip']] as const) {
      const buf = fs.readFileSync(files[key]!);
      const f = flat(files[key]!);
      expect(f[0]).toMatchObject({ type: 'squashfs', version: '4.0', compression: comp, valid: true });
      expect(f[0]!.bytesUsed).toBe(Number(buf.readBigUInt64LE(40)));
      expect(f[0]!.length).toBe(f[0]!.bytesUsed);
      const cut = inspectBytes(buf.subarray(0, 5000), nodeDigests).structures[0]!;
      expect(cut.valid).toBe(false);
    }
  });

  it('UBI (ubinize): erase blocks, volume names, squashfs inside the rootfs volume, header CRCs', () => {
    const f = flat(files.ubi!);
    expect(f[0]).toMatchObject({ type: 'ubi', offset: 0, valid: true, eraseBlockSize: 128 * 1024 });
    expect((f[0]!.volumes as { name: string }[]).map((v) => v.name)).toEqual(['rootfs', 'rootfs_data']);
    expect(at(f, 'squashfs')).toHaveLength(1);
    const bad = Buffer.from(fs.readFileSync(files.ubi!));
    bad[128 * 1024 + 9]! ^= 1; // erase counter of the second block
    expect(inspectBytes(bad, nodeDigests).structures[0]!.valid).toBe(false);
  });

  it('JFFS2 both byte orders (mkfs.jffs2): nodes walked, node CRCs checked', () => {
    for (const key of ['jffs2le', 'jffs2be'] as const) {
      const buf = fs.readFileSync(files[key]!);
      const f = flat(files[key]!);
      expect(f[0]).toMatchObject({ type: 'jffs2', offset: 0, valid: true, length: buf.length });
      const bad = Buffer.from(buf);
      bad[9]! ^= 1; // header CRC of the first node
      expect(inspectBytes(bad, nodeDigests).structures[0]!.type).not.toBe('jffs2');
    }
  });

  it('sysupgrade tar + fwtool metadata: every nested structure, the CONTROL board and the metadata', () => {
    const buf = fs.readFileSync(files.sysupgrade!);
    const ins = inspectBytes(buf, nodeDigests);
    const f = flattenFormats(ins.structures);
    expect(f.map((x) => x.type)).toEqual(['sysupgrade-tar', 'uimage', 'zimage', 'squashfs', 'fwtool-metadata']);
    expect(f[0]).toMatchObject({ board: 'linksys_wrt32x', valid: true });
    expect(f.every((x) => x.valid !== false)).toBe(true);
    expect(ins.metadata?.new_supported_devices).toEqual(['linksys,wrt32x', 'linksys,venom']);
    // the kernel member starts at the data block after its tar header
    const kernelAt = at(f, 'uimage')[0]!;
    expect(buf.subarray(kernelAt, kernelAt + 4).toString('hex')).toBe('27051956');
  });

  it('Linksys factory-style image: zImage, filler, UBI at the 6 MB boundary', () => {
    const f = flat(files.factory6m!);
    expect(f[0]!.type).toBe('zimage');
    expect(at(f, 'ubi')).toEqual([6 * MiB]);
  });

  it('a 3 MB-layout WRT32X factory image: board from the kernel device tree, layout from the UBI offset, the intermediate step', () => {
    const buf = fs.readFileSync(files.factory3m!);
    const ins = inspectBytes(buf, nodeDigests);
    const id = identifyImage(ins, 'x');
    expect(id).toMatchObject({ kind: 'openwrt-factory', profileId: 'linksys,wrt32x', slotLayout: '3m', writePath: 'raw' });
    expect(id.boards[0]).toBe('linksys,wrt32x');
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: [{ name: 'rootfs1', size: 0x7500000 }] }, 'openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img');
    expect(v.verdict).toBe('needs-F');
    expect(v.command).toBe('sysupgrade -F -n /tmp/openwrt-19.07.9-mvebu-cortexa9-linksys-wrt32x-squashfs-factory.img');
    expect(v.headline).toMatch(/changes the other firmware slot to the 3 MB kernel layout/);
  });

  it('finds every structure binwalk finds, at the same offsets', () => {
    const unmatched: string[] = [];
    for (const [key, file] of Object.entries(files)) {
      const ours = flat(file);
      for (const hit of W.binwalk(file)) {
        const map = BINWALK_TYPES.find(([re]) => re.test(hit.description));
        if (!map) continue;
        // binwalk scans inside compressed streams and finds magic numbers in the literal bytes there (false
        // positives); we do not look inside compressed data.
        if (ours.some((o) => ['gzip', 'xz', 'lzma'].includes(o.type) && hit.offset > o.offset && hit.offset < o.offset + o.length)) continue;
        const ok = ours.some((o) => o.offset === hit.offset && map[1].includes(o.type));
        if (!ok) unmatched.push(`${key}: binwalk ${hit.offset} ${hit.description.slice(0, 60)}`);
      }
    }
    expect(unmatched).toEqual([]);
  });

  it('finds the nested structures binwalk misses in a sysupgrade image', () => {
    const bw = W.binwalk(files.sysupgrade!).map((h) => h.offset);
    const ours = flat(files.sysupgrade!);
    expect(bw).toEqual([0]); // binwalk reports the outer tar only
    expect(ours.length).toBeGreaterThanOrEqual(5);
  });

  it("every structure and warning of every real image is a catalogue sentence, said in German (decision 0148)", async () => {
    const de = translator('de', await loadCatalog('de'));
    const seen = new Set<string>();
    for (const [key, file] of Object.entries(files)) {
      const r = inspectBytes(fs.readFileSync(file), nodeDigests);
      const walk = (list: Structure[]): void => {
        for (const s of list) {
          expect(s.descriptionMsg, `${key}: ${s.type} "${s.description}"`).toBeDefined();
          expect(english(s.descriptionMsg!.id as MessageId, sizedValues(s.descriptionMsg!.values, 'en')), key).toBe(s.description);
          if (s.type !== 'tar-member' && s.type !== 'trx') expect(sayImage(de, 'de', s.descriptionMsg, s.description), `${key}: ${s.type}`).not.toBe(s.description);
          expect(s.warningsMsg ?? [], key).toHaveLength(s.warnings.length);
          seen.add(s.descriptionMsg!.id);
          walk(s.children);
        }
      };
      walk(r.structures);
    }
    // the real tools' formats: uImage (legacy, multi, FIT), squashfs, UBI, UBIFS, JFFS2, tar, gzip/xz/lzma
    for (const id of ['uimage', 'fit', 'squashfs', 'ubi', 'jffs2', 'sysupgrade']) expect([...seen]).toContain(`firmware.img.d.${id}`);
  });

  it('2 000 random mutations of each real image: no crash', () => {
    for (const [key, file] of Object.entries(files)) {
      const src = fs.readFileSync(file).subarray(0, 256 * 1024);
      let x = 12345;
      for (let i = 0; i < 2000; i++) {
        const b = Buffer.from(src);
        for (let k = 0; k < 4; k++) {
          x = (x * 1103515245 + 12345) >>> 0;
          b[x % b.length] = x >>> 24;
        }
        const r = inspectBytes(b.subarray(0, (x >>> 3) % (b.length + 1)), nodeDigests);
        for (const s of flattenFormats(r.structures)) if (s.offset + s.length > b.length) throw new Error(`${key}: ${s.type} past the end`);
      }
    }
  });
});
