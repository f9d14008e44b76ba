/**
 * The maker's firmware checked by its web page (decision 0187): STILL_OPENWRT, VERSION_NOT_SEEN and NO_WEB_ANSWER
 * were built inline in English. Each English here is the old template written out, word for word, for every case
 * the service has (the 6 MB layout, a slot to go back to, neither); German and Spanish come from the catalogue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, translator, type Translate } from '../../../../src-shared/i18n';

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

/** The service's old inline English (before decision 0187). */
function oldStillOpenwrt(written: number | undefined, other: number | undefined, sixMb: boolean): { message: string; meaning: string; fix: string } {
  const fix = sixMb
    ? "From OpenWrt's newer 6 MB layout the maker's firmware does not start: return through OpenWrt 19.07.9 first (its factory image), as the plan says."
    : written && other
      ? `Set the router to start slot ${other} again ("Start the other slot instead", or firmware boot-slot --slot ${other}) so its next restart does not try slot ${written}. Then check that the file is the maker's firmware for this exact model, and try again.`
      : "Check that the file is the maker's firmware for this exact model, and try again.";
  return { message: 'The router still runs OpenWrt.', meaning: `Its web page is OpenWrt's (LuCI).${written ? ` It did not start the maker's firmware from slot ${written}${other ? ` and started slot ${other}, the firmware it ran before, again` : ''}.` : ''}`, fix };
}

describe("the maker's firmware checked by its web page: faults from the catalogue", () => {
  it('STILL_OPENWRT: every case word for word as before, and in German and Spanish', () => {
    for (const [written, other, sixMb] of [[2, 1, false], [1, 2, true], [undefined, undefined, false], [2, 1, true]] as const) {
      const way = sixMb ? 'sixMb' : written && other ? 'back' : 'check';
      const e = fault('STILL_OPENWRT', { written: written ?? 'none', other: other ?? 'none', way }, { details: '<title>LuCI</title>' }).toShape();
      expect(e).toMatchObject({ code: 'STILL_OPENWRT', ...oldStillOpenwrt(written, other, sixMb), details: '<title>LuCI</title>' });
    }
    const g = localizeError(fault('STILL_OPENWRT', { written: 2, other: 1, way: 'back' }).toShape(), de);
    expect(g.message).toBe('Auf dem Router läuft immer noch OpenWrt.');
    expect(g.meaning).toBe('Seine Webseite ist die von OpenWrt (LuCI). Er hat die Firmware des Herstellers nicht von Platz 2 gestartet und wieder Platz 1 gestartet, die Firmware von vorher.');
    expect(g.fix).toContain('firmware boot-slot --slot 1');
    expect(g.fix).toContain('nicht Platz 2 versucht');
    const s = localizeError(fault('STILL_OPENWRT', { written: 'none', other: 'none', way: 'sixMb' }).toShape(), es);
    expect(s.meaning).toBe('Su página web es la de OpenWrt (LuCI).');
    expect(s.fix).toMatch(/^Desde la distribución nueva de 6 MB de OpenWrt/);
  });

  it('VERSION_NOT_SEEN and NO_WEB_ANSWER: English as before, German', () => {
    const v = fault('VERSION_NOT_SEEN', { want: '1.0.180404.58', host: '192.168.1.1' }).toShape();
    expect(v).toMatchObject({
      message: "The router's web page does not show version 1.0.180404.58.",
      meaning: 'It answers, but Rescue Bench cannot confirm it runs the firmware just written.',
      fix: 'Open http://192.168.1.1 in a browser and look at the firmware version on its status page.',
    });
    expect(localizeError(v, de).message).toBe('Die Webseite des Routers zeigt nicht die Version 1.0.180404.58.');
    const n = fault('NO_WEB_ANSWER', { host: '192.168.1.1' }, { details: 'connect ECONNREFUSED 192.168.1.1:80' }).toShape();
    expect(n).toMatchObject({
      message: 'The router does not answer on its web page (http://192.168.1.1).',
      meaning: "The maker's firmware has no SSH; its web page is the only way to check it. It may still be starting, or it took a different address.",
      fix: 'Wait a minute and try again. The Linksys firmware uses 192.168.1.1 and hands out addresses by DHCP: let this computer take an address automatically.',
      details: 'connect ECONNREFUSED 192.168.1.1:80',
    });
    const g = localizeError(n, de);
    expect(g.message).toBe('Der Router antwortet nicht auf seiner Webseite (http://192.168.1.1).');
    expect(g.fix).toMatch(/automatisch beziehen\.$/);
  });
});
