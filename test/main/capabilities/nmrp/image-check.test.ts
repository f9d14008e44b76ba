import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkNetgearImage, NMRP_MAX_IMAGE } from '../../../../src-main/capabilities/nmrp/image-check';
import { dniImage } from '../../../../test-support/nmrp';
import { netgearChk, trxImage } from '../../../../test-support/firmware-images';
import { findDeviceProfile } from '../../../../src-shared/profiles/profiles';
import { parseDniHeader } from '../../../../src-shared/capabilities/nmrp/image';

let dir: string;
const file = (name: string, data: Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrp-img-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the image check before anything is sent', () => {
  it('reads a DNI .img: the board for the label, its version, intact, and the profile it belongs to', async () => {
    const c = await checkNetgearImage(file('R7800-V1.0.2.94.img', dniImage(Buffer.alloc(10_000, 0x5a))));
    expect(c).toMatchObject({ kind: 'dni-img', board: 'R7800', version: 'V1.0.2.94', intact: true, profileId: 'netgear,r7800', model: 'Netgear Nighthawk X4S R7800' });
    expect(c.fault).toBeUndefined();
    expect(c.say).toMatch(/label under the router says R7800/);
  });

  it('refuses a DNI image whose checksum byte does not match (cut or changed)', async () => {
    const img = dniImage(Buffer.alloc(10_000, 0x5a));
    img[5000] = img[5000]! ^ 0x01;
    const c = await checkNetgearImage(file('bad.img', img));
    expect(c.intact).toBe(false);
    expect(c.fault?.code).toBe('NMRP_IMAGE_DAMAGED');
  });

  it('reads a .chk through the firmware inspector: U12H270T00_NETGEAR is named as it is (the R7000, not the R7800)', async () => {
    const c = await checkNetgearImage(file('R7000.chk', netgearChk(trxImage([Buffer.alloc(4096, 1), Buffer.alloc(4096, 2)]), Buffer.alloc(0), 'U12H270T00_NETGEAR')));
    expect(c).toMatchObject({ kind: 'netgear-chk', board: 'U12H270T00_NETGEAR', intact: true, profileId: 'netgear,r7000', model: 'Netgear Nighthawk R7000' });
    expect(c.fault).toBeUndefined();
  });

  it('refuses a file that is not a Netgear image, in three parts', async () => {
    const c = await checkNetgearImage(file('openwrt-sysupgrade.bin', Buffer.alloc(70_000, 0x11)));
    expect(c.kind).toBe('not-netgear');
    expect(c.fault).toMatchObject({ code: 'NMRP_NOT_NETGEAR_IMAGE' });
    expect(c.fault?.meaning).toBeTruthy();
    expect(c.fault?.fix).toBeTruthy();
  });

  it('refuses an image over the block limit (65535 blocks of 1456 bytes) and warns when 512-byte blocks would roll over', async () => {
    const big = path.join(dir, 'big.img');
    const hdr = dniImage(Buffer.alloc(0)).subarray(0, 128);
    fs.writeFileSync(big, hdr);
    fs.truncateSync(big, NMRP_MAX_IMAGE + 2);
    const c = await checkNetgearImage(big);
    expect(c.fault?.code).toBe('NMRP_IMAGE_TOO_BIG');
    const mid = path.join(dir, 'mid.img');
    const body = Buffer.alloc(65535 * 512 + 10);
    fs.writeFileSync(mid, dniImage(body));
    const m = await checkNetgearImage(mid);
    expect(m.fault).toBeUndefined();
    expect(m.warnings.join(' ')).toMatch(/piece counter starts again at 0/);
  });

  it('reads DNI headers strictly', () => {
    expect(parseDniHeader(Buffer.alloc(128))).toBeUndefined();
    expect(parseDniHeader(Buffer.from('device:R7800\nversion:V1\nregion:\n'.padEnd(128, '\0')))).toEqual({ device: 'R7800', version: 'V1', region: '' });
    expect(parseDniHeader(Buffer.from('device:R7800\x01\nversion:V1\n'.padEnd(128, '\0')))).toBeUndefined();
  });
});

describe('the netgear,r7800 profile (issue 16: two wrong facts fixed)', () => {
  it('gives the router its NMRP address 10.164.183.253 and this computer .252', () => {
    const p = findDeviceProfile('r7800')!;
    expect(p.recovery).toMatchObject({ method: 'nmrp', deviceIp: '10.164.183.253', serverIp: '10.164.183.252' });
  });
  it('expects a DNI .img for board R7800, not the R7000 .chk board id', () => {
    const p = findDeviceProfile('r7800')!;
    expect(p.stockImage).toMatchObject({ format: 'netgear-dni', netgearBoardId: 'R7800' });
    expect(JSON.stringify(p)).not.toContain('U12H270T00_NETGEAR');
    expect(findDeviceProfile('r7000')?.stockImage?.netgearBoardId).toBe('U12H270T00_NETGEAR');
    expect(p.unverified).not.toContain('stockImage.netgearBoardId');
  });
});
