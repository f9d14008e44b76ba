/**
 * Verdicts follow fwtool.sh (facts §3.2) and the Linksys layout story (facts §4.3, §9): each case checks the
 * verdict and the exact lines sysupgrade prints.
 */
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../../src-shared/capabilities/firmware/image/inspect';
import { identifyImage, type ImageIdentity } from '../../../../src-shared/capabilities/firmware/identify';
import { verdictFor, SYSUPGRADE } from '../../../../src-shared/capabilities/firmware/verdict';
import { compareChecksum } from '../../../../src-shared/capabilities/firmware/checksum';
import { DEVICE_PROFILES, findDeviceProfile } from '../../../../src-shared/profiles/profiles';
import { nodeDigests } from '../../../../src-main/capabilities/firmware/digests';
import * as W from '../../../../test-support/firmware-images';
import { WRT32X_3M, WRT32X_6M, WRT32X_MIGRATION_MSG } from '../../../../test-support/firmware-images';
import crypto from 'node:crypto';

const MiB = 1024 * 1024;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
function analyse(img: Buffer, shaOverride?: string) {
  const ins = inspectBytes(img, nodeDigests);
  return { ins, id: identifyImage(ins, shaOverride ?? sha(img)) };
}
const MIGRATION_MSG = WRT32X_MIGRATION_MSG;

const openwrtSysupgrade = W.openwrtSysupgradeImage;

describe('device profiles', () => {
  it('has the WRT32X and its siblings, a TP-Link with tpl, GL.iNet, Netgear and Ubiquiti', () => {
    for (const id of ['linksys,wrt32x', 'linksys,wrt3200acm', 'linksys,wrt1900acs', 'linksys,wrt1200ac', 'linksys,wrt1900ac-v2', 'linksys,wrt1900ac-v1', 'tplink,archer-c7-v2'])
      expect(findDeviceProfile(id)?.id).toBe(id);
    expect(findDeviceProfile('tplink,archer-c7-v2')!.serial.stopString).toBe('tpl');
    expect(DEVICE_PROFILES.map((p) => p.vendor)).toEqual(expect.arrayContaining(['GL.iNet', 'Netgear', 'Ubiquiti']));
    expect(findDeviceProfile('venom')!.id).toBe('linksys,wrt32x');
    expect(findDeviceProfile('WRT32X')!.id).toBe('linksys,wrt32x');
  });
  it('partitions are in offset order and do not overlap except the documented kernel/rootfs overlap', () => {
    for (const p of DEVICE_PROFILES) {
      for (let i = 1; i < p.partitions.length; i++) {
        const a = p.partitions[i - 1]!;
        const b = p.partitions[i]!;
        expect(b.offset, `${p.id} ${b.name}`).toBeGreaterThanOrEqual(a.offset);
        if (a.offset + a.size > b.offset) expect(a.note ?? '', `${p.id} ${a.name}`).toMatch(/overlap/);
      }
      expect(p.flash.sizeMiB * MiB).toBeGreaterThanOrEqual(Math.max(0, ...p.partitions.map((x) => x.offset + x.size)));
    }
  });
  it('the WRT32X layouts match facts §9 (rootfs 0x7500000 = 6 MB kernel, 0x7800000 = 3 MB)', () => {
    const l = findDeviceProfile('linksys,wrt32x')!.dualFirmware!.layouts;
    expect(l.find((x) => x.id === '6m')!.rootfsSize).toBe(0x7500000);
    expect(l.find((x) => x.id === '3m')!.rootfsSize).toBe(0x7800000);
  });
});

