/**
 * One path into the flash store: the panels invoke device.inspect, flash.restore.plan and flash.restore.run
 * through the store's actions, which write each reply in one place; the restore's rows still come only as
 * flash.restore.progress events. A refused command leaves the store as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { ConnectPanel } from '../../../../src-renderer/capabilities/device/ConnectPanel';
import { RestorePanel } from '../../../../src-renderer/capabilities/flash/RestorePanel';
import { useFlash } from '../../../../src-renderer/capabilities/flash/store';
import type { RestorePlan, RestoreResult } from '../../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo, SessionTarget } from '../../../../src-shared/capabilities/device/contract';
import { useLocale } from '../../../../src-renderer/i18n';
import { said } from '../../../../src-shared/i18n/said';
import { faultMessageSaid } from '../../../../src-shared/i18n';
import { fault } from '../../../../src-shared/errors';

const device: DeviceInfo = {
  identity: { boardName: 'linksys,venom', model: 'Linksys WRT32X' },
  partitions: [{ index: 2, name: 'rootfs1', size: 0x7500000, erasesize: 0x20000, offset: 0xf00000, type: 'nand', readOnly: false, danger: [], slot: 1 }],
  tools: { nanddump: true, nandwrite: true, flash_erase: true, mtd: true, sha256sum: true, md5sum: true, nc: true, fw_printenv: true },
  env: {},
  ubi: [],
  warnings: [],
  session: { method: 'ssh', host: '192.168.1.1', port: 22, banner: '', notes: [] },
};
const target: SessionTarget = { host: '192.168.1.1', method: 'auto', user: 'root', hostKeyPolicy: 'session-only' };
const plan: RestorePlan = {
  from: '/backups/x',
  backupCreatedAt: '2026-11-21T00:00:00Z',
  device: device.identity,
  identityMatches: true,
  identityDifferences: [],
  steps: [{ partition: 'rootfs1', index: 2, file: 'mtd2-rootfs1.bin', sha256: 'ab'.repeat(32), commands: ['nandwrite -p /dev/mtd2 /tmp/rb-stage'], writer: 'nandwrite', bytes: 0x20000, stagePath: '/tmp/rb-stage', writeCommand: 'nandwrite -p /dev/mtd2 /tmp/rb-stage', readBackCommand: 'sha256sum /dev/mtd2', readBackAlgorithm: 'sha256', expectedHash: 'ab'.repeat(32), warnings: [] }],
  refusals: [],
  ok: true,
};
const result: RestoreResult = { plan, dryRun: false, results: [{ partition: 'rootfs1', status: 'written', readBackSha256: 'ab'.repeat(32) }], ok: true };

const calls: Array<[string, unknown]> = [];
let refuse: string | undefined;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    if (name === refuse) throw new ApiError({ code: 'SSH_AUTH', message: 'The router refused the login.', meaning: 'Wrong password or key.', fix: 'Check them.' });
    if (name === 'flash.backup.list') return [];
    if (name === 'device.inspect') return device;
    if (name === 'flash.restore.plan') return plan;
    if (name === 'flash.restore.run') return result;
    throw new Error(`unexpected ${name}`);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

beforeEach(() => {
  calls.length = 0;
  refuse = undefined;
  useFlash.setState({ target: undefined, device: undefined, progress: undefined, parts: {}, result: undefined, plan: undefined, restore: undefined, restoreRows: {} });
});
afterEach(cleanup);

describe('flash commands through the store', () => {
  it('reading the router: the reply becomes the device with the target that reached it', async () => {
    render(<ApiContext.Provider value={api}><ConnectPanel /></ApiContext.Provider>);
    fireEvent.click(screen.getByTestId('flash-read'));
    await screen.findByTestId('flash-connected');
    expect(useFlash.getState().device).toEqual(device);
    expect(useFlash.getState().target).toEqual(target);
  });

  it('a refused read leaves the store alone and shows the error', async () => {
    refuse = 'device.inspect';
    render(<ApiContext.Provider value={api}><ConnectPanel /></ApiContext.Provider>);
    fireEvent.click(screen.getByTestId('flash-read'));
    expect((await screen.findByTestId('error-card')).dataset.code).toBe('SSH_AUTH');
    expect(useFlash.getState().device).toBeUndefined();
    expect(useFlash.getState().target).toBeUndefined();
  });

  it('restore: plan, then write; the result is the reply, the rows are the events', async () => {
    useFlash.getState().setDevice(target, device);
    render(<ApiContext.Provider value={api}><RestorePanel device={device} /></ApiContext.Provider>);
    fireEvent.change(screen.getByTestId('flash-from'), { target: { value: '/backups/x' } });
    fireEvent.change(screen.getByTestId('flash-partition'), { target: { value: 'rootfs1' } });
    fireEvent.click(screen.getByTestId('flash-plan'));
    await screen.findByTestId('flash-plan-result');
    expect(useFlash.getState().plan).toEqual(plan);
    expect(calls.find((c) => c[0] === 'flash.restore.plan')![1]).toMatchObject({ target, from: '/backups/x', partitions: ['rootfs1'], dryRun: true });

    fireEvent.click(screen.getByTestId('flash-write'));
    // what the wiring does with a flash.restore.progress event, while the write runs
    act(() => useFlash.getState().onRestoreProgress({ partition: 'rootfs1', phase: 'writing', done: 0, size: 0x20000 }));
    await screen.findByTestId('flash-restore-done');
    expect(useFlash.getState().restore).toEqual(result);
    expect(useFlash.getState().restoreRows.rootfs1!.phase).toBe('writing');
    expect(calls.find((c) => c[0] === 'flash.restore.run')![1]).toMatchObject({ dryRun: false });
  });

  it('a refused plan leaves no plan in the store', async () => {
    refuse = 'flash.restore.plan';
    useFlash.getState().setDevice(target, device);
    render(<ApiContext.Provider value={api}><RestorePanel device={device} /></ApiContext.Provider>);
    fireEvent.change(screen.getByTestId('flash-from'), { target: { value: '/backups/x' } });
    fireEvent.change(screen.getByTestId('flash-partition'), { target: { value: 'rootfs1' } });
    fireEvent.click(screen.getByTestId('flash-plan'));
    await waitFor(() => expect(screen.getByTestId('error-card')).toBeTruthy());
    expect(useFlash.getState().plan).toBeUndefined();
  });

  it("German (decision 0167): the plan's notes and a failed row's reason from their ids; a note without one as it came", async () => {
    await useLocale.getState().setLocale('de');
    try {
      const notes = [said('flash.said.note.badBlocks', { count: 3 }), said('flash.said.note.typed', { name: 'rootfs1' })];
      const old = 'A note from an older workstation.';
      useFlash.getState().setDevice(target, device);
      useFlash.getState().setPlan({ ...plan, steps: [{ ...plan.steps[0]!, warnings: [...notes.map((n) => n.text), old], warningsMsg: notes.map((n) => n.msg) }] });
      const failed = fault('VERIFY_FAILED', { partition: 'rootfs1' }).toShape();
      act(() => useFlash.getState().onRestoreProgress({ partition: 'rootfs1', phase: 'failed', done: 0, size: 0x20000, message: failed.message, msg: faultMessageSaid(failed) }));
      render(<ApiContext.Provider value={api}><RestorePanel device={device} /></ApiContext.Provider>);
      const shown = [...screen.getByTestId('flash-plan-result').querySelectorAll('.note')].map((n) => n.textContent);
      expect(shown).toEqual([
        'Die Sicherung hat 3 defekte Blöcke übersprungen. Das Schreibprogramm überspringt die defekten Blöcke des Routers, sodass die Daten in derselben Reihenfolge in den guten Blöcken landen.',
        'Sie haben „rootfs1“ eingegeben, um das Schreiben einer gefährlichen Partition zu erlauben.',
        old,
      ]);
      const row = screen.getByTestId('flash-restore-row').textContent!;
      expect(row).not.toContain(failed.message);
      expect(row).toContain(' — „rootfs1“ liest sich nach dem Schreiben anders zurück als die Sicherung.');
    } finally {
      await useLocale.getState().setLocale('en');
    }
  });
});
