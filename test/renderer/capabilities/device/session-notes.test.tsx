/**
 * Decision 0186: the connect panel says the connection's own notes in the language shown, from the ids + values
 * that travel beside their English; a note without an id (an older workstation) stays as it came.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { ConnectPanel } from '../../../../src-renderer/capabilities/device/ConnectPanel';
import { useFlash } from '../../../../src-renderer/capabilities/flash/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { interpretDiscovery } from '../../../../src-shared/capabilities/device/device';
import type { DeviceInfo } from '../../../../src-shared/capabilities/device/contract';
import { said } from '../../../../src-shared/i18n/said';

const d = interpretDiscovery('@@ proc_mtd\ndev:    size   erasesize  name\nmtd0: 00200000 00020000 "u-boot"\n@@ sysfs\nmtd0 0 0x200000\n@@ end\n');
const fp = 'SHA256:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const notes = [said('session.note.telnetFallback', { code: 'CONNECT_REFUSED' }), said('session.note.telnetPlain'), said('session.note.firstKey', { host: '192.168.1.1', mac: 'none', fingerprint: fp })];
const device: DeviceInfo = {
  identity: d.identity,
  partitions: d.partitions,
  tools: d.tools,
  ubi: d.ubi,
  warnings: [],
  session: { method: 'telnet', host: '192.168.1.1', port: 23, banner: '', notes: [...notes.map((n) => n.text), 'A note from an older workstation.'], notesMsg: notes.map((n) => n.msg) },
};
const api: RbApi = { transport: 'websocket', invoke: (async () => []) as unknown as RbApi['invoke'], on: () => () => undefined };
const noteLines = () => {
  const { container } = render(
    <ApiContext.Provider value={api}>
      <ConnectPanel />
    </ApiContext.Provider>,
  );
  return [...container.querySelectorAll('.flash-notes li')].map((li) => li.textContent);
};

afterEach(async () => {
  cleanup();
  await useLocale.getState().setLocale('en');
});

describe("the connection's notes on the connect panel", () => {
  it('in German; the fault code and the fingerprint as they came; an id-less note in English', async () => {
    await useLocale.getState().setLocale('de');
    useFlash.setState({ device });
    expect(noteLines()).toEqual([
      'SSH hat nicht geantwortet (CONNECT_REFUSED); stattdessen mit Telnet verbunden.',
      'Telnet überträgt alles unverschlüsselt: in Ordnung über ein Kabel direkt zum Router, niemals über das Internet.',
      `Erste Verbindung zu 192.168.1.1: Sein Schlüssel ${fp} ist jetzt gespeichert.`,
      'A note from an older workstation.',
    ]);
  });

  it('in English word for word, as before', () => {
    useFlash.setState({ device });
    expect(noteLines()).toEqual([
      'SSH did not answer (CONNECT_REFUSED); connected with telnet instead.',
      'Telnet sends everything unencrypted; fine on a cable straight to the router, never over the internet.',
      `First connection to 192.168.1.1: remembered its key ${fp}.`,
      'A note from an older workstation.',
    ]);
  });
});
