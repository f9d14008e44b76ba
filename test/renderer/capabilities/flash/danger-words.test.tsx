/**
 * Decision 0182: a partition's danger reasons (map and restore picker), the device reading's warnings and a
 * backup's own notes in the language shown, from the ids + values that travel beside their English.
 */
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { ConnectPanel } from '../../../../src-renderer/capabilities/device/ConnectPanel';
import { BackupPanel } from '../../../../src-renderer/capabilities/flash/BackupPanel';
import { PartitionMap } from '../../../../src-renderer/capabilities/flash/PartitionMap';
import { RestorePanel } from '../../../../src-renderer/capabilities/flash/RestorePanel';
import { useFlash } from '../../../../src-renderer/capabilities/flash/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { interpretDiscovery } from '../../../../src-shared/capabilities/device/device';
import type { DeviceInfo } from '../../../../src-shared/capabilities/device/contract';
import { said } from '../../../../src-shared/i18n/said';

// a real reading: u-boot (bootloader), rootfs2 running (UBI on it), no offsets from sysfs (a warning of ours)
const d = interpretDiscovery(
  '@@ proc_mtd\ndev:    size   erasesize  name\nmtd0: 00200000 00020000 "u-boot"\nmtd7: 07b00000 00020000 "kernel2"\nmtd8: 07500000 00020000 "rootfs2"\n@@ ubi0\nmtd_num=8\n@@ end\n',
);
const nc = said('device.said.warning.noNc');
const device: DeviceInfo = {
  identity: d.identity,
  partitions: d.partitions,
  tools: d.tools,
  ubi: d.ubi,
  ...(d.running ? { running: d.running } : {}),
  warnings: [...d.warnings, nc.text, 'A warning from an older workstation.'],
  warningsMsg: [...d.warningsMsg, nc.msg],
  session: { method: 'telnet', host: '192.168.1.1', port: 23, banner: '', notes: [] },
};
const api: RbApi = { transport: 'websocket', invoke: (async () => []) as unknown as RbApi['invoke'], on: () => () => undefined };
const shown = (el: ReactElement) => render(<ApiContext.Provider value={api}>{el}</ApiContext.Provider>);

afterEach(async () => {
  cleanup();
  await useLocale.getState().setLocale('en');
});

describe('danger reasons, device warnings and backup notes in German', () => {
  it('the map and the restore picker say why in German; the evidence is the reading as it came', async () => {
    await useLocale.getState().setLocale('de');
    shown(<PartitionMap device={device} />);
    expect(screen.getByTestId('flash-danger-why-0').textContent).toBe(
      'Das ist der Bootloader: das erste Programm, das der Router ausführt. Ist er beschädigt, startet der Router gar nicht mehr, und nur ein Flash-Programmiergerät kann das beheben.',
    );
    expect(screen.getByTestId('flash-danger-why-7').textContent).toBe(
      'Der Router läuft gerade von Firmware-Platz 2 (UBI is attached to mtd8 "rootfs2"). Ihn zu schreiben zieht dem laufenden System den Boden unter den Füßen weg.',
    );
    cleanup();
    useFlash.setState({ target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'session-only' }, plan: undefined, restore: undefined, restoreRows: {} });
    const { container } = shown(<RestorePanel device={device} />);
    fireEvent.change(screen.getByTestId('flash-partition'), { target: { value: 'kernel2' } });
    expect(container.querySelector('#flash-danger-why')!.textContent).toMatch(/^Der Router läuft gerade von Firmware-Platz 2 \(UBI is attached/);
  });

  it('English as before; a reason without its id (an older workstation) as it came', () => {
    const old: DeviceInfo = { ...device, partitions: device.partitions.map((p) => ({ ...p, danger: p.danger.map(({ kind, reason }) => ({ kind, reason })) })) };
    shown(<PartitionMap device={old} />);
    expect(screen.getByTestId('flash-danger-why-0').textContent).toBe(
      'This is the bootloader: the first program the router runs. If it is damaged the router cannot start at all, and only a flash programmer can fix it.',
    );
  });

  it("the device reading's warnings in German; one without an id as it came", async () => {
    await useLocale.getState().setLocale('de');
    useFlash.setState({ device });
    const { container } = shown(<ConnectPanel />);
    expect([...container.querySelectorAll('.flash-notes li')].map((li) => li.textContent)).toEqual([
      'Der Router nennt keine Startadressen der Partitionen; die Karte zeigt sie der Reihe nach, eine hinter der anderen.',
      'Der Router hat keinen Befehl „nc“, deshalb können Sicherungen über Telnet keine Daten kopieren. Verwenden Sie SSH, falls er es hat.',
      'A warning from an older workstation.',
    ]);
  });

  it("a backup's own notes (no nanddump, no hash on the router) in German", async () => {
    await useLocale.getState().setLocale('de');
    const notes = [said('flash.said.backupNote.noNanddump'), said('flash.said.backupNote.noRouterHash', { algorithm: 'md5' })];
    expect(notes[1]!.text).toBe("The router could not compute its own md5 of this partition; only this computer's checksum is recorded.");
    useFlash.setState({ device, progress: undefined, result: undefined, parts: {} });
    shown(<BackupPanel device={device} />);
    act(() =>
      useFlash.getState().onPartition('b1', {
        index: 8, name: 'rootfs2', size: 0x20000, erasesize: 0x20000, type: 'nand', file: 'mtd8-rootfs2.bin', sha256: 'ab'.repeat(32), badBlocks: [], status: 'ok', bytes: 0x20000,
        warnings: notes.map((n) => n.text), warningsMsg: notes.map((n) => n.msg),
      }),
    );
    expect([...screen.getByTestId('flash-part-8').querySelectorAll('.note')].map((n) => n.textContent)).toEqual([
      'Dieser Router hat kein nanddump, deshalb wurde diese NAND-Partition über /dev/mtd gelesen: Defekte Blöcke wurden weder übersprungen noch markiert, und ein defekter Block kann in der Kopie unbrauchbare Daten enthalten.',
      'Der Router konnte keine eigene md5-Prüfsumme dieser Partition berechnen; festgehalten ist nur die Prüfsumme dieses Computers.',
    ]);
  });
});
