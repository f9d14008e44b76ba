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
import { checkImageHash, dualSlotState, flashPlaybook, planReturnToStock, type ImageForPlan, type StockReport } from '../../../../src-shared/capabilities/upgrade';
import { useLocale } from '../../../../src-renderer/i18n';

const calls: { name: string; payload: unknown }[] = [];
let planReply: StockReport | undefined;
/** upgrade.bootSlot's answer: a function of the request, or a rejection (the router does not answer). */
let slotReply: ((p: { preview?: boolean; confirm: string; slot: number }) => unknown) | undefined;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    if (name === 'upgrade.plan') return planReply;
    if (name === 'upgrade.bootSlot') return slotReply!(payload as never);
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
  useUpgrade.setState({ progress: undefined, plan: undefined, outcome: undefined, error: undefined, busy: false, slot: undefined });
  slotReply = undefined;
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
    const copying: JournalRecord[] = [
      { type: 'step', at: T0, stepId: 'connect', state: 'active' },
      { type: 'step', at: T0 + 1, stepId: 'connect', state: 'done' },
      { type: 'step', at: T0 + 2, stepId: 'upload', state: 'active' },
    ];
    const s = run(copying);
    act(() => {
      usePlaybook.getState().setRun(s);
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'upload', done: 8 * 1048576, total: 32 * 1048576, rate: 4 * 1048576, etaS: 6, text: 'Copying fw.bin' });
    });
    expect(screen.getByTestId('up-progress').textContent).toMatch(/25% · 8\.0 MiB of 32 MiB · 4\.0 MiB\/s · about 6 s left/);
    act(() => {
      // the same run later on (a whole run older than the one shown would change nothing: decision 0175)
      usePlaybook.getState().setRun(run([...copying, { type: 'step', at: T0 + 3, stepId: 'upload', state: 'done' }, { type: 'step', at: T0 + 3, stepId: 'wait', state: 'active' }]));
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'wait', done: 75, total: 420, text: 'The router is writing and restarting (about 2 minutes). Do not unplug it. 1 min 15 s so far.' });
    });
    expect(screen.getByTestId('up-progress').textContent).toMatch(/1 min 15 s.*Do not unplug/);
    expect(screen.queryByTestId('up-wait-phases')).toBeNull(); // no phase said: no list

    // what the router shows: ping answers after it was gone, no login yet
    act(() => useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'wait', phase: 'starting', done: 95, total: 420, text: 'The router answers ping: it is starting. Waiting for its login. Do not unplug it. 1 min 35 s so far.' }));
    expect(screen.getByTestId('up-progress').textContent).toMatch(/answers ping: it is starting\. Waiting for its login/);
    const phases = screen.getByRole('list', { name: 'What the router shows' });
    const items = [...phases.querySelectorAll('li')].map((li) => [li.textContent, li.getAttribute('aria-current')]);
    expect(items).toEqual([
      ['✓ Writing the firmware', null],
      ['✓ Restarting: nothing answers', null],
      ['Starting: it answers ping', 'step'],
      ['Its login or web page answers', null],
    ]);
    act(() => useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'wait', phase: 'restarting', done: 40, total: 420, text: 'The router is writing and restarting: nothing answers yet (about 2 minutes). Do not unplug it. 40 s so far.' }));
    expect(screen.getByRole('list', { name: 'What the router shows' }).querySelector('[aria-current="step"]')!.textContent).toBe('Restarting: nothing answers');
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

  it('the settings backup shows a moving bar with the bytes so far and the rate (size not known before the end), in German too', async () => {
    ui();
    const toBackup: JournalRecord[] = [
      { type: 'step', at: T0, stepId: 'connect', state: 'active' },
      { type: 'step', at: T0 + 1, stepId: 'connect', state: 'done' },
      { type: 'step', at: T0 + 2, stepId: 'backup', state: 'active' },
    ];
    const s = run(toBackup);
    act(() => {
      usePlaybook.getState().setRun(s);
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'settings-backup', done: 12_000, total: 0, text: 'Saving your settings to this computer: 12000 bytes so far', msg: { id: 'upgrade.said.settingsSavingBytes', values: { bytes: 12_000 } } });
    });
    const card = screen.getByTestId('up-progress');
    expect(card.dataset.stage).toBe('settings-backup');
    const bar = card.querySelector('progress')!;
    expect(bar.hasAttribute('value')).toBe(false); // indeterminate: no end is known
    expect(bar.getAttribute('aria-label')).toBe('Saving your settings');
    expect(card.textContent).toMatch(/Your settings: 12 KiB so far/);
    act(() => useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'settings-backup', done: 48_000, total: 0, rate: 64_000, text: '' }));
    expect(screen.getByTestId('up-progress').textContent).toMatch(/Your settings: 47 KiB so far · 63 KiB\/s/);
    // the copy step's bar does not show during the backup step, and this one goes once the backup step is over
    act(() => usePlaybook.getState().setRun(run([...toBackup, { type: 'step', at: T0 + 3, stepId: 'backup', state: 'done' }, { type: 'step', at: T0 + 4, stepId: 'upload', state: 'active' }])));
    expect(screen.queryByTestId('up-progress')).toBeNull();
    // return to stock saves them in the router's check, once it says they cannot be kept (-n, -F): shown there too
    act(() => {
      usePlaybook.getState().setRun(run([...toBackup, { type: 'step', at: T0 + 3, stepId: 'backup', state: 'done' }, { type: 'step', at: T0 + 4, stepId: 'test', state: 'active' }]));
      useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'settings-backup', done: 256, total: 0, text: '' });
    });
    expect(screen.getByTestId('up-progress').dataset.stage).toBe('settings-backup');
    await useLocale.getState().setLocale('de');
    try {
      act(() => {
        usePlaybook.setState({ run: s });
        useUpgrade.getState().onProgress({ runId: 'run-1', stage: 'settings-backup', done: 48_000, total: 0, rate: 64_000, text: '' });
      });
      expect(screen.getByTestId('up-progress').textContent).toMatch(/Ihre Einstellungen: bisher 47 KiB · 63 KiB\/s/);
      expect(screen.getByTestId('up-progress').querySelector('progress')!.getAttribute('aria-label')).toBe('Ihre Einstellungen werden gesichert');
    } finally {
      await useLocale.getState().setLocale('en');
    }
  });

  it('German (decision 0168): the plan card says the planner\'s steps, reasons, layout evidence and user-reported path from their ids', async () => {
    const part = (index: number, name: string, size: number) => ({ index, name, size, erasesize: 0x20000, offset: null, type: 'nand' as const, readOnly: false, danger: [] });
    const device = { identity: { boardName: 'linksys,wrt32x' }, partitions: [part(5, 'kernel1', 0x7b00000), part(6, 'rootfs1', 0x7500000), part(7, 'kernel2', 0x7b00000), part(8, 'rootfs2', 0x7500000)], env: { boot_part: '1' }, running: { slot: 1, evidence: 'test' } };
    const image = (fileName: string, kind: ImageForPlan['kind'], version?: string): ImageForPlan => ({ fileName, path: `/${fileName}`, size: 1, kind, slotLayout: '3m', ...(version ? { version } : {}), hash: checkImageHash({ sha256: 'a', fileName, given: 'a' }) });
    const state = dualSlotState(device)!;
    const plan = planReturnToStock(state, image('FW.img', 'vendor', '1.0.180404.58'), image('f.img', 'openwrt-factory'));
    planReply = { plan, slots: state.slots, env: state.env, bootPart: 1, warnings: [] };
    await useLocale.getState().setLocale('de');
    try {
      ui();
      fireEvent.click(screen.getByTestId('up-mode-stock'));
      fireEvent.change(screen.getByTestId('up-file'), { target: { value: '/data/FW.img' } });
      await act(async () => fireEvent.click(screen.getByTestId('up-plan-btn')));
      const card = screen.getByTestId('up-plan').textContent!;
      expect(card).toContain('rootfs1 ist laut /proc/mtd 0x7500000 Byte groß (die Aufteilung 6 MB kernel).');
      expect(card).toContain('Mit OpenWrt 19.07.9 die alte Aufteilung zurückbringen');
      expect(card).toContain('Ein Factory-Image wird vollständig auf Platz 2 geschrieben');
      expect(card).toContain('Die Linksys-Firmware 1.0.180404.58 schreiben');
      expect(card).toContain('Sie kommt auf Platz 1, den, der gerade nicht läuft.');
      expect(screen.getByTestId('up-user-reported').textContent).toMatch(/Dieser Weg in zwei Schritten .+ ein offizielles Verfahren von OpenWrt oder Linksys ist er nicht\./);
      // the hash check's text (decision 0180)
      expect(card).toContain('FW.img passt zu dem Wert, den Sie angegeben haben (SHA-256 a).');
      expect(card).toContain('f.img passt zu dem Wert, den Sie angegeben haben (SHA-256 a).');
      expect(card).not.toMatch(/Put back|Write the|bytes in \/proc\/mtd|The maker's firmware|This two-step|matches the value/);
    } finally {
      await useLocale.getState().setLocale('en');
    }
  });

  it("German (decision 0184): the reading's warnings under the slots say ours from their ids, a router's own line as it came", async () => {
    const part = (index: number, name: string, size: number) => ({ index, name, size, erasesize: 0x20000, offset: null, type: 'nand' as const, readOnly: false, danger: [] });
    const device = { identity: { boardName: 'linksys,wrt32x' }, partitions: [part(5, 'kernel1', 0x7b00000), part(6, 'rootfs1', 0x7500000), part(7, 'kernel2', 0x7b00000), part(8, 'rootfs2', 0x7500000)], env: {}, running: { slot: 1, evidence: 'test' } };
    const state = dualSlotState(device)!;
    const plan = planReturnToStock(state, { fileName: 'FW.img', path: '/FW.img', size: 1, kind: 'vendor', slotLayout: '3m', hash: checkImageHash({ sha256: 'a', fileName: 'FW.img', given: 'a' }) });
    const own = 'fw_printenv: Cannot parse config file: No such file or directory';
    planReply = { plan, slots: state.slots, env: state.env, warnings: [...state.warnings, own], warningsMsg: state.warningsMsg! };
    await useLocale.getState().setLocale('de');
    try {
      ui();
      fireEvent.click(screen.getByTestId('up-mode-stock'));
      fireEvent.change(screen.getByTestId('up-file'), { target: { value: '/data/FW.img' } });
      await act(async () => fireEvent.click(screen.getByTestId('up-plan-btn')));
      expect(screen.getAllByTestId('up-report-warning').map((e) => e.textContent)).toEqual([
        'Die Bootloader-Einstellung boot_part fehlt; wir können deshalb nicht sagen, welchen Platz U-Boot als Nächstes startet.',
        own,
      ]);
    } finally {
      await useLocale.getState().setLocale('en');
    }
  });

  const failedStock = (): RunSnapshot => {
    let st: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-9', flashPlaybook, { mode: 'return-to-stock' }, T0));
    st = applyRecord(st, { type: 'step', at: T0 + 1, stepId: 'connect', state: 'done' });
    st = applyRecord(st, { type: 'end', at: T0 + 2, state: 'failed', summary: 'The router did not come back.' });
    return st!;
  };
  const stockPlan = (): StockReport => ({
    plan: { ok: true, model: 'Linksys WRT32X', layoutEvidence: 'rootfs1 is 0x7800000 bytes', runningSlot: 1, steps: [], warnings: [], successText: 'Done.' },
    slots: [],
    env: { boot_part: '2' },
    warnings: [],
  });

  it('after a failed return to stock: the router answered a read of its boot settings, so the card offers the old slot with "slot 1" typed', async () => {
    const before = { boot_part: '2', bootcmd: 'run altnandboot' };
    const changes = [
      { name: 'boot_part', from: '2', to: '1' },
      { name: 'bootcmd', from: 'run altnandboot', to: 'run nandboot' },
    ];
    slotReply = (p) => (p.preview ? { changed: false, before, env: before, commands: [], changes } : { changed: true, before, env: { boot_part: '1', bootcmd: 'run nandboot' }, commands: [], changes });
    useUpgrade.setState({ plan: stockPlan() });
    ui();
    await act(async () => usePlaybook.setState({ run: failedStock() }));
    expect(calls.find((c) => c.name === 'upgrade.bootSlot')?.payload).toMatchObject({ slot: 1, preview: true, target: { host: '192.168.1.1' } });
    const card = screen.getByTestId('up-slot');
    expect(card.textContent).toMatch(/set to start slot 2.*Slot 1 still holds the firmware it ran before/);
    expect(card.textContent).toMatch(/boot_part: 2 → 1/);
    const btn = screen.getByTestId('up-slot-btn') as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('up-slot-confirm'), { target: { value: 'slot 2' } });
    expect(btn.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('up-slot-confirm'), { target: { value: 'slot 1' } });
    expect(btn.disabled).toBe(false);
    await act(async () => fireEvent.click(btn));
    expect(calls.filter((c) => c.name === 'upgrade.bootSlot').at(-1)?.payload).toMatchObject({ slot: 1, confirm: 'slot 1' });
    expect(calls.filter((c) => c.name === 'upgrade.bootSlot').at(-1)?.payload).not.toHaveProperty('preview');
    expect(screen.getByTestId('up-slot-done').textContent).toMatch(/start slot 1 \(boot_part=1, bootcmd=run nandboot, read back/);
  });

  it('after a failed return to stock with no shell reachable: no slot action is shown', async () => {
    slotReply = () => {
      throw Object.assign(new Error('The router at 192.168.1.1 does not answer.'), { code: 'CONNECT_FAILED' });
    };
    useUpgrade.setState({ plan: stockPlan() });
    ui();
    await act(async () => usePlaybook.setState({ run: failedStock() }));
    expect(calls.some((c) => c.name === 'upgrade.bootSlot')).toBe(true);
    expect(screen.queryByTestId('up-slot')).toBeNull();
    expect(screen.queryByTestId('up-slot-btn')).toBeNull();
  });
});
