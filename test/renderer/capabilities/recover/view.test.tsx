/**
 * The Vendor recovery screen: picking maker and model shows that model's physical cues; a checked file shows what
 * was cut and why; a refused file cannot be started; a running guide shows the transfer and the writing timer;
 * the end says "works again" only for a run that ended done. Snapshots come from the shared journal reducer.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { RecoverView } from '../../../../src-renderer/capabilities/recover/View';
import { useRecover } from '../../../../src-renderer/capabilities/recover/store';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import { applyRecord, startRecord, type JournalRecord } from '../../../../src-shared/capabilities/playbook/journal';
import { planImage, RECOVER_PLAYBOOKS, type RecoverPlan } from '../../../../src-shared/capabilities/recover';
import { findDeviceProfile } from '../../../../src-shared/profiles/profiles';
import { tplinkFactory, tplinkUpBoot } from '../../../../test-support/vendor-images';
import { useLocale } from '../../../../src-renderer/i18n';
import type { RunSnapshot } from '../../../../src-shared/capabilities/playbook/contract';
import { fault } from '../../../../src-shared/errors';

const calls: { name: string; payload: unknown }[] = [];
let reply: unknown = {};
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    // the network assistant's panel (shown once a file is checked) reads the interfaces
    if (name === 'net.list') return { interfaces: [], platform: 'linux', networkManager: 'absent' };
    return reply;
  }) as RbApi['invoke'],
  on: () => () => undefined,
};
const ui = () =>
  render(
    <ApiContext.Provider value={api}>
      <RecoverView />
    </ApiContext.Provider>,
  );

afterEach(() => {
  cleanup();
  calls.length = 0;
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
  useRecover.setState({ flow: undefined, model: '', file: '', plan: undefined, progress: undefined, error: undefined, busy: 'idle' });
});

const plan = (over: Partial<RecoverPlan['image']> = {}): RecoverPlan => ({
  flow: 'tplink',
  model: 'tplink,archer-c7-v2',
  file: '/data/ArcherC7v2_up_boot.bin',
  sha256: 'ab'.repeat(32),
  router: '192.168.0.86',
  host: '192.168.0.66/24',
  names: ['ArcherC7v2_tp_recovery.bin', 'tp_recovery.bin'],
  image: { flow: 'tplink', size: 0x20200 + 1000, cutBytes: 0x20200, servedBytes: 1000, cutReason: 'Cut the first 131584 bytes (0x00020200): TP-Link\'s outer header and the bootloader it carries.', checks: [{ name: 'Model', ok: true, text: 'Made for hardware id 0xc7000002: Archer C7 v2.' }], ...over },
});

describe('Vendor recovery view', () => {
  it('maker and model give the physical cues; checking shows the cut and why; start sends the choice', async () => {
    ui();
    fireEvent.click(screen.getByTestId('rc-maker-tplink'));
    fireEvent.change(screen.getByTestId('rc-model'), { target: { value: 'tplink,archer-c7-v2' } });
    expect(screen.getByTestId('rc-cues').textContent).toMatch(/WPS\/Reset button.*10 seconds.*lock \(WPS\) light/s);
    fireEvent.change(screen.getByTestId('rc-file'), { target: { value: '/data/ArcherC7v2_up_boot.bin' } });
    expect((screen.getByTestId('rc-start') as HTMLButtonElement).disabled).toBe(true);
    reply = plan();
    fireEvent.click(screen.getByTestId('rc-check'));
    await waitFor(() => expect(screen.getByTestId('rc-plan')).toBeTruthy());
    expect(calls.find((c) => c.name === 'recover.check')).toEqual({ name: 'recover.check', payload: { flow: 'tplink', file: '/data/ArcherC7v2_up_boot.bin', model: 'tplink,archer-c7-v2' } });
    // the network assistant's panel for this router's numbers
    expect(screen.getByTestId('rc-network').textContent).toMatch(/192\.168\.0\.86.*192\.168\.0\.66/s);
    expect(screen.getByTestId('rc-cut').textContent).toMatch(/0x00020200.*bootloader/);
    expect(screen.getByTestId('rc-plan').textContent).toMatch(/ArcherC7v2_tp_recovery\.bin/);
    reply = {};
    fireEvent.click(screen.getByTestId('rc-start'));
    await waitFor(() => expect(calls.some((c) => c.name === 'recover.start')).toBe(true));
  });

  it('a file for another model shows the three-part reason and cannot be started', async () => {
    ui();
    fireEvent.click(screen.getByTestId('rc-maker-tplink'));
    fireEvent.change(screen.getByTestId('rc-file'), { target: { value: '/data/x.bin' } });
    reply = plan({ cutBytes: 0, servedBytes: 1000, refuse: { code: 'RECOVER_WRONG_MODEL', message: 'This file is not for the TP-Link Archer C7 v2.', meaning: 'Its header says hardware id 0x08410009.', fix: 'Check the label under the router.' } });
    fireEvent.click(screen.getByTestId('rc-check'));
    await waitFor(() => expect(screen.getByTestId('rc-plan').getAttribute('data-refused')).toBe('yes'));
    expect(screen.getByText(/not for the TP-Link Archer C7 v2/)).toBeTruthy();
    expect(screen.getByText(/label under the router/)).toBeTruthy();
    expect((screen.getByTestId('rc-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a running guide shows the transfer with the asked name, then the writing timer; done says it works again', () => {
    const def = RECOVER_PLAYBOOKS.tplink;
    const T0 = Date.now();
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-9', def, { deviceId: 'tplink,archer-c7-v2' }, T0));
    const rec = (r: JournalRecord) => (s = applyRecord(s, r));
    for (const id of ['cables', 'network', 'serve']) {
      rec({ type: 'step', at: T0, stepId: id, state: 'active' });
      rec({ type: 'step', at: T0, stepId: id, state: 'done' });
    }
    rec({ type: 'step', at: T0, stepId: 'transfer', state: 'active' });
    act(() => usePlaybook.getState().setStatus({ run: s!, transcript: [] }));
    act(() => useRecover.getState().setProgress({ runId: 'run-9', phase: 'transfer', bytes: 500_000, total: 1_000_000, bytesPerSecond: 1_000_000, requested: 'ArcherC7v2_tp_recovery.bin', since: T0 }));
    ui();
    expect(screen.getByTestId('rc-transfer').textContent).toMatch(/50 %.*"ArcherC7v2_tp_recovery\.bin"/);
    expect(screen.getByTestId('rc-cues').textContent).toMatch(/Archer C7 v2/);
    act(() => {
      rec({ type: 'step', at: T0, stepId: 'transfer', state: 'done' });
      rec({ type: 'step', at: T0, stepId: 'writing', state: 'active' });
      usePlaybook.getState().setRun(s!);
      useRecover.getState().setProgress({ runId: 'run-9', phase: 'writing', bytes: 0, total: 0, bytesPerSecond: 0, since: Date.now(), expectedSeconds: 150 });
    });
    expect(screen.getByTestId('rc-writing').textContent).toMatch(/About 2:(29|30) left.*Do not switch it off/s);
    act(() => {
      rec({ type: 'step', at: T0, stepId: 'writing', state: 'done' });
      rec({ type: 'step', at: T0, stepId: 'verify', state: 'active' });
      rec({ type: 'evidence', at: T0, stepId: 'verify', text: 'The router answers at http://192.168.0.1/ ("TL-WR841N"): it runs its new firmware.' });
      rec({ type: 'step', at: T0, stepId: 'verify', state: 'done' });
      rec({ type: 'end', at: T0, state: 'done', summary: 'The router answers with its new firmware.' });
      usePlaybook.getState().setRun(s!);
    });
    expect(screen.getByTestId('rc-result').getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('rc-result').textContent).toMatch(/works again.*new firmware/s);
  });

  it('a failed run never says it worked: the failed step\'s reason in three parts', () => {
    const def = RECOVER_PLAYBOOKS.dlink;
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-f', def, {}, 1));
    s = applyRecord(s, { type: 'step', at: 2, stepId: 'cables', state: 'active' });
    s = applyRecord(s, { type: 'step', at: 3, stepId: 'cables', state: 'failed', error: fault('RECOVER_ROUTER_REFUSED', { said: '"Update Failed!"' }).toShape() });
    s = applyRecord(s, { type: 'end', at: 4, state: 'failed', summary: 'x' });
    act(() => usePlaybook.getState().setStatus({ run: s!, transcript: [] }));
    ui();
    expect(screen.getByTestId('rc-result').textContent).toMatch(/did not finish.*refused the file.*Update Failed/s);
    expect(screen.getByTestId('rc-result').textContent).not.toMatch(/works again/);
  });
});

describe('Vendor recovery view in German', () => {
  afterAll(async () => {
    await useLocale.getState().setLocale('en');
  });

  it("a TP-Link cut reason (bytes, hex offset and the dd hint) and the bootloader check in German, numbers grouped the German way", async () => {
    await useLocale.getState().setLocale('de');
    const c7 = findDeviceProfile('tplink,archer-c7-v2')!;
    const image = planImage('tplink', tplinkUpBoot(0xc7000002, tplinkFactory(0xc7000002)), c7);
    expect(image.cutReason).toMatch(/^Cut the first 131,584 bytes \(0x00020200\).*\(128 KiB\).*`dd bs=512 skip=257`\.$/s);
    ui();
    fireEvent.click(screen.getByTestId('rc-maker-tplink'));
    fireEvent.change(screen.getByTestId('rc-model'), { target: { value: 'tplink,archer-c7-v2' } });
    fireEvent.change(screen.getByTestId('rc-file'), { target: { value: '/data/ArcherC7v2_up_boot.bin' } });
    reply = { ...plan(), image };
    fireEvent.click(screen.getByTestId('rc-check'));
    await waitFor(() => expect(screen.getByTestId('rc-cut')).toBeTruthy());
    const cut = screen.getByTestId('rc-cut').textContent!;
    expect(cut).toMatch(/^Die ersten 131\.584 Bytes \(0x00020200\) werden abgeschnitten: der äußere TP-Link-Header \(512 Bytes\) und der Bootloader darin \(128 KiB\)\./);
    expect(cut).toContain('Dasselbe wie `dd bs=512 skip=257` im OpenWrt-Wiki.');
    expect(cut).not.toMatch(/Cut the first/);

    // a header that promises a bootloader with no firmware header after it: the reason and the check, in German
    cleanup();
    const broken = planImage('tplink', tplinkUpBoot(0xc7000002, tplinkFactory(0xc7000002)).subarray(0, 0x20200 + 0x100), c7);
    expect(broken.refuse?.code).toBe('RECOVER_TPLINK_LAYOUT_UNKNOWN');
    ui();
    fireEvent.click(screen.getByTestId('rc-maker-tplink'));
    fireEvent.change(screen.getByTestId('rc-file'), { target: { value: '/data/x.bin' } });
    reply = { ...plan(), image: broken };
    fireEvent.click(screen.getByTestId('rc-check'));
    await waitFor(() => expect(screen.getByTestId('rc-cut')).toBeTruthy());
    expect(screen.getByTestId('rc-cut').textContent).toBe('Laut Header folgt ihm ein Bootloader von 128 KiB, danach steht aber kein zweiter TP-Link-Header (bei 0x00020200).');
    expect(screen.getByTestId('rc-plan').textContent).toContain('Boot-Länge 128 KiB, aber kein Firmware-Header bei 0x00020200.');
  });
});
