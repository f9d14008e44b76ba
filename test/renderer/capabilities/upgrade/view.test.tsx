/**
 * The upgrade screen renders what the runner and the service report: a run snapshot built with the shared journal
 * reducer, upgrade.progress events, the return-to-stock plan with both slots; the API records what the view sends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { UpgradeView } from '../../../../src-renderer/capabilities/upgrade/View';
import { useUpgrade } from '../../../../src-renderer/capabilities/upgrade/store';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import { applyRecord, startRecord, type JournalRecord, type RunSnapshot } from '../../../../src-shared/capabilities/playbook';
import { flashPlaybook, type StockReport } from '../../../../src-shared/capabilities/upgrade';

const calls: { name: string; payload: unknown }[] = [];
let planReply: StockReport | undefined;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    if (name === 'upgrade.plan') return planReply;
    return {};
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

const T0 = new Date(2026, 0, 2, 14, 2, 10, 0).getTime();
function run(records: JournalRecord[]): RunSnapshot {
  let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-1', flashPlaybook, { mode: 'flash' }, T0));
  for (const r of records) s = applyRecord(s, r);
  return s!;
}
const ui = () =>
  render(
    <ApiContext.Provider value={api}>
      <UpgradeView />
    </ApiContext.Provider>,
  );

afterEach(() => {
  cleanup();
  calls.length = 0;
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
  useUpgrade.setState({ progress: undefined, plan: undefined, outcome: undefined, error: undefined, busy: false });
});

describe('upgrade view', () => {
  it('starts a flash with the typed router and file (no password field sent when empty)', async () => {
    ui();
    fireEvent.change(screen.getByTestId('up-file'), { target: { value: '/data/openwrt.bin' } });
    await act(async () => fireEvent.click(screen.getByTestId('up-start-btn')));
    expect(calls).toEqual([{ name: 'upgrade.start', payload: expect.objectContaining({ mode: 'flash', file: '/data/openwrt.bin', target: { host: '192.168.1.1', method: 'auto', user: 'root', hostKeyPolicy: 'remember' } }) }]);
  });

  it('the copy bar shows percent, speed and time left while the copy step runs; the wait shows elapsed time', () => {
    ui();
    const s = run([
      { type: 'step', at: T0, stepId: 'connect', state: 'active' },
      { type: 'step', at: T0 + 1, stepId: 'connect', state: 'done' },
      { type: 'step', at: T0 + 2, stepId: 'upload', state: 'active' },
    ]);
    act(() => {
      usePlaybook.getState().setRun(s);
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'upload', done: 8 * 1048576, total: 32 * 1048576, rate: 4 * 1048576, etaS: 6, text: 'Copying fw.bin' });
    });
    expect(screen.getByTestId('up-progress').textContent).toMatch(/25% · 8\.0 MiB of 32 MiB · 4\.0 MiB\/s · about 6 s left/);
    act(() => {
      usePlaybook.getState().setRun(run([{ type: 'step', at: T0 + 3, stepId: 'wait', state: 'active' }]));
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'wait', done: 75, total: 420, text: 'The router is writing and restarting (about 2 minutes). Do not unplug it. 1 min 15 s so far.' });
    });
    expect(screen.getByTestId('up-progress').textContent).toMatch(/1 min 15 s.*Do not unplug/);
  });

  it('return to stock: the plan shows both slots, which runs, which gets the file, and the user-reported label', async () => {
    planReply = {
      plan: {
        ok: true,
        model: 'Linksys WRT32X',
        layout: { id: '6m', label: '6 MB kernel' },
        layoutEvidence: 'rootfs1 is 0x7500000 bytes in /proc/mtd (the 6 MB kernel layout)',
        runningSlot: 1,
        steps: [
          { id: 'intermediate', title: 'Put back the old layout with OpenWrt 19.07.9', slot: 2, command: 'sysupgrade -F -n /tmp/f.img', why: 'w', image: { fileName: 'f.img', path: '/f.img', size: 1, kind: 'openwrt-factory', hash: { sha256: 'a', source: 'sidecar', from: 'x', status: 'match', text: 'matches' } } },
          { id: 'stock', title: 'Write the Linksys firmware 1.0.180404.58', slot: 1, command: 'sysupgrade -F -n /tmp/FW.img', why: 'w', image: { fileName: 'FW.img', path: '/FW.img', size: 1, kind: 'vendor', hash: { sha256: 'b', source: 'given', from: 'y', status: 'match', text: 'matches' } } },
        ],
        warnings: [],
        userReported: 'worked for a forum user; not official',
        successText: 'Done. The router now runs Linksys firmware 1.0.180404.58 from slot 1.',
      },
      slots: [
        { slot: 1, running: true, bootsNext: true, kernel: { index: 4, name: 'kernel1', size: 0x7b00000, offset: null } },
        { slot: 2, running: false, bootsNext: false, kernel: { index: 6, name: 'kernel2', size: 0x7b00000, offset: null } },
      ],
      env: { boot_part: '1' },
      bootPart: 1,
      warnings: [],
    };
    ui();
    fireEvent.click(screen.getByTestId('up-mode-stock'));
    fireEvent.change(screen.getByTestId('up-file'), { target: { value: '/data/FW.img' } });
    expect((screen.getByTestId('up-start-btn') as HTMLButtonElement).disabled).toBe(true); // no plan seen yet
    await act(async () => fireEvent.click(screen.getByTestId('up-plan-btn')));
    expect(screen.getByTestId('up-slot-1').textContent).toMatch(/running now.*starts next.*Gets: FW\.img/);
    expect(screen.getByTestId('up-slot-2').textContent).toMatch(/Gets: f\.img/);
    expect(screen.getByTestId('up-user-reported').textContent).toMatch(/User-reported path/);
    expect((screen.getByTestId('up-start-btn') as HTMLButtonElement).disabled).toBe(false);
  });
});
