/**
 * What the services say is shown in the language shown (decision 0130): words that travel as catalogue id +
 * values beside their English (upgrade, U-Boot, vendor recovery, the failsafe guide) and the Netgear stages
 * (matched by their English). The Timeline shows a failed step's fault in the language shown too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { tNow, useLocale } from '../../../src-renderer/i18n';
import { UpgradeView } from '../../../src-renderer/capabilities/upgrade/View';
import { useUpgrade } from '../../../src-renderer/capabilities/upgrade/store';
import { usePlaybook } from '../../../src-renderer/capabilities/playbook/store';
import { Timeline } from '../../../src-renderer/capabilities/failsafe/Timeline';
import { UbootPanel } from '../../../src-renderer/capabilities/uboot/UbootPanel';
import { useUboot } from '../../../src-renderer/capabilities/uboot/store';
import { stageSay } from '../../../src-renderer/capabilities/nmrp/words';
import { applyRecord, startRecord, type JournalRecord, type RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { flashPlaybook } from '../../../src-shared/capabilities/upgrade';
import { RECOVER_PLAYBOOKS } from '../../../src-shared/capabilities/recover';
import { said, wordsMsg, wordsText } from '../../../src-shared/i18n';
import { fault } from '../../../src-shared/errors';
import type { SerialSession } from '../../../src-shared/capabilities/serial/contract';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({})) as RbApi['invoke'], on: () => () => undefined };
const T0 = new Date(2026, 0, 2, 14, 2, 10, 0).getTime();
const ev = (stepId: string, w: ReturnType<typeof said>, at = T0 + 5): JournalRecord => ({ type: 'evidence', at, stepId, text: w.text, msg: w.msg });

beforeAll(async () => {
  await useLocale.getState().setLocale('de');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
afterEach(() => {
  cleanup();
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
  useUpgrade.setState({ progress: undefined, plan: undefined, outcome: undefined, error: undefined, busy: false, slot: undefined });
});

describe('service words in German', () => {
  it('upgrade: the wait text, the replaced doNow, the question and its choices, the evidence', () => {
    render(
      <ApiContext.Provider value={api}>
        <UpgradeView />
      </ApiContext.Provider>,
    );
    const wait = said('upgrade.said.wait.restarting');
    const ask = said('upgrade.said.ask.backup');
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-1', flashPlaybook, { mode: 'flash' }, T0));
    for (const r of [
      { type: 'step', at: T0, stepId: 'connect', state: 'active' },
      ev('connect', said('upgrade.said.ev.tmpFree', { size: '52.3 MiB' })),
      { type: 'step', at: T0 + 6, stepId: 'connect', state: 'done' },
      { type: 'step', at: T0 + 7, stepId: 'wait', state: 'active' },
      { type: 'doNow', at: T0 + 8, stepId: 'wait', text: wait.text, msg: wait.msg },
      {
        type: 'prompt',
        at: T0 + 9,
        prompt: { id: 'q1', stepId: 'wait', text: ask.text, msg: ask.msg, choices: [{ id: 'full', label: said('upgrade.said.choice.fullBackup').text, labelMsg: said('upgrade.said.choice.fullBackup').msg, primary: true }] },
      },
    ] as JournalRecord[])
      s = applyRecord(s, r);
    act(() => {
      usePlaybook.getState().setRun(s!);
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'wait', phase: 'restarting', done: 40, total: 420, text: `${wait.text} 40 s so far.`, msg: wait.msg });
    });
    const german = 'Der Router schreibt und startet neu: noch antwortet nichts (etwa 2 Minuten). Stecken Sie ihn nicht aus.';
    expect(screen.getByTestId('up-progress').textContent).toContain(german);
    expect(screen.getByTestId('fs-do-now').textContent).toBe(german);
    expect(screen.getByTestId('fs-prompt').textContent).toContain('Zuerst eine vollständige Sicherung des Routers anlegen?');
    expect(screen.getByTestId('fs-choice-full').textContent).toBe('Zuerst vollständig sichern');
    expect(screen.getByTestId('fs-timeline').textContent).toContain('Freier Speicher für das Image (/tmp): 52.3 MiB.');
  });

  it("a failed step's retry button, as the playbook wrote it, in German (decision 0151)", () => {
    render(
      <ApiContext.Provider value={api}>
        <UpgradeView />
      </ApiContext.Provider>,
    );
    const step = flashPlaybook.steps.find((x) => x.onFailure.kind === 'retry')!;
    const again = step.onFailure.kind === 'retry' ? step.onFailure.label : '';
    const stop = said('playbook.said.stopHere');
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-3', flashPlaybook, { mode: 'flash' }, T0));
    for (const r of [
      { type: 'step', at: T0, stepId: step.id, state: 'active' },
      { type: 'step', at: T0 + 1, stepId: step.id, state: 'failed', error: { code: 'NOPE', message: 'Not yet.' } },
      {
        type: 'prompt',
        at: T0 + 2,
        prompt: { id: 'q3', stepId: step.id, text: 'Not yet.', choices: [{ id: 'again', label: wordsText(again), labelMsg: wordsMsg(again), primary: true }, { id: 'stop', label: stop.text, labelMsg: stop.msg }] },
      },
    ] as JournalRecord[])
      s = applyRecord(s, r);
    act(() => usePlaybook.getState().setRun(s!));
    expect(wordsText(again)).toBe('Try again');
    expect(screen.getByTestId('fs-choice-again').textContent).toBe('Noch einmal versuchen');
    expect(screen.getByTestId('fs-choice-stop').textContent).toBe('Hier aufhören');
  });

  it('vendor recovery and the failsafe guide: evidence in German, a router\'s own words as they came, a failed step\'s fault translated', () => {
    const pb = RECOVER_PLAYBOOKS.tplink;
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-2', pb, {}, T0));
    const first = pb.steps[0]!.id;
    for (const r of [
      { type: 'step', at: T0, stepId: first, state: 'active' },
      ev(first, said('recover.said.letGo')),
      ev(first, said('failsafe.said.nothingAnswers', { router: '192.168.0.1' })),
      { type: 'evidence', at: T0 + 6, stepId: first, text: 'U-Boot 1.1.4 (Jan 1 2015)' },
      { type: 'step', at: T0 + 7, stepId: first, state: 'failed', error: fault('RECOVER_NO_WIRED').toShape() },
    ] as JournalRecord[])
      s = applyRecord(s, r);
    render(<Timeline run={s!} />);
    const text = screen.getByTestId('fs-timeline').textContent!;
    expect(text).toContain('Sie können den Reset-Knopf jetzt loslassen. Der Router holt sich die Datei.');
    expect(text).toContain('Unter 192.168.0.1 antwortet noch nichts: gut, der Router ist aus.');
    expect(text).toContain('U-Boot 1.1.4 (Jan 1 2015)');
    const failed = document.querySelector('.fs-step-error')!.textContent!;
    expect(failed).toBe(tNow('error.RECOVER_NO_WIRED.message'));
    expect(failed).not.toBe(fault('RECOVER_NO_WIRED').message);
  });

  it('U-Boot: each step message in German', () => {
    const session: SerialSession = {
      id: 's1', path: '/dev/ttyUSB0', state: 'open', requested: { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' }, actual: { baud: 115200 },
      signals: {}, profile: 'generic', logPath: '/tmp/x.log', openedAt: 0, bytesIn: 0, bytesOut: 0, reconnects: 0, autoStop: true,
    };
    const st = said('uboot.said.verified', { size: 4194304, crc: '1a2b3c4d' });
    render(
      <ApiContext.Provider value={api}>
        <UbootPanel session={session} />
      </ApiContext.Provider>,
    );
    act(() => useUboot.getState().setRun({ runId: 'u1', sessionId: 's1', file: '/images/x.bin', state: 'running', startedAt: 1, steps: [{ runId: 'u1', step: 'verify', state: 'done', message: st.text, msg: st.msg, at: T0 }] }));
    expect(screen.getByTestId('uboot-steps').textContent).toContain('Geprüft: Größe 4.194.304 Bytes und CRC-32 1a2b3c4d stimmen mit diesem Computer überein.');
  });

  it('Netgear: a stage line in German', () => {
    const busy = said('nmrp.said.busy');
    expect(stageSay(tNow, { say: busy.text, sayMsg: busy.msg })).toBe(tNow('nmrp.said.busy'));
    expect(tNow('nmrp.said.busy')).not.toMatch(/The router/);
  });
});
