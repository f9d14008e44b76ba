/**
 * The serial service's words in the language shown (issue 19, decision 0164): the port list's note travels as
 * catalogue id + values beside its English and is shown in German; without an id (an older workstation) it is
 * shown as it came; what a recognised console line means is said in German by its shared id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { ConnectPanel } from '../../../../src-renderer/capabilities/serial/ConnectPanel';
import { matchText } from '../../../../src-renderer/capabilities/serial/SessionPanel';
import { useSerial } from '../../../../src-renderer/capabilities/serial/store';
import { tNow, useLocale } from '../../../../src-renderer/i18n';
import { said } from '../../../../src-shared/i18n';
import { watchProfileChoices } from '../../../../src-main/capabilities/serial/service';
import { describePortForList } from '../../../../src-main/platform/serial';

const apiWith = (reply: unknown): RbApi => ({
  transport: 'websocket',
  invoke: (async (name: string) => {
    if (name === 'serial.ports') return reply;
    throw new Error(`unexpected ${name}`);
  }) as RbApi['invoke'],
  on: () => () => undefined,
});

beforeAll(async () => {
  await useLocale.getState().setLocale('de');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
afterEach(() => {
  cleanup();
  useSerial.setState({ ports: [], portsNote: undefined, portsNoteMsg: undefined, sessions: {}, active: undefined, banners: {} });
});

describe('serial: the service words in German', () => {
  it("the port list's note in German with the platform's reason as a value", async () => {
    const note = said('serial.ports.unreadable', { reason: 'EACCES: permission denied' });
    expect(note.text).toBe('The list of serial ports could not be read (EACCES: permission denied). Type the port name instead, for example /dev/ttyUSB0 or COM3.');
    render(<ApiContext.Provider value={apiWith({ ports: [], note: note.text, noteMsg: note.msg })}><ConnectPanel /></ApiContext.Provider>);
    await waitFor(() => expect(screen.getByText(/Die Liste der seriellen Anschlüsse konnte nicht gelesen werden \(EACCES: permission denied\)\./)).toBeTruthy());
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('a note without an id (an older workstation) is shown as it came', async () => {
    render(<ApiContext.Provider value={apiWith({ ports: [], note: 'Something the old workstation said.' })}><ConnectPanel /></ApiContext.Provider>);
    await waitFor(() => expect(screen.getByText('Something the old workstation said.')).toBeTruthy());
  });

  it("the workstation's watch profiles: a label with words in German by its id, names as they came", async () => {
    const choices = watchProfileChoices();
    const tpl = choices.find((p) => p.id === 'tplink-ath')!;
    expect(tpl).toMatchObject({ label: 'TP-Link with Atheros/QCA U-Boot (type "tpl" to stop)', labelMsg: { id: 'serial.watchProfile.tplink-ath' } });
    useSerial.getState().setProfiles(choices);
    render(<ApiContext.Provider value={apiWith({ ports: [] })}><ConnectPanel /></ApiContext.Provider>);
    const options = [...(screen.getByTestId('console-profile') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toContain('TP-Link mit Atheros/QCA-U-Boot (zum Anhalten „tpl“ tippen)');
    expect(options).toContain('Linksys WRT (Marvell U-Boot)');
    expect(options.join('\n')).not.toMatch(/to stop/);
  });

  it("the port list's labels from the platform in German; the chip and path as they are; an older workstation's label as it came (decision 0169)", async () => {
    const ports = [describePortForList({ path: '/dev/ttyUSB0', vendorId: '0403', manufacturer: 'FTDI' }), describePortForList({ path: '/dev/ttyS0' }), { path: '/dev/ttyACM0', label: 'Old words' }];
    render(<ApiContext.Provider value={apiWith({ ports })}><ConnectPanel /></ApiContext.Provider>);
    await waitFor(() => expect(document.querySelectorAll('#console-port-list option')).toHaveLength(3));
    const options = [...document.querySelectorAll('#console-port-list option')].map((o) => o.textContent);
    expect(options).toEqual(['USB-Seriell-Adapter (FTDI) — /dev/ttyUSB0', 'Eingebauter serieller Anschluss — /dev/ttyS0', 'Old words']);
  });

  it('what a recognised line means, in German', () => {
    expect(matchText(tNow, { kind: 'uboot-autoboot', text: '', offset: 0, stopWith: 'tpl' })).toBe('U-Boot zählt herunter — tippen Sie „tpl“, um den automatischen Start anzuhalten.');
    expect(matchText(tNow, { kind: 'uboot-prompt', text: '', offset: 0, prompt: 'ath> ' })).toBe('U-Boot wartet auf einen Befehl (Eingabeaufforderung „ath>“).');
  });
});
