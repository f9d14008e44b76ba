/**
 * Upgrade's last English faults (decision 0166): the check step's IMAGE_TOO_BIG and NEEDS_FACTORY_IMAGE take the
 * verdict's values by id, the router's refusals (SYSUPGRADE_REFUSED, FORCE_NOT_CONFIRMED) and the force question's
 * detail take the judgement's meaning keys. The English is what the service built inline before, word for word;
 * German and Spanish come from the catalogue, with the router's own lines quoted as printed.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../../src-shared/capabilities/firmware/image/inspect';
import { identifyImage, type ImageIdentity } from '../../../../src-shared/capabilities/firmware/identify';
import { verdictFor, type Verdict } from '../../../../src-shared/capabilities/firmware/verdict';
import { judgeSysupgradeTest, meaningValues, needsFactoryValues, tooBigValues } from '../../../../src-shared/capabilities/upgrade';
import { nodeDigests } from '../../../../src-main/capabilities/firmware/digests';
import { fault } from '../../../../src-shared/errors';
import { said } from '../../../../src-shared/i18n/said';
import { sayIn } from '../../../../src-shared/i18n/said';
import { loadCatalog, localizeError, translator, type Translate } from '../../../../src-shared/i18n';
import * as W from '../../../../test-support/firmware-images';
import { WRT32X_3M, WRT32X_6M, WRT32X_MIGRATION_MSG } from '../../../../test-support/firmware-images';

const MiB = 1024 * 1024;
const MIGRATION_MSG = WRT32X_MIGRATION_MSG;
const analyse = (img: Buffer) => {
  const ins = inspectBytes(img, nodeDigests);
  return { ins, id: identifyImage(ins, crypto.createHash('sha256').update(img).digest('hex')) };
};
const openwrtSysupgrade = W.openwrtSysupgradeImage;
const SENT = 'Nothing was sent to the router.';
const CHOOSE = 'Choose the image made for this exact router model (the "sysupgrade" image for an OpenWrt update).';

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

describe('the check step refuses with the verdict values, its English as before', () => {
  const cases: Array<{ name: string; v: () => Verdict; code: string; fix: (v: Verdict) => string; de: RegExp }> = [
    {
      name: 'needs-factory, compat major differs (with the image\'s own compat_message)',
      v: () => {
        const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt32x'], '2.0', 20000, MIGRATION_MSG));
        return verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_3M });
      },
      code: 'NEEDS_FACTORY_IMAGE',
      fix: (v) => v.steps!.join(' '),
      de: /^Dieses Upgrade-Image lässt sich vom aktuellen OpenWrt des Routers aus nicht verwenden: .+\|Der Router hat compat_version 1\.0, das Image 2\.0: .+ \(zur Aufteilung .+\)\. Partition design has changed .+ restrictions\. Über diese Änderung hinweg lassen sich keine Einstellungen behalten\. An den Router wurde nichts gesendet\.\|Sichern Sie Ihre Einstellungen .+ Spielen Sie es auf mit: sysupgrade -F -n \/tmp\/<factory image>$/,
    },
    {
      name: 'needs-factory, the Linksys image from the 6 MB layout (19.07.9 first)',
      v: () => {
        const { ins, id } = analyse(W.linksysStockLike());
        return verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_6M }, 'FW_WRT32X_1.0.180404.58.img');
      },
      code: 'NEEDS_FACTORY_IMAGE',
      fix: (v) => v.steps!.join(' '),
      de: /^Der Linksys WRT32X braucht zuerst ein OpenWrt-Factory-Image mit der Aufteilung .+\|Der Router hat jetzt die Aufteilung .+ \(aus seinen Partitionsgrößen gelesen\); .+ Das letzte offizielle OpenWrt .+ 19\.07; .+ An den Router wurde nichts gesendet\.\|Sichern Sie alles, .+ sysupgrade -F -n \/tmp\/<19\.07\.9 factory image>\. .+ Spielen Sie von 19\.07\.9 aus dieses Image auf mit: sysupgrade -F -n \/tmp\/FW_WRT32X_1\.0\.180404\.58\.img$/,
    },
    {
      name: 'does not fit the firmware area',
      v: () => {
        const id: ImageIdentity = { kind: 'openwrt-factory', headline: '', integrity: 'intact', integrityText: '', boards: [], writePath: 'other', bodySize: 17 * MiB };
        return verdictFor(id, null, { boardName: 'tplink,archer-c7-v2' });
      },
      code: 'IMAGE_TOO_BIG',
      fix: () => CHOOSE,
      de: /^Dieses Image ist zu groß für den .+\.\|Das Image hat 17 MB; der Firmware-Bereich des Routers fasst 15\.8 MB\. An den Router wurde nichts gesendet\.\|Wählen Sie das Image für genau dieses Router-Modell \(bei einem OpenWrt-Update das „sysupgrade“-Image\)\.$/,
    },
    {
      name: 'the kernel does not fit the 3 MB layout',
      v: () => {
        const { ins, id } = analyse(openwrtSysupgrade(['linksys,wrt32x'], '1.0', 4 * MiB));
        return verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x', partitions: WRT32X_3M });
      },
      code: 'IMAGE_TOO_BIG',
      fix: () => CHOOSE,
      de: /^Der Kernel in diesem Image passt nicht in die Aufteilung .+ des Routers\.\|Der Kernel hat 4\.\d MB; die Aufteilung lässt 3 MB\. An den Router wurde nichts gesendet\.\|Wählen Sie das Image/,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const v = c.v();
      const values = c.code === 'IMAGE_TOO_BIG' ? tooBigValues(v) : needsFactoryValues(v);
      const f = fault(c.code, values, { details: v.reasons.join('\n') }).toShape();
      // what the service built inline before (decision 0160's `refuse`)
      expect(f.message).toBe(v.headline);
      expect(f.meaning).toBe(`${v.reasons.join(' ')} ${SENT}`);
      expect(f.fix).toBe(c.fix(v));
      const g = localizeError(f, de);
      expect([g.message, g.meaning, g.fix].join('|')).toMatch(c.de);
      expect([g.message, g.meaning, g.fix].join('|')).not.toMatch(/Nothing was sent|Choose the image|Back up/);
      const s = localizeError(f, es);
      expect(s.meaning).toMatch(/No se ha enviado nada al router\.$/);
    });
});

describe("the router's refusals say its lines as printed and their meaning in the language shown", () => {
  const vendorOut = 'Sat Jan  1 00:00:00 UTC 2000 upgrade: Image metadata not present\nSat Jan  1 00:00:00 UTC 2000 upgrade: Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware\nImage check failed.';
  const q = (lines: string[]) => lines.map((l) => `"${l}"`).join(' ');

  it('FORCE_NOT_CONFIRMED and the force question', () => {
    const j = judgeSysupgradeTest({ code: 1, output: vendorOut, keep: false });
    expect(j.outcome).toBe('forceable');
    expect(j.means).toEqual(['noMeta', 'useForce', 'failed']);
    const f = fault('FORCE_NOT_CONFIRMED', { says: q(j.routerSays), word: 'FORCE', ...meaningValues(j) }).toShape();
    expect(f.message).toBe(`The router refused the image unless forced, and forcing was not confirmed: ${q(j.routerSays)}`);
    expect(f.meaning).toBe(`${j.meaning.join(' ')} Nothing was written.`);
    expect(f.fix).toBe('To write it anyway, confirm by typing FORCE (on the command line: --force --yes).');
    const g = localizeError(f, de);
    expect(g.message).toBe(`Der Router lehnt das Image ab, wenn es nicht erzwungen wird, und das Erzwingen wurde nicht bestätigt: ${q(j.routerSays)}`);
    expect(g.meaning).toMatch(/^Das Image enthält keine OpenWrt-Beschreibung; .+ Der Router nimmt ein solches Image nur, .+ Der Router hat das Image abgelehnt\. Es wurde nichts geschrieben\.$/);
    expect(g.fix).toBe('Um es trotzdem zu schreiben, bestätigen Sie mit der Eingabe FORCE (auf der Kommandozeile: --force --yes).');

    const detail = said('upgrade.said.ask.forceDetail', { vendor: 'yes', ...meaningValues(j) });
    expect(detail.text).toBe(`${j.meaning.join(' ')} That is normal for the maker's firmware. Writing it anyway uses sysupgrade -F -n: the router skips its own check and starts with fresh settings.`);
    expect(sayIn(de, detail.msg, detail.text)).toMatch(/^Das Image enthält .+ Bei der Firmware des Herstellers ist das normal\. Es trotzdem zu schreiben bedeutet sysupgrade -F -n: /);
    expect(sayIn(es, detail.msg, detail.text)).toMatch(/^La imagen no lleva descripción de OpenWrt.+ Es normal en el firmware del fabricante\. Grabarla de todos modos usa sysupgrade -F -n: /);
  });

  it('SYSUPGRADE_REFUSED: refused by the check, and refused even when forced', () => {
    const out = 'Invalid image type.\nImage metadata not present\nImage check failed.';
    const j = judgeSysupgradeTest({ code: 1, output: out, keep: false });
    expect(j.outcome).toBe('refused');
    const f = fault('SYSUPGRADE_REFUSED', { when: 'test', says: q(j.routerSays), code: '1', board: 'no', ...meaningValues(j) }).toShape();
    expect(f.message).toBe(`The router refused the image: ${q(j.routerSays)}.`);
    expect(f.meaning).toBe(`${j.meaning.join(' ')} Nothing was written.`);
    expect(f.fix).toBe('Choose an image made for this router (the OpenWrt "sysupgrade" image, or the maker\'s firmware for this exact model).');
    const g = localizeError(f, de);
    expect(g.message).toBe(`Der Router hat das Image abgelehnt: "Invalid image type." "Image metadata not present" "Image check failed.".`);
    expect(g.meaning).toMatch(/^Das Image enthält keine .+ Der Router erkennt die Datei überhaupt nicht als Firmware .+ Es wurde nichts geschrieben\.$/);
    expect(g.fix).toMatch(/^Wählen Sie ein Image, das für diesen Router gemacht ist \(das OpenWrt-„sysupgrade“-Image/);
    // nothing printed: the exit code is said instead
    const silent = fault('SYSUPGRADE_REFUSED', { when: 'test', says: 'none', code: '137', board: 'yes', ...meaningValues({ means: [] }) }).toShape();
    expect(silent.message).toBe('The router refused the image: exit 137.');
    expect(silent.meaning).toBe('Nothing was written.');
    expect(silent.fix).toBe('Choose the image made for this router model.');
    expect(localizeError(silent, de).message).toBe('Der Router hat das Image abgelehnt: exit 137.');

    const forced = fault('SYSUPGRADE_REFUSED', { when: 'forced', says: 'Invalid image type. Image check failed.' }).toShape();
    expect(forced.message).toBe('The router refuses the image even when forced.');
    expect(forced.meaning).toBe('Invalid image type. Image check failed. Nothing was written.');
    expect(forced.fix).toBe('Choose an image made for this router.');
    expect(localizeError(forced, de)).toMatchObject({ message: 'Der Router lehnt das Image auch erzwungen ab.', meaning: 'Invalid image type. Image check failed. Es wurde nichts geschrieben.', fix: 'Wählen Sie ein Image, das für diesen Router gemacht ist.' });
  });
});
