/**
 * The return-to-stock plan's own words (decision 0168): its steps' titles and reasons, its notes, the
 * user-reported path, the layout evidence, the success words and the plan question's detail travel as ids + values
 * beside the English, which is what linksys.ts built inline before, word for word. German and Spanish from the
 * catalogue; names, versions, sizes, file names and hashes as data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImageHash, dualSlotState, planReturnToStock, returnPlanDetail, TWO_STEP_USER_REPORTED, type ImageForPlan } from '../../../../src-shared/capabilities/upgrade';
import type { DeviceInfo, Partition } from '../../../../src-shared/capabilities/device';
import { loadCatalog, saidAmong, sayIn, translator, type Translate } from '../../../../src-shared/i18n';
import type { SaidMessage } from '../../../../src-shared/contract/common';
import type { Words } from '../../../../src-shared/i18n/said';

const part = (index: number, name: string, size: number): Partition => ({ index, name, size, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] });
const wrt = (rootfs: number | undefined, bootPart: string, boardName = 'linksys,wrt32x'): Pick<DeviceInfo, 'identity' | 'partitions' | 'env' | 'running'> => ({
  identity: { boardName },
  partitions: [part(5, 'kernel1', 0x7b00000), ...(rootfs ? [part(6, 'rootfs1', rootfs)] : []), part(7, 'kernel2', 0x7b00000), ...(rootfs ? [part(8, 'rootfs2', rootfs)] : [])],
  env: { boot_part: bootPart },
  running: { slot: Number(bootPart), evidence: 'test' },
});
const SHA = 'a'.repeat(64);
const stock = (o: Partial<ImageForPlan> = {}): ImageForPlan => ({ fileName: 'FW_WRT32X_1.0.180404.58.img', path: '/x', size: 40960, kind: 'vendor', slotLayout: '3m', version: '1.0.180404.58', hash: { sha256: 'x', source: 'given', from: 'you', status: 'match', text: 'ok' }, ...o });
const factory = (o: Partial<ImageForPlan> = {}): ImageForPlan => ({ fileName: 'openwrt-19.07.9-factory.img', path: '/y', size: 4096, kind: 'openwrt-factory', slotLayout: '3m', hash: { sha256: 'y', source: 'given', from: 'you', status: 'match', text: 'ok' }, ...o });
const one = (t: Translate, text: string, msg: SaidMessage | undefined) => saidAmong(t, text, msg ? [msg] : undefined);
const detailIn = (t: Translate, w: Words) => (typeof w === 'string' ? w : sayIn(t, w.msg, w.text));

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

describe('the return plan says its words from ids', () => {
  it('the layout evidence: known, unknown size, no rootfs1', () => {
    const six = dualSlotState(wrt(0x7500000, '1'))!;
    expect(six.layoutEvidence).toBe('rootfs1 is 0x7500000 bytes in /proc/mtd (the 6 MB kernel layout)');
    expect(one(de, six.layoutEvidence, six.layoutEvidenceMsg)).toBe('rootfs1 ist laut /proc/mtd 0x7500000 Byte groß (die Aufteilung 6 MB kernel)');
    const odd = dualSlotState(wrt(0x1234000, '1'))!;
    expect(odd.layoutEvidence).toBe('rootfs1 is 0x1234000 bytes in /proc/mtd, a size Rescue Bench does not know for this model');
    expect(one(es, odd.layoutEvidence, odd.layoutEvidenceMsg)).toBe('rootfs1 mide 0x1234000 bytes en /proc/mtd, un tamaño que Rescue Bench no conoce para este modelo');
    const none = dualSlotState(wrt(undefined, '1'))!;
    expect(none.layoutEvidence).toBe('the router lists no rootfs1 partition');
    expect(one(de, none.layoutEvidence, none.layoutEvidenceMsg)).toBe('der Router führt keine Partition rootfs1');
  });

  it('one step from the 3 MB layout: title, reason, success, the intermediate not needed, an unlisted image', () => {
    const unlisted = checkImageHash({ sha256: SHA, fileName: 'FW_WRT32X_9.img' });
    const p = planReturnToStock(dualSlotState(wrt(0x7800000, '1'))!, stock({ fileName: 'FW_WRT32X_9.img', hash: unlisted }), factory());
    expect(p.ok).toBe(true);
    const [s] = p.steps;
    expect(s!.title).toBe('Write the Linksys firmware 1.0.180404.58');
    expect(s!.why).toBe("The maker's firmware has no OpenWrt description inside, so sysupgrade only writes it when forced (-F), and it cannot keep OpenWrt's settings (-n). It goes to slot 2, the one not running.");
    expect(p.successText).toBe('Done. The router now runs Linksys firmware 1.0.180404.58 from slot 2.');
    expect(p.warnings).toEqual([unlisted.text, `The router already has the ${p.layout!.label} layout the Linksys firmware needs, so openwrt-19.07.9-factory.img is not needed and will not be written.`]);
    expect(one(de, s!.title, s!.titleMsg)).toBe('Die Linksys-Firmware 1.0.180404.58 schreiben');
    expect(one(de, s!.why, s!.whyMsg)).toMatch(/^Die Firmware des Herstellers enthält keine OpenWrt-Beschreibung, .+ Sie kommt auf Platz 2, den, der gerade nicht läuft\.$/);
    expect(one(de, p.successText, p.successMsg)).toBe('Fertig. Der Router läuft jetzt mit der Linksys-Firmware 1.0.180404.58 von Platz 2.');
    expect(p.warnings.map((w) => saidAmong(de, w, p.warningsMsg))).toEqual([
      `FW_WRT32X_9.img steht in keiner Liste, die Rescue Bench kennt; niemand hat also genau diese Bytes bestätigt. Die SHA-256 ist ${SHA}: Vergleichen Sie sie mit der auf der Download-Seite des Herstellers, bevor Sie weitermachen.`,
      `Der Router hat schon die Aufteilung ${p.layout!.label}, die die Linksys-Firmware braucht; openwrt-19.07.9-factory.img wird deshalb nicht gebraucht und nicht geschrieben.`,
    ]);
    // the question's detail: the English joined as before, German from the same values
    const d = returnPlanDetail(p, { fileName: 'FW_WRT32X_9.img', hash: unlisted }, factory());
    expect(typeof d).not.toBe('string');
    expect(typeof d === 'string' ? d : d.text).toBe([`1. ${s!.title} (slot 2)`, ...p.warnings, 'OpenWrt and its settings will be gone from the router afterwards.'].join('\n'));
    expect(detailIn(de, d)).toBe(['1. Die Linksys-Firmware 1.0.180404.58 schreiben (Platz 2)', ...p.warnings.map((w) => saidAmong(de, w, p.warningsMsg)), 'OpenWrt und seine Einstellungen sind danach nicht mehr auf dem Router.'].join('\n'));
  });

  it('two steps from the 6 MB layout: the intermediate step, user-reported, the detail in German and Spanish', () => {
    const p = planReturnToStock(dualSlotState(wrt(0x7500000, '2'))!, stock({ version: undefined }), factory());
    expect(p.steps.map((s) => [s.id, s.slot, s.title])).toEqual([
      ['intermediate', 1, 'Put back the old layout with OpenWrt 19.07.9'],
      ['stock', 2, 'Write the Linksys firmware'],
    ]);
    expect(p.steps[0]!.why).toBe('A factory image is written whole to slot 1, layout included, so the router comes back with the 3 MB layout the Linksys firmware needs. OpenWrt 19.07 is the last release with that layout.');
    expect(p.userReported).toBe(TWO_STEP_USER_REPORTED);
    expect(p.successText).toBe('Done. The router now runs Linksys firmware from slot 2.');
    expect(one(de, p.userReported!, p.userReportedMsg)).toMatch(/^Dieser Weg in zwei Schritten .+ ein offizielles Verfahren von OpenWrt oder Linksys ist er nicht\.$/);
    expect(one(es, p.steps[0]!.title, p.steps[0]!.titleMsg)).toBe('Devolver la distribución antigua con OpenWrt 19.07.9');
    const d = returnPlanDetail(p, stock({ version: undefined }), factory());
    expect(typeof d === 'string' ? d : d.text).toBe(['1. Put back the old layout with OpenWrt 19.07.9 (slot 1)', '2. Write the Linksys firmware (slot 2)', TWO_STEP_USER_REPORTED, 'OpenWrt and its settings will be gone from the router afterwards.'].join('\n'));
    expect(detailIn(de, d)).toMatch(/^1\. Mit OpenWrt 19\.07\.9 die alte Aufteilung zurückbringen \(Platz 1\)\n2\. Die Linksys-Firmware schreiben \(Platz 2\)\nDieser Weg in zwei Schritten .+\nOpenWrt und seine Einstellungen sind danach nicht mehr auf dem Router\.$/);
    expect(detailIn(es, d)).toMatch(/^1\. Devolver la distribución antigua con OpenWrt 19\.07\.9 \(ranura 1\)\n2\. Grabar el firmware de Linksys \(ranura 2\)\nEste camino en dos pasos .+\nDespués, OpenWrt y su configuración ya no estarán en el router\.$/);
  });

  it('a plan from an older workstation (no ids) is shown as it came', () => {
    const p = planReturnToStock(dualSlotState(wrt(0x7800000, '1'))!, stock());
    const { titleMsg: _t, whyMsg: _w, ...bare } = p.steps[0]!;
    expect(one(de, bare.title, undefined)).toBe('Write the Linksys firmware 1.0.180404.58');
  });
});
