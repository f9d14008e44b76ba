/**
 * The practice firmware files: the same bytes every time (their SHA-256 is the one listed as a practice entry in
 * the known-images check, never a maker's), and the product's own inspector sees them as what they imitate.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { practiceOpenwrtImage, practiceTplinkImage, practiceVendorImage } from '../../../../src-main/capabilities/practice/images';
import { reportFor } from '../../../../src-main/capabilities/firmware';
import { PRACTICE_IMAGES } from '../../../../src-shared/capabilities/practice';
import { checkImageHash, KNOWN_IMAGES } from '../../../../src-shared/capabilities/upgrade';
import { planImage } from '../../../../src-shared/capabilities/recover';
import { DEVICE_PROFILES, findDeviceProfile } from '../../../../src-shared/profiles/profiles';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const report = (b: Buffer, name: string) => reportFor(new Uint8Array(b), { fileName: name, path: `/x/${name}`, sha256: sha(b), md5: '', startedAt: 0 });

describe('practice images', () => {
  const made = { vendor: practiceVendorImage(), openwrt: practiceOpenwrtImage(), tplink: practiceTplinkImage() };

  it('are the listed bytes, listed as practice and never with a maker\'s hash', () => {
    for (const i of PRACTICE_IMAGES) expect(sha(made[i.role]), i.file).toBe(i.sha256);
    const real = new Set(DEVICE_PROFILES.map((p) => p.stockImage?.exampleSha256).filter(Boolean));
    for (const i of PRACTICE_IMAGES) {
      expect(real.has(i.sha256)).toBe(false);
      expect(i.file).toMatch(/practice/i);
      expect(KNOWN_IMAGES.find((k) => k.sha256 === i.sha256)).toMatchObject({ vendor: 'PRACTICE', model: 'practice router' });
    }
    const h = checkImageHash({ sha256: sha(made.vendor), fileName: 'FW_WRT32X_1.0.0.0_PRACTICE.img' });
    expect(h).toMatchObject({ status: 'match', source: 'known' });
    // one changed byte is a mismatch, as for a real download
    const bad = Buffer.from(made.vendor);
    bad[600] = bad[600]! ^ 1;
    expect(checkImageHash({ sha256: sha(bad), fileName: 'FW_WRT32X_1.0.0.0_PRACTICE.img' }).status).toBe('mismatch');
  });

  it('look to the inspector like the files they stand in for', () => {
    const v = report(made.vendor, 'FW_WRT32X_1.0.0.0_PRACTICE.img').identity;
    expect(v).toMatchObject({ kind: 'vendor', profileId: 'linksys,wrt32x', writePath: 'sysupgrade-tar', slotLayout: '3m' });
    const o = report(made.openwrt, 'openwrt-19.07.10-practice-wrt32x-sysupgrade.bin');
    expect(o.identity).toMatchObject({ kind: 'openwrt-sysupgrade', profileId: 'linksys,wrt32x', integrity: 'intact' });
    expect(o.metadata).toMatchObject({ supported_devices: ['linksys,wrt32x', 'linksys,venom'] });
    const t = report(made.tplink, 'openwrt-23.05.5-practice-archer-c7-v2-squashfs-factory.bin');
    expect(t.identity.integrity).toBe('intact');
    const plan = planImage('tplink', new Uint8Array(made.tplink), findDeviceProfile('tplink,archer-c7-v2'));
    expect(plan.refuse).toBeUndefined();
    expect(plan.cutBytes).toBe(0);
    expect(plan.header?.hwId).toBe('0xc7000002');
  });
});
