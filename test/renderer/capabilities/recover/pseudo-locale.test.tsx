/**
 * The vendor recovery screens in the pseudo-locale while a guide runs (issue 19): the maker chosen, the step to do
 * now with the guide's question, the timeline, the cues, the transfer bar and the wait for the router. Step texts
 * come from the catalogue through `playbook.recover-*` (the run carries the English). What the workstation
 * writes as evidence and the image plan's checks are English data and are not put on screen here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { RecoverView } from '../../../../src-renderer/capabilities/recover/View';
import { useRecover } from '../../../../src-renderer/capabilities/recover/store';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { applyRecord, startRecord, type JournalRecord } from '../../../../src-shared/capabilities/playbook/journal';
import { RECOVER_PLAYBOOKS, URESCUE_FORCE_WARNING } from '../../../../src-shared/capabilities/recover';
import type { RunSnapshot } from '../../../../src-shared/capabilities/playbook/contract';
import { DEVICE_PROFILES } from '../../../../src-shared/profiles/profiles';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({})) as RbApi['invoke'], on: () => () => undefined };
const DATA = ['Rescue Bench', 'TP-Link', 'ASUS', 'Ubiquiti', 'D-Link', 'KiB', 'MiB', ...DEVICE_PROFILES.map((d) => `${d.vendor} ${d.model}`), ...DEVICE_PROFILES.map((d) => d.model), 'ArcherC7v2_tp_recovery.bin'];

beforeAll(async () => {
  await useLocale.getState().setLocale('en-XA');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
afterEach(() => {
  cleanup();
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
  useRecover.setState({ flow: undefined, model: '', file: '', plan: undefined, progress: undefined, error: undefined, busy: 'idle' });
});

function runOf(flow: 'tplink' | 'ubiquiti', records: (s: RunSnapshot) => JournalRecord[]): RunSnapshot {
  const def = RECOVER_PLAYBOOKS[flow];
  let s: RunSnapshot | undefined = applyRecord(undefined, startRecord(`run-${flow}`, def, {}, Date.now()));
  for (const r of records(s!)) s = applyRecord(s, r);
  return s!;
}

describe('vendor recovery in the pseudo-locale, while a guide runs', () => {
  it("the first step with the guide's question (Done), the cues and the timeline", () => {
    const T0 = Date.now();
    const cables = RECOVER_PLAYBOOKS.tplink.steps[0]!;
    const s = runOf('tplink', () => [
      { type: 'step', at: T0, stepId: 'cables', state: 'active' },
      { type: 'prompt', at: T0, prompt: { id: 'p1', stepId: 'cables', text: cables.doNow, detail: cables.explain, choices: [{ id: 'ok', label: 'Done', primary: true }] } },
    ]);
    act(() => {
      useRecover.setState({ flow: 'tplink' });
      usePlaybook.getState().setStatus({ run: s, transcript: [] });
    });
    const { container } = render(
      <ApiContext.Provider value={api}>
        <RecoverView />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('rc-prompt')).toBeTruthy();
    expect(scanForEscapes(container, DATA)).toEqual([]);
  });

  it('the transfer with its bar and the asked name; then the wait for the router to ask (Ubiquiti: the urescue -f warning)', () => {
    const T0 = Date.now();
    const steps = ['cables', 'network', 'button'];
    const s = runOf('ubiquiti', () => [...steps.flatMap((id): JournalRecord[] => [{ type: 'step', at: T0, stepId: id, state: 'active' }, { type: 'step', at: T0, stepId: id, state: 'done' }]), { type: 'step', at: T0, stepId: 'transfer', state: 'active' }]);
    act(() => {
      usePlaybook.getState().setStatus({ run: s, transcript: [] });
      useRecover.getState().setProgress({ runId: 'run-ubiquiti', phase: 'transfer', bytes: 500_000, total: 1_000_000, bytesPerSecond: 1_000_000, requested: 'ArcherC7v2_tp_recovery.bin', since: T0 });
    });
    const { container } = render(
      <ApiContext.Provider value={api}>
        <RecoverView />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('rc-transfer')).toBeTruthy();
    // the urescue -f warning is shown, in the language shown (not as the English the shared code holds)
    expect(container.textContent).not.toContain(URESCUE_FORCE_WARNING);
    expect(container.textContent).toContain('ŭřḗşƈŭḗ -ƒ');
    expect(scanForEscapes(container, DATA)).toEqual([]);
    act(() => useRecover.getState().setProgress({ runId: 'run-ubiquiti', phase: 'waiting', bytes: 0, total: 0, bytesPerSecond: 0, since: T0 }));
    expect(screen.getByTestId('rc-waiting')).toBeTruthy();
    expect(scanForEscapes(container, DATA)).toEqual([]);
  });
});
