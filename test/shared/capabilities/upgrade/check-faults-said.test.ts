/**
 * The upgrade's last inline faults (decision 0184): SYSUPGRADE_FAILED (sysupgrade ended with an exit code before
 * it wrote), STILL_OLD_FIRMWARE and BOOT_PART_NOT_MOVED (the check after the write). Each English is what the
 * service built inline before, word for word (the old templates are written out here); German and Spanish come
 * from the catalogue; what the router said stays its own words. Also the verify step's web-page and DHCP
 * evidence lines, each its own entry, against the templates the service wrote before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, sayIn, translator, type Translate } from '../../../../src-shared/i18n';
import { said } from '../../../../src-shared/i18n/said';

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

describe("the write's and the check's faults from the catalogue", () => {
  it('SYSUPGRADE_FAILED: English as before, the router\'s lines as they came, German', () => {
    const lines = ['Image check failed.', 'Cannot save config while running from ramdisk.'];
    const e = fault('SYSUPGRADE_FAILED', { code: 1, said: lines.join(' ') }, { details: lines.join('\n') }).toShape();
    expect(e).toMatchObject({
      message: `sysupgrade stopped with exit code ${1} before writing.`,
      meaning: `${lines.join(' ')} The router still runs its old firmware.`,
      fix: 'Read what the router said (Details), then try again.',
      details: lines.join('\n'),
    });
    const g = localizeError(e, de);
    expect(g.message).toBe('sysupgrade hat mit Exit-Code 1 aufgehört, bevor es geschrieben hat.');
    expect(g.meaning).toBe('Image check failed. Cannot save config while running from ramdisk. Auf dem Router läuft weiter die alte Firmware.');
    expect(g.fix).toBe('Lesen Sie, was der Router gesagt hat (Details), und versuchen Sie es dann noch einmal.');
    // a router that said nothing: no stray space before the sentence
    expect(fault('SYSUPGRADE_FAILED', { code: 2, said: 'none' }).meaning).toBe('The router still runs its old firmware.');
    expect(localizeError(fault('SYSUPGRADE_FAILED', { code: 2, said: 'none' }).toShape(), es).meaning).toBe('El router sigue con su firmware antiguo.');
  });

  it('STILL_OLD_FIRMWARE: with a slot written and without, English as before, German', () => {
    const old = (rel: string, slot?: 1 | 2) => ({
      message: `The router still runs ${rel}, the firmware it had before.`,
      meaning: `${slot ? `It started slot ${slot === 1 ? 2 : 1} again, not the slot just written.` : 'The new firmware was not started.'}`,
      fix: 'Run the upgrade again; if it happens again, read the router\'s log (logread) for the reason.',
    });
    const two = fault('STILL_OLD_FIRMWARE', { release: 'OpenWrt 23.05.3', slot: '2', other: 1 }).toShape();
    expect(two).toMatchObject(old('OpenWrt 23.05.3', 2));
    const none = fault('STILL_OLD_FIRMWARE', { release: 'OpenWrt 23.05.3', slot: 'none', other: 1 }).toShape();
    expect(none).toMatchObject(old('OpenWrt 23.05.3'));
    const g = localizeError(two, de);
    expect(g.message).toBe('Auf dem Router läuft immer noch OpenWrt 23.05.3, die Firmware von vorher.');
    expect(g.meaning).toBe('Er hat wieder Platz 1 gestartet, nicht den gerade geschriebenen Platz.');
    expect(g.fix).toBe('Führen Sie das Update noch einmal aus. Passiert es wieder, lesen Sie im Protokoll des Routers (logread) nach, warum.');
    expect(localizeError(none, de).meaning).toBe('Die neue Firmware wurde nicht gestartet.');
  });

  it('BOOT_PART_NOT_MOVED: English as before, German naming the button as the screen shows it', () => {
    const e = fault('BOOT_PART_NOT_MOVED', { bootPart: '1', slot: 2 }).toShape();
    expect(e).toMatchObject({
      message: `U-Boot still starts slot ${'1'}, not slot ${2} that was written.`,
      meaning: 'The router may fall back to the old firmware at the next restart.',
      fix: `Use "Start slot ${2}" (fw_setenv boot_part ${2}) while the router answers.`,
    });
    expect(fault('BOOT_PART_NOT_MOVED', { bootPart: '?', slot: 1 }).message).toBe('U-Boot still starts slot ?, not slot 1 that was written.');
    const g = localizeError(e, de);
    expect(g.message).toBe('U-Boot startet immer noch Platz 1, nicht den geschriebenen Platz 2.');
    expect(g.fix).toBe(`Nutzen Sie „${de('upgrade.bootSlot.go', { slot: 2 })}“ (fw_setenv boot_part 2), solange der Router antwortet.`);
    expect(localizeError(e, es).fix).toBe(`Usa «${es('upgrade.bootSlot.go', { slot: 2 })}» (fw_setenv boot_part 2) mientras el router responda.`);
  });
});

describe("the verify step's web-page and DHCP lines from the catalogue", () => {
  // the service's old templates, written out
  const oldWeb = (a: { status: number; server?: string; title?: string; version?: string }) => `The router's web page answers: HTTP ${a.status}${a.server ? `, server "${a.server}"` : ''}${a.title ? `, title "${a.title}"` : ''}${a.version ? `, firmware version ${a.version}` : ''}.`;
  const web = (a: { status: number; server?: string; title?: string; version?: string }) => said('upgrade.said.ev.web', { status: a.status, server: a.server || 'none', title: a.title || 'none', version: a.version || 'none' });

  it('the web page line: English as before with and without each part, German', () => {
    for (const a of [{ status: 200, server: 'lighttpd', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58' }, { status: 200 }, { status: 401, title: 'Login' }]) expect(web(a).text).toBe(oldWeb(a));
    const w = web({ status: 200, server: 'lighttpd', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58' });
    expect(sayIn(de, w.msg, w.text)).toBe('Die Webseite des Routers antwortet: HTTP 200, Server „lighttpd“, Titel „Linksys Smart Wi-Fi“, Firmware-Version 1.0.180404.58.');
  });

  it('the DHCP lines: English as before (interface or not, server and address or not), German', () => {
    const on = (i?: string) => (i ? ` on ${i}` : '');
    for (const i of ['eth1', undefined]) {
      const iface = i ?? 'none';
      expect(said('upgrade.said.ev.dhcpOffer', { iface, server: '192.168.1.1', offered: '192.168.1.100' }).text).toBe(`A DHCP server answers on the cable${on(i)}: 192.168.1.1 offered this computer 192.168.1.100. The maker's firmware hands out addresses; OpenWrt's rescue mode does not.`);
      expect(said('upgrade.said.ev.dhcpAddress', { iface }).text).toBe(`This computer's address${on(i)} came from a DHCP server on this cable: the router hands out addresses, as the maker's firmware does.`);
      expect(said('upgrade.said.ev.dhcpAbsent', { iface }).text).toBe(`No DHCP server answered on the cable${on(i)} (this computer asked). The maker's firmware usually hands out addresses; it may still be starting that service.`);
    }
    expect(said('upgrade.said.ev.dhcpOffer', { iface: 'none', server: 'none', offered: 'none' }).text).toBe("A DHCP server answers on the cable: a server offered this computer an address. The maker's firmware hands out addresses; OpenWrt's rescue mode does not.");
    expect(said('upgrade.said.ev.dhcpUnknown', { note: 'none' }).text).toBe('Whether the router hands out addresses (DHCP) could not be checked: no reason given');
    expect(said('upgrade.said.ev.dhcpFailed', { reason: 'No such interface.' }).text).toBe('DHCP could not be checked: No such interface.');
    const o = said('upgrade.said.ev.dhcpOffer', { iface: 'eth1', server: '192.168.1.1', offered: '192.168.1.100' });
    expect(sayIn(de, o.msg, o.text)).toBe('Am Kabel an eth1 antwortet ein DHCP-Server: 192.168.1.1 hat diesem Computer 192.168.1.100 angeboten. Die Firmware des Herstellers vergibt Adressen, der Rettungsmodus von OpenWrt nicht.');
    const n = said('upgrade.said.ev.dhcpAbsent', { iface: 'none' });
    expect(sayIn(de, n.msg, n.text)).toBe('Am Kabel hat kein DHCP-Server geantwortet (dieser Computer hat gefragt). Die Firmware des Herstellers vergibt normalerweise Adressen; vielleicht startet sie diesen Dienst noch.');
    const u = said('upgrade.said.ev.dhcpUnknown', { note: 'none' });
    expect(sayIn(es, u.msg, u.text)).toBe('No se pudo comprobar si el router reparte direcciones (DHCP): no se indicó el motivo');
  });
});