describe('verdicts for OpenWrt images with metadata', () => {
  it('same compat, listed board: compatible, sysupgrade prints nothing', () => {
    const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt32x', 'linksys,venom'], '2.0'));
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_6M });
    expect(v.verdict).toBe('compatible');
    expect(v.sysupgradeSays).toEqual([]);
    expect(v.device.layout).toMatchObject({ id: '6m', source: 'partitions' });
    expect(v.command).toBe('sysupgrade /tmp/firmware.bin');
  });

  it('major compat differs (3 MB → 6 MB layout): needs the factory image, exact fwtool.sh text', () => {
    const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt32x'], '2.0', 20000, MIGRATION_MSG));
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_3M });
    expect(v.verdict).toBe('needs-factory');
    expect(v.device.compatVersion).toBe('1.0');
    expect(v.sysupgradeSays).toEqual(['The device is supported, but this image is incompatible for sysupgrade based on the image version (1.0->2.0).', MIGRATION_MSG]);
  });

  it('minor compat differs (1.0 → 1.1, DSA): needs -n, exact text', () => {
    const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt3200acm', 'linksys,rango'], '1.1'));
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt3200acm', compatVersion: '1.0' });
    expect(v.verdict).toBe('needs-n');
    expect(v.sysupgradeSays).toEqual(['The device is supported, but the config is incompatible to the new image (1.0->1.1). Please upgrade without keeping config (sysupgrade -n).']);
    expect(v.command).toBe('sysupgrade -n /tmp/firmware.bin');
  });

  it('another board: refused, with the supported list, high risk, no command', () => {
    const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt3200acm', 'linksys,rango'], '1.0'));
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', compatVersion: '2.0' });
    expect(v.verdict).toBe('needs-F');
    expect(v.risk).toBe('high');
    expect(v.command).toBeUndefined();
    expect(v.sysupgradeSays).toEqual(['Device linksys,wrt32x not supported by this image', 'Supported devices: linksys,wrt3200acm linksys,rango']);
  });

  it('a kernel too big for the 3 MB layout does not fit', () => {
    const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt32x'], '1.0', 4 * MiB));
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_3M });
    expect(v.verdict).toBe('does-not-fit');
    expect(v.headline).toMatch(/3 MB kernel layout/);
  });
});

describe('the WRT32X return to stock (facts §9, seed thread)', () => {
  const stock = W.linksysStockLike();

  it('recognises the Linksys image by its CONTROL board and reads the tar like the seed thread', () => {
    const { id } = analyse(stock);
    expect(id.kind).toBe('vendor');
    expect(id.profileId).toBe('linksys,wrt32x');
    expect(id.boards).toEqual(['armada-385-linksys-venom']);
    expect(id.slotLayout).toBe('3m');
    expect(id.headline).toBe('This looks like the Linksys firmware for the WRT32X.');
    expect(id.integrity).toBe('partly-checked');
  });

  it('the published SHA-256 makes it the official file with an intact checksum', () => {
    const { id } = analyse(stock, '8a5dcaf95e418b86fdb09e5cef264b944bc21863db9728026d70027ee39c19a3');
    expect(id.headline).toBe('This is the official Linksys firmware (FW_WRT32X_1.0.180404.58.img) for the WRT32X: its SHA-256 matches the published file.');
    expect(id.integrityText).toMatch(/^Its checksum is intact/);
  });

  it('from the 6 MB layout: needs the 19.07.9 factory image first, said to be user-reported', () => {
    const { ins, id } = analyse(stock);
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_6M }, 'FW_WRT32X_1.0.180404.58.img');
    expect(v.verdict).toBe('needs-factory');
    expect(v.sysupgradeSays).toEqual([SYSUPGRADE.noMetadata, SYSUPGRADE.useForce]);
    expect(v.sysupgradeSays).toEqual(['Image metadata not present', 'Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware']);
    expect(v.withForce).toEqual(['Image metadata not present', 'Image check failed but --force given - will update anyway!']);
    expect(v.steps!.join('\n')).toMatch(/19\.07\.9 factory image/);
    expect(v.steps![v.steps!.length - 1]).toBe('From 19.07.9, flash this image with: sysupgrade -F -n /tmp/FW_WRT32X_1.0.180404.58.img');
    expect(v.userReported).toMatch(/not an official procedure/);
  });

  it('from the 3 MB layout: sysupgrade -F -n is enough', () => {
    const { ins, id } = analyse(stock);
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_3M }, 'FW_WRT32X_1.0.180404.58.img');
    expect(v.verdict).toBe('needs-F');
    expect(v.command).toBe('sysupgrade -F -n /tmp/FW_WRT32X_1.0.180404.58.img');
  });

  it('a 3 MB-layout OpenWrt factory image on the 6 MB layout is the intermediate step: -F -n', () => {
    const k = W.armZImage(W.noise(50000, 4));
    const ubiLike = Buffer.concat([Buffer.from('UBI#'), Buffer.alloc(60)]);
    const id: ImageIdentity = { ...analyse(Buffer.concat([k, Buffer.alloc(3 * MiB - k.length, 0xff), ubiLike])).id };
    // our fake UBI header has no valid CRC; state the layout as the inspector would for a real one
    const fixed: ImageIdentity = { ...id, kind: 'openwrt-factory', profileId: 'linksys,wrt32x', slotLayout: '3m', slotLayoutReason: 'its root filesystem starts at 3 MB' };
    const v = verdictFor(fixed, null, { boardName: 'linksys,wrt32x', partitions: WRT32X_6M });
    expect(v.verdict).toBe('needs-F');
    expect(v.command).toBe('sysupgrade -F -n /tmp/firmware.bin');
    expect(v.headline).toMatch(/3 MB kernel layout/);
  });

  it('without partition sizes it says what it assumed', () => {
    const { ins, id } = analyse(stock);
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x' });
    expect(v.device.layout?.source).toBe('assumed');
    expect(v.assumptions.join(' ')).toMatch(/\/proc\/mtd/);
  });
});

