/**
 * The Netgear recovery in the person's language (issue 19): what the service says while it runs travels as
 * catalogue id + values beside its English (decision 0145) and is shown in the language shown; a stage without
 * one (an older workstation) is shown as it came; the session and the service write no sentence of their own
 * (read from their source, so a new English literal fails here); and a whole run (steps, progress, writing, done,
 * the boot check's question) rendered in the pseudo-locale has no text outside the catalogue.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { NmrpView } from '../../../../src-renderer/capabilities/nmrp/View';
import { stageDoNow, stageSay, stageWarning } from '../../../../src-renderer/capabilities/nmrp/words';
import { useNmrp } from '../../../../src-renderer/capabilities/nmrp/store';
import { tNow, useLocale } from '../../../../src-renderer/i18n';
import { english, said, type Said } from '../../../../src-shared/i18n';
import type { NmrpStage } from '../../../../src-shared/capabilities/nmrp';
import { noRouterFault } from '../../../../src-main/capabilities/nmrp/faults';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({ interfaces: [] })) as RbApi['invoke'], on: () => () => undefined };
const counters = { malformed: 1, ignored: 2, confAcks: 1, uploadRequests: 1, keepAlives: 3, advertisements: 9 };
const st = (stage: NmrpStage['stage'], say: string | Said, extra: Partial<NmrpStage> = {}): NmrpStage => ({
  runId: 'r',
  stage,
  at: Date.now() - 5000,
  ...(typeof say === 'string' ? { say } : { say: say.text, sayMsg: say.msg }),
  counters,
  ...extra,
});
const doNow = (w: Said): Partial<NmrpStage> => ({ doNow: w.text, doNowMsg: w.msg });
const warning = (w: Said): Partial<NmrpStage> => ({ warning: w.text, warningMsg: w.msg });

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

  it('a stage says its message in German with its values; without a message (an older workstation) its English as it came', () => {
    expect(stageSay(tNow, st('router-found', said('nmrp.said.found', { mac: 'a0:40:a0:01:02:03' })))).toBe('Der Router hat geantwortet (Hardware-Adresse a0:40:a0:01:02:03).');
    expect(stageSay(tNow, st('upload-requested', said('nmrp.said.askedName', { name: 'R7800.img' })))).toBe('Der Router hat nach der Firmware gefragt („R7800.img“). Sie wird jetzt gesendet.');
    expect(stageDoNow(tNow, doNow(said('nmrp.said.switchOn')))).toBe('Schalten Sie den Router jetzt ein.');
    expect(stageWarning(tNow, warning(said('nmrp.said.manyPieces', { max: 65535, blksize: 1456 })))).toBe(
      'Die Datei braucht mehr als 65535 Stücke, wenn der Router die größeren Stücke (1456 Bytes) ablehnt; der Stückzähler würde dann wieder bei 0 beginnen, und manche Bootloader kommen damit nicht zurecht.',
    );
    // no message: the English as sent (it is not matched to a template any more)
    expect(stageSay(tNow, st('writing', 'The router is writing the firmware and says it is still busy. Do not switch it off.'))).toBe(
      'The router is writing the firmware and says it is still busy. Do not switch it off.',
    );
    // an OS error quoted as the warning stays as it came
    expect(stageWarning(tNow, { warning: 'RTNETLINK answers: Operation not permitted' })).toBe('RTNETLINK answers: Operation not permitted');
  });

  it('the run panel shows the stage line and its warning in German', () => {
    const stages = [
      st('router-found', said('nmrp.said.found', { mac: 'a0:40:a0:01:02:03' }), { routerMac: 'a0:40:a0:01:02:03' }),
      st('upload-requested', said('nmrp.said.askedName', { name: 'R7800-V1.0.2.94.img' }), warning(said('nmrp.said.askedAgain'))),
    ];
    useNmrp.getState().replace({ state: 'running', runId: 'r', interface: 'eth1', stages });
    const root = render(
      <ApiContext.Provider value={api}>
        <NmrpView />
      </ApiContext.Provider>,
    ).container;
    expect(root.querySelector('[data-testid="nmrp-do-now"]')!.textContent).toBe('Der Router hat nach der Firmware gefragt („R7800-V1.0.2.94.img“). Sie wird jetzt gesendet.');
    const log = root.querySelector('[data-testid="nmrp-log"]')!.textContent!;
    expect(log).toContain('Der Router hat geantwortet (Hardware-Adresse a0:40:a0:01:02:03).');
    expect(log).toContain(' — Der Router hat noch einmal nach der Datei gefragt: Vielleicht nimmt er diese Firmware nicht an.');
    expect(log).not.toMatch(/The router/);
  });

  it("the session and the service write no sentence of their own: every say, doNow and warning comes from the catalogue", () => {
    const src = ['session.ts', 'service.ts', 'image-check.ts', 'grant.ts'].map((f) => fs.readFileSync(`src-main/capabilities/nmrp/${f}`, 'utf8')).join('\n');
    // English written inline as a stage's words (a quoted or template literal after say/doNow/warning)
    expect([...src.matchAll(/\b(?:say|doNow|warning): *(?:'|`|")[^\n]*/g)].map((m) => m[0])).toEqual([]);
    expect([...src.matchAll(/warnings\.push\((?:'|`|")[^\n]*/g)].map((m) => m[0])).toEqual([]);
    expect(src).toMatch(/said\('nmrp\.said\.found', \{ mac \}\)/);
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
      st('checking-image', said('nmrp.said.checking')),
      st('preparing-network', said('nmrp.said.preparing', { name: 'eth1', address: '10.164.183.252' })),
      st('advertising', said('nmrp.said.calling'), doNow(said('nmrp.said.switchOnHow'))),
      st('router-found', said('nmrp.said.found', { mac: 'a0:40:a0:01:02:03' }), { routerMac: 'a0:40:a0:01:02:03' }),
      st('configured', said('nmrp.said.settings', { address: '10.164.183.253' })),
      st('upload-requested', said('nmrp.said.askedName', { name: 'R7800-V1.0.2.94.img' }), warning(said('nmrp.said.askedAgain'))),
      st('uploading', said('nmrp.said.sending')),
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

    act(() => useNmrp.getState().onStage(st('uploaded', said('nmrp.said.uploaded'), { upload: { bytes: 30_000_000, total: 30_000_000, bytesPerSecond: 2e6, sha256: 'ab'.repeat(32) } })));
    act(() => useNmrp.getState().onStage(st('writing', said('nmrp.said.busy'), { keepAlives: 3 })));
    expect(root.querySelector('[data-testid="nmrp-writing"]')).not.toBeNull();
    expect(scanForEscapes(root, DATA)).toEqual([]);

    act(() =>
      useNmrp.getState().onStage(
        st('done', said('nmrp.said.done'), doNow(said('nmrp.said.doneDoNow'))),
      ),
    );
    expect(root.querySelector('[data-testid="nmrp-done"]')).not.toBeNull();
    expect(scanForEscapes(root, [...DATA, 'abababababababab'])).toEqual([]);
  });
});
