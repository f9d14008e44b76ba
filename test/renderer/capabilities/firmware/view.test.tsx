/**
 * The firmware report card and verdict panel render what the workstation sends: the seller's headline, the
 * checksum comparison, and the verdict with sysupgrade's exact lines (a fake RbApi over the real verdict code).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { FirmwareView } from '../../../../src-renderer/capabilities/firmware/View';
import { DevicesView } from '../../../../src-renderer/capabilities/routers/View';
import { useFirmware } from '../../../../src-renderer/capabilities/firmware/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { inspectBytes, flattenFormats } from '../../../../src-shared/capabilities/firmware/image/inspect';
import { identifyImage } from '../../../../src-shared/capabilities/firmware/identify';
import { verdictFor } from '../../../../src-shared/capabilities/firmware/verdict';
import { pureDigests } from '../../../../src-shared/capabilities/firmware/image/crc';
import type { InspectionReport } from '../../../../src-shared/capabilities/firmware/contract';
import * as W from '../../../../test-support/firmware-images';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';
import { DEVICE_PROFILES } from '../../../../src-shared/profiles/profiles';

function reportOf(buf: Buffer, fileName: string): InspectionReport {
  const ins = inspectBytes(buf, pureDigests);
  const sha256 = 'ab'.repeat(32);
  return { fileName, path: `/tmp/${fileName}`, size: buf.length, sha256, md5: 'cd'.repeat(16), formats: flattenFormats(ins.structures) as InspectionReport['formats'], tree: ins.structures as InspectionReport['tree'], metadata: ins.metadata as InspectionReport['metadata'], warnings: ins.warnings, warningsMsg: ins.warningsMsg, layout: ins.layout, identity: identifyImage(ins, sha256), elapsedMs: 1 };
}

const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    if (name === 'firmware.verdict') {
      const p = payload as { inspection: InspectionReport; device: Parameters<typeof verdictFor>[2] };
      return verdictFor(p.inspection.identity, p.inspection.metadata, p.device, p.inspection.fileName);
    }
    if (name === 'device.inspect')
      return {
        identity: { boardName: 'linksys,wrt32x', model: 'Linksys WRT32X', compatVersion: '1.0' },
        partitions: [
          { index: 6, name: 'rootfs1', size: 0x7800000, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] },
          { index: 8, name: 'rootfs2', size: 0x7800000, erasesize: 0x20000, offset: null, type: 'nand', readOnly: false, danger: [] },
        ],
      };
    throw new Error(`unexpected ${name}`);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

afterEach(() => {
  cleanup();
  useFirmware.getState().clear();
});

describe('FirmwareView', () => {
  it('shows the headline, compares a pasted checksum and gives the verdict for the detected router', async () => {
    useFirmware.getState().setReport(reportOf(W.linksysStockLike(), 'FW_WRT32X_1.0.180404.58.img'));
    render(
      <ApiContext.Provider value={api}>
        <FirmwareView />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('fw-headline').textContent).toBe('This looks like the Linksys firmware for the WRT32X.');
    fireEvent.change(screen.getByTestId('fw-expected'), { target: { value: 'AB'.repeat(32) } });
    expect(screen.getByTestId('fw-match').dataset.match).toBe('yes');
    fireEvent.change(screen.getByTestId('fw-expected'), { target: { value: 'ac'.repeat(32) } });
    expect(screen.getByTestId('fw-match').dataset.match).toBe('no');
    await waitFor(() => expect(screen.getByTestId('fw-verdict').dataset.verdict).toBe('needs-factory'));
    expect(screen.getByTestId('fw-sysupgrade-says').textContent).toContain('Image metadata not present');
    fireEvent.change(screen.getByTestId('fw-procmtd'), { target: { value: 'mtd6: 07800000 00020000 "rootfs1"' } });
    await waitFor(() => expect(screen.getByTestId('fw-verdict').dataset.verdict).toBe('needs-F'));
  });
});

describe('the verdict in German (its sentences travel as ids + values, decision 0139)', () => {
  afterEach(async () => {
    await useLocale.getState().setLocale('en');
  });
  it("headline, reasons and steps in German; sysupgrade's own lines exactly as it prints them", async () => {
    await useLocale.getState().setLocale('de');
    useFirmware.getState().setReport(reportOf(W.linksysStockLike(), 'FW_WRT32X_1.0.180404.58.img'));
    render(
      <ApiContext.Provider value={api}>
        <FirmwareView />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('fw-headline').textContent).toBe('Das sieht aus wie die Firmware von Linksys für den WRT32X.');
    expect(screen.getByTestId('fw-headline').nextElementSibling!.textContent).toMatch(/^Ihre internen Prüfungen stimmen \((Archiv-Header|Kernel-Prüfsummen|Dateisystem-Header)/);
    await waitFor(() => expect(screen.getByTestId('fw-verdict').dataset.verdict).toBe('needs-factory'));
    const v = screen.getByTestId('fw-verdict');
    expect(v.querySelector('.fw-verdict-headline')!.textContent).toMatch(/^Der Linksys WRT32X braucht zuerst ein OpenWrt-Factory-Image/);
    const steps = [...v.querySelectorAll('.fw-steps li')].map((l) => l.textContent);
    expect(steps[0]).toBe('Sichern Sie alles, was Sie vom Router brauchen.');
    expect(steps[1]).toContain('sysupgrade -F -n /tmp/<19.07.9 factory image>');
    expect(steps.at(-1)).toBe('Spielen Sie von 19.07.9 aus dieses Image auf mit: sysupgrade -F -n /tmp/FW_WRT32X_1.0.180404.58.img');
    const reasons = [...v.querySelectorAll('ul li')].map((l) => l.textContent);
    // the image's slot-layout reason, quoted in a reason, is German too
    expect(reasons.some((r) => r!.startsWith('Der Router hat jetzt die Aufteilung') && r!.includes('(die Firmware des Herstellers verwendet die Aufteilung'))).toBe(true);
    expect(reasons.join(' ')).not.toMatch(/the maker's firmware uses|built with compat_version|its kernel is/);
    expect(reasons).toContain('sysupgrade -F würde es schreiben, ändert aber die Aufteilung nicht, sodass der Router es nicht starten würde (genau das hat ein Nutzer im Forum bei einem WRT32X erlebt).');
    expect(v.querySelector('.note')!.textContent).toMatch(/^Die Rückkehr zur Linksys-Firmware/);
    expect(screen.getByTestId('fw-sysupgrade-says').textContent).toBe('Image metadata not present\nUse sysupgrade -F to override this check when downgrading or flashing to vendor firmware');
  });
});

describe("the inspector's warnings and structure tree in the language shown (decision 0148)", () => {
  afterEach(async () => {
    await useLocale.getState().setLocale('en');
  });
  // a sysupgrade archive whose kernel is cut off, with the OpenWrt metadata: tree descriptions with the image's
  // own names (board, member names, release) and a cut-off warning with byte counts
  const cut = (): Buffer =>
    W.tarOf([
      { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
      // the kernel's uImage header says 300 000 bytes follow, but the member holds only the first 100 000
      { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(W.noise(300_000, 3), { name: 'ARM OpenWrt Linux-6.6.86' }).subarray(0, 100_000) },
      { name: 'sysupgrade-linksys_wrt32x/root', data: W.fakeSquashfs(64 * 1024) },
    ]);
  const show = (buf: Buffer, name: string) => {
    useFirmware.getState().setReport(reportOf(buf, name));
    render(
      <ApiContext.Provider value={api}>
        <FirmwareView />
      </ApiContext.Provider>,
    );
  };

  it('German: a tree description with its size in German and the image\'s names as they are; a warning in German', async () => {
    const r = reportOf(cut(), 'cut.bin');
    const all = (list: InspectionReport['tree']): InspectionReport['tree'] => list.flatMap((s) => [s, ...all(s.children)]);
    const u = all(r.tree).find((s) => s.type === 'uimage')!;
    expect(u.warnings[0]).toMatch(/^The header says 300,000 bytes of data follow, but only [\d,]+ are left: the image is cut off\.$/);
    await useLocale.getState().setLocale('de');
    show(cut(), 'cut.bin');
    const node = document.querySelector(`[data-type="uimage"][data-offset="${u.offset}"]`)!;
    expect(node.querySelector('.fw-type')!.textContent).toBe('uImage „ARM OpenWrt Linux-6.6.86“, ARM Linux kernel, none, 293,0 KiB'); // 300 000 bytes, the header's words as they are
    expect(node.querySelector('.fw-type [data-i18n-data]')!.textContent).toBe('ARM OpenWrt Linux-6.6.86');
    expect(node.querySelector('.fw-note')!.textContent).toMatch(/^Laut Header folgen 300\.000 Byte Daten, aber es sind nur noch [\d.]+ übrig: Das Image ist abgeschnitten\.$/);
    // the integrity line quotes the damaged part's warning: German too, one full stop
    expect(screen.getByTestId('fw-integrity').textContent).toBe(
      'Sie ist beschädigt: uimage bei Byte 1536: Laut Header folgen 300.000 Byte Daten, aber es sind nur noch 99.936 übrig: Das Image ist abgeschnitten. Spielen Sie sie nicht auf einen Router; laden Sie sie erneut herunter.',
    );
    const tar = document.querySelector('[data-type="sysupgrade-tar"] .fw-type')!;
    expect(tar.textContent).toBe('sysupgrade-Archiv für das Board linksys_wrt32x: CONTROL, kernel, root');
  });

  it('Spanish: the report-level warning (nothing recognised) and the unrecognised data in the tree', async () => {
    await useLocale.getState().setLocale('es');
    show(W.noise(5000, 9), 'noise.bin');
    expect(document.querySelector('.fw-warnings li')!.textContent).toBe('No se reconoció ningún formato de firmware conocido en este archivo.');
    expect(document.querySelector('[data-type="data"] .fw-type')!.textContent).toBe('4,9 KiB de datos no reconocidos');
  });

  it('pseudo-locale: every word of the report, the tree and its warnings comes from the catalogue; the image\'s words are marked as data', async () => {
    await useLocale.getState().setLocale('en-XA');
    show(cut(), 'cut.bin');
    const root = screen.getByTestId('fw-report').parentElement!;
    expect(root.querySelectorAll('.fw-note').length).toBeGreaterThan(0);
    // router names and makers in the verdict's router list are data, as in the section scan; sizes' units too
    expect(scanForEscapes(root, [...DEVICE_PROFILES.flatMap((d) => [d.vendor, d.model]), 'KiB', 'MiB'])).toEqual([]);
  });
});

describe('FirmwareView with a connected router', () => {
  it('reads board name and partition sizes from the router and judges with them', async () => {
    const r = reportOf(W.linksysStockLike(), 'FW_WRT32X_1.0.180404.58.img');
    useFirmware.getState().setReport({ ...r, identity: { ...r.identity, profileId: undefined } });
    render(
      <ApiContext.Provider value={api}>
        <FirmwareView />
      </ApiContext.Provider>,
    );
    expect(screen.queryByTestId('fw-verdict')).toBeNull();
    fireEvent.click(screen.getByTestId('fw-read-router'));
    await waitFor(() => expect(screen.getByTestId('fw-connected').textContent).toContain('linksys,wrt32x'));
    expect((screen.getByTestId('fw-compat') as HTMLInputElement).value).toBe('1.0'); // the router's own compat_version
    await waitFor(() => expect(screen.getByTestId('fw-verdict').dataset.verdict).toBe('needs-F'));
  });
});

describe('DevicesView', () => {
  it('filters the list and shows a profile', () => {
    render(<DevicesView />);
    fireEvent.change(screen.getByTestId('device-search'), { target: { value: 'archer' } });
    fireEvent.click(screen.getByTestId('device-tplink,archer-c7-v2'));
    expect(screen.getByTestId('device-details').dataset.id).toBe('tplink,archer-c7-v2');
    expect(screen.getByTestId('device-details').textContent).toContain('ArcherC7v2_tp_recovery.bin');
  });
});