describe('other verdicts', () => {
  it('too big for the firmware partition: does not fit', () => {
    const id: ImageIdentity = { kind: 'openwrt-factory', headline: '', integrity: 'intact', integrityText: '', boards: [], writePath: 'other', bodySize: 17 * MiB };
    const v = verdictFor(id, null, { boardName: 'tplink,archer-c7-v2' });
    expect(v.verdict).toBe('does-not-fit');
    expect(v.reasons[0]).toMatch(/15\.8 MB/);
  });
  it('metadata that is not JSON: "Invalid image metadata"', () => {
    const img = W.appendFwtool(W.uimageOf(W.noise(3000, 1)), {});
    // rewrite the JSON "{}" as "{]" and recompute the trailer CRC like fwtool would
    const body = img.subarray(0, img.length - 16);
    const bad = Buffer.from(body);
    bad[bad.length - 1] = 0x5d;
    const trailer = Buffer.from(img.subarray(img.length - 16));
    trailer.writeUInt32BE(W.crcRawFF(bad), 4);
    const { ins, id } = analyse(Buffer.concat([bad, trailer]));
    expect(id.metadataInvalid).toBe(true);
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x' });
    expect(v.sysupgradeSays).toEqual(['Invalid image metadata']);
    expect(v.verdict).toBe('needs-F');
  });
  it('a damaged image is never flashed', () => {
    const img = openwrtSysupgrade(['linksys,wrt32x'], '2.0');
    img[700]! ^= 1;
    const { ins, id } = analyse(img);
    expect(id.integrity).toBe('damaged');
    expect(verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x' }).verdict).toBe('damaged');
  });
  it('TP-Link stock image on an Archer C7 v2: identified by hardware id; no metadata required there', () => {
    const { ins, id } = analyse(W.tplinkV1(W.uimageOf(W.noise(3000, 1)), W.fakeSquashfs(4096), 0xc7000002));
    expect(id.profileId).toBe('tplink,archer-c7-v2');
    expect(id.integrity).toBe('intact');
    const v = verdictFor(id, ins.metadata, { boardName: 'tplink,archer-c7-v2' });
    expect(v.verdict).toBe('compatible');
    expect(v.sysupgradeSays).toEqual(['Image metadata not present']);
  });
});

describe('pasted checksums', () => {
  const h = { sha256: '8a5dcaf95e418b86fdb09e5cef264b944bc21863db9728026d70027ee39c19a3', md5: '0123456789abcdef0123456789abcdef' };
  it('matches sha256 in the forms people paste', () => {
    for (const s of [h.sha256, h.sha256.toUpperCase(), `${h.sha256}  FW_WRT32X_1.0.180404.58.img`, `SHA256: ${h.sha256}`, ` ${h.sha256}\n`]) expect(compareChecksum(s, h)).toMatchObject({ algorithm: 'sha256', match: true });
  });
  it('says clearly when it does not match, and recognises md5', () => {
    expect(compareChecksum(h.sha256.replace('8a', '8b'), h)).toMatchObject({ algorithm: 'sha256', match: false });
    expect(compareChecksum(h.md5, h)).toMatchObject({ algorithm: 'md5', match: true });
    expect(compareChecksum('hello', h).algorithm).toBe('unknown');
  });
});
