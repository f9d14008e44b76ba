/**
 * The Netgear recovery in the person's language (issue 19): what the service says while it runs is matched
 * to the catalogue by its English (decision 0102) and shown translated; every fixed sentence the service and
 * the session write (read from their source, so a reworded sentence without its catalogue entry fails here)
 * is known; and a whole run (steps, progress, writing, done, the boot check's question) rendered in the
 * pseudo-locale has no text outside the catalogue.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { NmrpView } from '../../../../src-renderer/capabilities/nmrp/View';
import { nmrpSaid } from '../../../../src-renderer/capabilities/nmrp/words';
import { useNmrp } from '../../../../src-renderer/capabilities/nmrp/store';
import { tNow, useLocale } from '../../../../src-renderer/i18n';
import { english } from '../../../../src-shared/i18n';
import type { NmrpStage } from '../../../../src-shared/capabilities/nmrp';
import { noRouterFault } from '../../../../src-main/capabilities/nmrp/faults';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({ interfaces: [] })) as RbApi['invoke'], on: () => () => undefined };
const counters = { malformed: 1, ignored: 2, confAcks: 1, uploadRequests: 1, keepAlives: 3, advertisements: 9 };
const st = (stage: NmrpStage['stage'], say: string, extra: Partial<NmrpStage> = {}): NmrpStage => ({ runId: 'r', stage, at: Date.now() - 5000, say, counters, ...extra });

afterEach(() => {
  cleanup();
  useNmrp.getState().replace({ state: 'idle', stages: [] });
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});

describe('Netgear recovery: words in the language shown', () => {
  beforeAll(async () => {
    await useLocale.getState().setLocale('de');
  });

  it('a sentence with values is found by its English and said in German; an unknown one stays as sent', () => {
    expect(nmrpSaid(tNow, 'The router answered (hardware address a0:40:a0:01:02:03).')).toBe('Der Router hat geantwortet (Hardware-Adresse a0:40:a0:01:02:03).');
    expect(nmrpSaid(tNow, 'The router asked for the firmware ("R7800.img"). Sending it now.')).toBe('Der Router hat nach der Firmware gefragt („R7800.img“). Sie wird jetzt gesendet.');
    expect(nmrpSaid(tNow, 'Switch the router on now.')).toBe('Schalten Sie den Router jetzt ein.');
    expect(nmrpSaid(tNow, 'Something the catalogue does not know.')).toBe('Something the catalogue does not know.');
  });

  it("every fixed sentence in the session's and the service's source is in the catalogue", () => {
    const literals = ['session.ts', 'service.ts']
      .map((f) => fs.readFileSync(`src-main/capabilities/nmrp/${f}`, 'utf8'))
      .flatMap((src) => [...src.matchAll(/(?:say|doNow|warning): '((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    expect(literals.length).toBeGreaterThan(8);
    const unknown = literals.filter((l) => nmrpSaid(tNow, l) === l);
    expect(unknown).toEqual([]);
  });

  it("a fault made with fault() is shown in German with its values (the NMRP_NO_ROUTER checklist)", () => {
    const f = noRouterFault(30, false, 0);
    expect(f.message).toBe('The router did not answer in 30 seconds.');
    expect(f.fix).toContain(' — this computer never saw the cable connected.');
    expect(english('error.NMRP_NO_ROUTER.message', f.values)).toBe(f.message);
    useNmrp.getState().replace({ state: 'failed', runId: 'r', stages: [st('failed', f.message, { fault: f })], fault: f });
    const root = render(
      <ApiContext.Provider value={api}>
        <NmrpView />
      </ApiContext.Provider>,
    ).container;
    expect(root.textContent).toContain('Der Router hat in 30 Sekunden nicht geantwortet.');
    expect(root.textContent).toContain('dieser Computer hat das Kabel nie verbunden gesehen');
  });
});

describe('Netgear recovery in the pseudo-locale: no text outside the catalogue', () => {
  beforeAll(async () => {
    await useLocale.getState().setLocale('en-XA');
  });

  const DATA = ['R7800', 'Netgear', 'eth1', 'a0:40:a0:01:02:03', 'R7800-V1.0.2.94.img', 'KiB', 'MiB', 'SHA-256'];
  const image = { file: '/f/R7800-V1.0.2.94.img', fileName: 'R7800-V1.0.2.94.img', size: 30_000_000, kind: 'dni-img' as const, board: 'R7800', version: 'V1.0.2.94', intact: true, say: 'x', warnings: [] };

  it('while it sends, while it writes, and when it is done', () => {
    const stages = [
      st('checking-image', 'Checking the firmware file.'),
      st('preparing-network', 'Preparing the connection eth1: this computer takes the address 10.164.183.252.'),
      st('advertising', 'Calling the router. Switch the router on now.', { doNow: 'Switch the router on now (power button or plug).' }),
      st('router-found', 'The router answered (hardware address a0:40:a0:01:02:03).', { routerMac: 'a0:40:a0:01:02:03' }),
      st('configured', 'The router asked for its settings: it gets the address 10.164.183.253.'),
      st('upload-requested', 'The router asked for the firmware ("R7800-V1.0.2.94.img"). Sending it now.', { warning: 'The router asked for the file again: it may not accept this firmware.' }),
      st('uploading', 'Sending the firmware to the router. Keep the cable plugged in and the power on.'),
    ];
    useNmrp.getState().replace({ state: 'running', runId: 'r', interface: 'eth1', image, stages });
    act(() => useNmrp.getState().onProgress({ runId: 'r', bytes: 10_000_000, total: 30_000_000, bytesPerSecond: 2_000_000 }));
    const root = render(
      <ApiContext.Provider value={api}>
        <NmrpView />
      </ApiContext.Provider>,
    ).container;
    root.querySelectorAll('details').forEach((d) => (d.open = true));
    expect(root.querySelector('[data-testid="nmrp-progress"]')).not.toBeNull();
    expect(scanForEscapes(root, DATA)).toEqual([]);

    act(() => useNmrp.getState().onStage(st('uploaded', 'The router has the whole file. It now writes it into its memory: this takes a few minutes. Do not switch it off.', { upload: { bytes: 30_000_000, total: 30_000_000, bytesPerSecond: 2e6, sha256: 'ab'.repeat(32) } })));
    act(() => useNmrp.getState().onStage(st('writing', 'The router is writing the firmware and says it is still busy. Do not switch it off.', { keepAlives: 3 })));
    expect(root.querySelector('[data-testid="nmrp-writing"]')).not.toBeNull();
    expect(scanForEscapes(root, DATA)).toEqual([]);

    act(() =>
      useNmrp.getState().onStage(
        st('done', 'Done: the router has written the firmware and says the recovery is finished.', {
          doNow: 'Switch the router off now, wait 10 seconds and switch it on again. It then starts the new firmware (the first start takes a few minutes).',
        }),
      ),
    );
    expect(root.querySelector('[data-testid="nmrp-done"]')).not.toBeNull();
    expect(scanForEscapes(root, [...DATA, 'abababababababab'])).toEqual([]);
  });
});
