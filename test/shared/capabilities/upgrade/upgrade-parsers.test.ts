import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkImageHash,
  dualSlotState,
  judgeSysupgradeTest,
  KNOWN_IMAGES,
  lookupSums,
  parseDfAvailable,
  parseOpenwrtRelease,
  parseRouterFacts,
  parseSidecar,
  parseValidateJson,
  planReturnToStock,
  recoveryValues,
  flashPlaybook,
  stockPlaybook,
  type ImageForPlan,
} from '../../../../src-shared/capabilities/upgrade';
import { validatePlaybook } from '../../../../src-shared/capabilities/playbook';
import type { DeviceInfo, Partition } from '../../../../src-shared/capabilities/device';
import { TWO_STEP_USER_REPORTED } from '../../../../src-shared/capabilities/upgrade/linksys';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import { fault } from '../../../../src-shared/errors';

const WRT32X_SHA = '8a5dcaf95e418b86fdb09e5cef264b944bc21863db9728026d70027ee39c19a3';

describe('router facts', () => {
  it('reads /etc/openwrt_release in its quoting styles', () => {
    expect(parseOpenwrtRelease("DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='24.10.4'\nDISTRIB_REVISION='r28959-29397011cc'\nDISTRIB_TARGET='mvebu/cortexa9'\nDISTRIB_DESCRIPTION='OpenWrt 24.10.4 r28959-29397011cc'\n")).toEqual({
      id: 'OpenWrt',
      release: '24.10.4',
      revision: 'r28959-29397011cc',
      target: 'mvebu/cortexa9',
      description: 'OpenWrt 24.10.4 r28959-29397011cc',
    });
    expect(parseOpenwrtRelease('DISTRIB_RELEASE="19.07.9"\nDISTRIB_REVISION=r11407')).toMatchObject({ release: '19.07.9', revision: 'r11407' });
    expect(parseOpenwrtRelease('nothing here')).toBeUndefined();
  });

  it('reads the Available column of busybox and GNU df, also when the name wraps', () => {
    expect(parseDfAvailable('Filesystem           1K-blocks      Used Available Use% Mounted on\ntmpfs                   126176      1280    124896   1% /tmp\n')).toBe(124896 * 1024);
    expect(parseDfAvailable('Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/very/long/device/name\n 1000 10 990 1% /tmp\n')).toBe(990 * 1024);
    expect(parseDfAvailable('df: /tmp: No such file')).toBeUndefined();
  });

  it('the facts script answer: release, free /tmp, ubus', () => {
    const f = parseRouterFacts("@@ release\nDISTRIB_RELEASE='23.05.5'\n@@ df\nFilesystem 1K-blocks Used Available Use% Mounted on\ntmpfs 2000 0 2000 0% /tmp\n@@ meminfo\nMemAvailable:   100000 kB\n@@ tools\nubus=1\nsysupgrade=1\n@@ end\n");
    expect(f).toEqual({ release: { id: 'OpenWrt', release: '23.05.5' }, tmpFreeBytes: 2000 * 1024, memAvailableBytes: 100000 * 1024, ubus: true, sysupgrade: true, wget: false });
  });

  it('never throws on any text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        parseRouterFacts(s);
        parseOpenwrtRelease(s);
        parseDfAvailable(s);
        parseValidateJson(s);
        parseSidecar(s);
        lookupSums(s, 'x.img');
        judgeSysupgradeTest({ code: 1, output: s, keep: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe('sysupgrade -T and validate_firmware_image', () => {
  const validate = (o: object) => parseValidateJson(JSON.stringify(o, null, '\t'))!;
  it('passes on exit 0', () => {
    expect(judgeSysupgradeTest({ code: 0, output: '', keep: true }).outcome).toBe('pass');
  });
  it('minor compat mismatch while keeping settings: needs -n (exact fwtool text kept)', () => {
    const out = 'Tue Dec 1 10:00:00 UTC 2026 upgrade: The device is supported, but the config is incompatible to the new image (1.0->1.1). Please upgrade without keeping config (sysupgrade -n).\nImage check failed.';
    const j = judgeSysupgradeTest({ code: 1, output: out, keep: true });
    expect(j.outcome).toBe('needs-n');
    expect(j.routerSays[0]).toContain('Please upgrade without keeping config (sysupgrade -n).');
    expect(j.allowBackup).toBe(false);
  });
  it('a vendor image without metadata is forceable, with the seed thread text and its meaning', () => {
    const out = 'Sun Sep 25 15:08:10 CEST 2022 upgrade: Image metadata not present\nSun Sep 25 15:08:10 CEST 2022 upgrade: Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware\nImage check failed.';
    const j = judgeSysupgradeTest({ code: 1, output: out, keep: false, validate: validate({ tests: {}, valid: false, forceable: true, allow_backup: false }) });
    expect(j.outcome).toBe('forceable');
    expect(j.meaning.join(' ')).toMatch(/normal for the maker's own firmware/);
  });
  it('a wrong board is never forced by us, even where the router would allow it', () => {
    const j = judgeSysupgradeTest({ code: 1, output: 'upgrade: Device linksys,wrt32x not supported by this image\nupgrade: Supported devices: tplink,archer-c7-v2\nImage check failed.', keep: true, validate: validate({ tests: { fwtool_device_match: false }, valid: false, forceable: true, allow_backup: true }) });
    expect(j.outcome).toBe('refused');
    expect(j.wrongBoard).toBe(true);
  });
  it('an invalid image type is not forceable', () => {
    expect(judgeSysupgradeTest({ code: 1, output: 'upgrade: Invalid image type.\nImage check failed.', keep: false }).outcome).toBe('refused');
    expect(judgeSysupgradeTest({ code: 1, output: 'Image check failed.', keep: false, validate: validate({ valid: false, forceable: false, allow_backup: true }) }).outcome).toBe('refused');
  });
});

describe('image checksums', () => {
  it('the known list has the WRT32X 1.0.180404.58 image from the seed thread', () => {
    expect(KNOWN_IMAGES).toContainEqual(expect.objectContaining({ file: 'FW_WRT32X_1.0.180404.58.img', sha256: WRT32X_SHA, version: '1.0.180404.58' }));
  });
  it('order: given value, FILE.sha256, sha256sums, known list; no list is a plain warning', () => {
    const sha = 'a'.repeat(64);
    expect(checkImageHash({ sha256: sha, fileName: 'x.img', given: sha.toUpperCase(), sidecar: 'b'.repeat(64) })).toMatchObject({ source: 'given', status: 'match' });
    expect(checkImageHash({ sha256: sha, fileName: 'x.img', sidecar: `${sha}  x.img\n` })).toMatchObject({ source: 'sidecar', status: 'match' });
    expect(checkImageHash({ sha256: sha, fileName: 'x.img', sums: `${'c'.repeat(64)}  y.img\n${sha} *x.img\n` })).toMatchObject({ source: 'sha256sums', status: 'match' });
    expect(checkImageHash({ sha256: sha, fileName: 'FW_WRT32X_1.0.180404.58.img' })).toMatchObject({ source: 'known', status: 'mismatch', expected: WRT32X_SHA });
    expect(checkImageHash({ sha256: WRT32X_SHA, fileName: 'renamed.img' })).toMatchObject({ source: 'known', status: 'match' });
    const none = checkImageHash({ sha256: sha, fileName: 'x.img' });
    expect(none).toMatchObject({ source: 'none', status: 'unlisted' });
    expect(none.text).toMatch(/in no list.*compare it with the one on the maker's download page/);
  });
});

function part(index: number, name: string, size: number): Partition {
  return { index, name, size, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] };
}
function wrt(rootfs: number, env: Record<string, string>, boardName = 'linksys,wrt32x'): Pick<DeviceInfo, 'identity' | 'partitions' | 'env' | 'running'> {
  return {
    identity: { boardName },
    partitions: [part(0, 'u-boot', 0x200000), part(1, 'u_env', 0x20000), part(5, 'kernel1', 0x7b00000), part(6, 'rootfs1', rootfs), part(7, 'kernel2', 0x7b00000), part(8, 'rootfs2', rootfs)],
    env,
    running: { slot: Number(env.boot_part ?? 1), evidence: 'test' },
  };
}
const img = (o: Partial<ImageForPlan>): ImageForPlan => ({ fileName: 'FW_WRT32X_1.0.180404.58.img', path: '/x', size: 40960, kind: 'vendor', slotLayout: '3m', version: '1.0.180404.58', hash: { sha256: 'x', source: 'given', from: 'you', status: 'match', text: 'ok' }, ...o });

describe('Linksys dual slots and the return to stock', () => {
  it('names the layout from /proc/mtd (6 MB: 0x7500000, 3 MB: 0x7800000), the running slot and boot_part; 19.07 calls it linksys,venom', () => {
    const s6 = dualSlotState(wrt(0x7500000, { boot_part: '1', bootcmd: 'run nandboot', priKernSize: '0x0600000' }))!;
    expect(s6.layout?.id).toBe('6m');
    expect(s6.layoutEvidence).toBe('rootfs1 is 0x7500000 bytes in /proc/mtd (the 6 MB kernel layout)');
    expect(s6.slots.map((x) => [x.slot, x.running, x.bootsNext])).toEqual([
      [1, true, true],
      [2, false, false],
    ]);
    const s3 = dualSlotState(wrt(0x7800000, { boot_part: '2' }, 'linksys,venom'))!;
    expect(s3.layout?.id).toBe('3m');
    expect(s3.model).toBe('Linksys WRT32X');
    expect(dualSlotState({ identity: {}, partitions: [part(0, 'firmware', 1)] })).toBeUndefined();
  });

  it('from the 3 MB layout: the vendor image directly, to the other slot', () => {
    const p = planReturnToStock(dualSlotState(wrt(0x7800000, { boot_part: '1' }))!, img({}));
    expect(p.ok).toBe(true);
    expect(p.steps.map((s) => [s.id, s.slot, s.command])).toEqual([['stock', 2, 'sysupgrade -F -n /tmp/FW_WRT32X_1.0.180404.58.img']]);
    expect(p.successText).toBe('Done. The router now runs Linksys firmware 1.0.180404.58 from slot 2.');
  });

  it('from the 6 MB layout: refused without the intermediate image; with it two steps, labelled user-reported', async () => {
    const st = dualSlotState(wrt(0x7500000, { boot_part: '2' }))!;
    const no = planReturnToStock(st, img({}));
    expect(no.ok).toBe(false);
    expect(no.refusal?.code).toBe('NEEDS_INTERMEDIATE');
    expect(no.refusal?.fix).toMatch(/19\.07\.9 factory image/);
    // the English as before, word for word; in German from the catalogue with the layout's values (decision 0160)
    expect(no.refusal?.meaning).toBe(`rootfs1 is 0x7500000 bytes in /proc/mtd (the ${st.layout!.label} layout). The Linksys firmware was made for the 3 MB layout; a forum user saw exactly this router not start it after sysupgrade -F. ${TWO_STEP_USER_REPORTED}`);
    const de = localizeError(no.refusal!, translator('de', await loadCatalog('de')));
    expect(de.message).toBe(`Mit der Aufteilung ${st.layout!.label} startet die Linksys-Firmware nicht: Der Router braucht zuerst das Factory-Image von OpenWrt 19.07.9.`);
    expect(de.meaning).toMatch(/^rootfs1 ist laut \/proc\/mtd 0x7500000 Byte groß .+ ein offizielles Verfahren von OpenWrt oder Linksys ist er nicht\.$/);
    expect(de.fix).toMatch(/^Laden Sie das Factory-Image von OpenWrt 19\.07\.9 für den Linksys WRT32X herunter/);
    const p = planReturnToStock(st, img({}), img({ fileName: 'openwrt-19.07.9-factory.img', kind: 'openwrt-factory', slotLayout: '3m' }));
    expect(p.steps.map((s) => [s.id, s.slot])).toEqual([
      ['intermediate', 1],
      ['stock', 2],
    ]);
    expect(p.userReported).toMatch(/not an official OpenWrt or Linksys procedure/);
    expect(planReturnToStock(st, img({}), img({ kind: 'openwrt-sysupgrade', slotLayout: '6m' })).refusal?.code).toBe('INTERMEDIATE_NOT_FACTORY');
  });

  it('refuses a hash mismatch and a non-vendor image; warns plainly about an unlisted one', () => {
    const st = dualSlotState(wrt(0x7800000, { boot_part: '1' }))!;
    expect(planReturnToStock(st, img({ hash: { sha256: 'x', source: 'known', from: 'list', status: 'mismatch', text: 'no' } })).refusal?.code).toBe('IMAGE_HASH_MISMATCH');
    expect(planReturnToStock(st, img({ kind: 'openwrt-sysupgrade' })).refusal?.code).toBe('NOT_VENDOR_IMAGE');
    const w = planReturnToStock(st, img({ hash: { sha256: 'x', source: 'none', from: 'no list', status: 'unlisted', text: 'in no list' } }));
    expect(w.ok).toBe(true);
    expect(w.warnings).toEqual(['in no list']);
    expect(planReturnToStock(undefined, img({})).refusal?.code).toBe('NOT_DUAL_SLOT');
  });

  it('recovery advice names the untouched slot and the power-cycle fallback', () => {
    const e = fault('ROUTER_NOT_BACK', { time: '5 min', host: '192.168.1.1', seen: 'silent', sign: '', after: '', service: 'web', ...recoveryValues(2, 'Linksys WRT32X') });
    expect(e.meaning).toMatch(/Slot 1 still holds the firmware.*three times.*fw_setenv boot_part 1/);
  });

  it('both playbooks are consistent', () => {
    expect(validatePlaybook(flashPlaybook)).toEqual([]);
    expect(validatePlaybook(stockPlaybook)).toEqual([]);
    expect(flashPlaybook.steps.map((s) => s.id)).toEqual(['connect', 'check', 'backup', 'upload', 'test', 'write', 'wait', 'verify']);
  });
});
