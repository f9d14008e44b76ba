/**
 * The pseudo-locale scan (see pseudo-scan.test.tsx) for the panels a section shows only in some states: the flash
 * backup's progress and results and the restore plan, the serial session panel with its banners, and the upgrade
 * screen's copy bar, wait phases, plan, slot card and its running guide (the upgrade playbooks' own step texts).
 * Data the panels show as it is (partition names, paths, file names, commands) is listed as allowed.
 */
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { useLocale } from '../../../src-renderer/i18n';
import { FlashView } from '../../../src-renderer/capabilities/flash/View';
import { useFlash } from '../../../src-renderer/capabilities/flash/store';
import { SessionPanel } from '../../../src-renderer/capabilities/serial/SessionPanel';
import { useSerial } from '../../../src-renderer/capabilities/serial/store';
import { UpgradeView } from '../../../src-renderer/capabilities/upgrade/View';
import { useUpgrade } from '../../../src-renderer/capabilities/upgrade/store';
import { usePlaybook } from '../../../src-renderer/capabilities/playbook/store';
import { applyRecord, startRecord, type JournalRecord, type RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { flashPlaybook, stockPlaybook, type StockReport } from '../../../src-shared/capabilities/upgrade';
import type { DeviceInfo } from '../../../src-shared/capabilities/device/contract';
import type { BackupResult, ManifestPartition, RestorePlan } from '../../../src-shared/capabilities/flash/contract';
import type { SerialSession } from '../../../src-shared/capabilities/serial/contract';
import type { WatchMatch } from '../../../src-shared/capabilities/serial/watchers';
import { scanForEscapes } from '../../../test-support/pseudo-scan';

const DATA = ['Rescue Bench', '/dev/ttyUSB0', 'Linksys WRT32X', 'Linksys', 'KiB', 'MiB', 'GiB', 'u-boot', 'u_env', 'rootfs1', 'ttyUSB0', 'backups', 'sha256', 'U-Boot', 'OpenWrt'];

let slotReply: unknown;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string) => {
    if (name === 'flash.backup.list') return [];
    if (name === 'upgrade.bootSlot') return slotReply;
    return {};
  }) as RbApi['invoke'],
  on: () => () => undefined,
};
const show = (el: ReactElement): HTMLElement => render(<ApiContext.Provider value={api}>{el}</ApiContext.Provider>).container;

beforeAll(async () => {
  await useLocale.getState().setLocale('en-XA');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
afterEach(() => {
  cleanup();
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
  useUpgrade.setState({ progress: undefined, plan: undefined, outcome: undefined, error: undefined, busy: false, slot: undefined });
});

const device: DeviceInfo = {
  identity: { boardName: 'linksys,venom', model: 'Linksys WRT32X' },
  partitions: [
    { index: 0, name: 'u-boot', size: 0x200000, erasesize: 0x20000, offset: 0, type: 'nand', readOnly: true, danger: [] },
    { index: 1, name: 'u_env', size: 0x20000, erasesize: 0x20000, offset: 0x200000, type: 'nand', readOnly: false, danger: [] },
    { index: 2, name: 'rootfs1', size: 0x7500000, erasesize: 0x20000, offset: 0xf00000, type: 'nand', readOnly: false, danger: [], slot: 1 },
  ],
  tools: { nanddump: true, nandwrite: true, flash_erase: true, mtd: true, sha256sum: true, md5sum: true, nc: true, fw_printenv: true },
  env: {},
  ubi: [],
  warnings: [],
  session: { method: 'ssh', host: '192.168.1.1', port: 22, banner: '', notes: [] },
};
const part = (index: number, name: string, status: 'ok' | 'failed'): ManifestPartition => ({
  index, name, size: 0x20000, erasesize: 0x20000, type: 'nand', file: status === 'ok' ? `mtd${index}.bin` : null, sha256: status === 'ok' ? 'ab'.repeat(32) : null,
  badBlocks: status === 'ok' ? [0x40000, 0x60000] : [], status, bytes: 0x20000,
  ...(status === 'ok' ? { deviceHash: { algorithm: 'sha256' as const, value: 'ab'.repeat(32), matches: true } } : {}),
});
const result = (ok: boolean): BackupResult => ({
  backupId: 'b1', dir: '/backups/x', ok, failed: ok ? [] : ['u_env'], elapsedMs: 1000,
  manifest: { format: 'rescue-bench-backup/1', tool: { name: 'rescue-bench', version: '1' }, createdAt: '2026-01-02T14:00:00Z', device: { host: '192.168.1.1', method: 'ssh', identity: device.identity }, partitions: [part(0, 'u-boot', 'ok'), part(1, 'u_env', ok ? 'ok' : 'failed')], complete: ok },
});
const plan: RestorePlan = {
  from: '/backups/x', backupCreatedAt: '2026-01-02T14:00:00Z', device: device.identity, identityMatches: false, identityDifferences: [], refusals: [], ok: true,
  steps: [{ partition: 'rootfs1', index: 2, file: 'mtd2.bin', sha256: 'ab', commands: ['nandwrite -p /dev/mtd2 /tmp/mtd2.bin'], writer: 'nandwrite', bytes: 1, stagePath: '/tmp/mtd2.bin', writeCommand: 'x', readBackCommand: null, readBackAlgorithm: 'host-sha256', warnings: [] } as unknown as RestorePlan['steps'][number]],
};

describe('pseudo-locale scan: panels shown only in some states', () => {
  it('flash: the backup while it copies, the restore plan, its rows and result', () => {
    useFlash.setState({
      target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'session-only' }, device, parts: { 0: part(0, 'u-boot', 'ok') }, result: undefined, plan, restore: undefined,
      progress: { backupId: 'b1', dir: '/backups/x', phase: 'copying', partition: { index: 2, name: 'rootfs1', done: 1 << 20, size: 4 << 20 }, position: 3, count: 3, totalDone: 3 << 20, totalSize: 6 << 20, rate: 1 << 20, etaMs: 95_000 },
      restoreRows: { rootfs1: { partition: 'rootfs1', phase: 'reading-back', done: 1, size: 1 } },
    });
    const root = show(<FlashView />);
    expect(root.querySelector('[data-testid="flash-backup-progress"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="flash-plan-result"]')).not.toBeNull();
    expect(scanForEscapes(root, DATA)).toEqual([]);
  });

  for (const ok of [true, false])
    it(`flash: a backup that ${ok ? 'finished' : 'is not complete'}, and a written partition`, () => {
      useFlash.setState({
        target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'session-only' }, device, progress: undefined, plan, restoreRows: {},
        result: result(ok), parts: { 0: part(0, 'u-boot', 'ok'), 1: part(1, 'u_env', ok ? 'ok' : 'failed') },
        restore: { plan, dryRun: false, ok: true, results: [{ partition: 'rootfs1', status: 'written', readBackSha256: 'cd'.repeat(32) }] },
      });
      const root = show(<FlashView />);
      expect(root.querySelector('[data-testid="flash-backup-result"]')).not.toBeNull();
      expect(root.querySelector('[data-testid="flash-restore-done"]')).not.toBeNull();
      expect(scanForEscapes(root, DATA)).toEqual([]);
    });

  it('serial: an open console with a different speed, banners, and a port without DTR/RTS', () => {
    const session: SerialSession = {
      id: 's1', path: '/dev/ttyUSB0', state: 'open', profile: 'generic', logPath: '/logs/x.log', openedAt: 0, bytesIn: 0, bytesOut: 0, reconnects: 2, autoStop: false,
      requested: { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'rtscts' },
      actual: { baud: 57600, note: 'The port runs at 57600, not the 115200 asked for: the adapter cannot do that speed exactly.' },
      signals: { supported: false, note: 'This port has no DTR, RTS or break lines (a virtual port or a 3-wire adapter). The console itself works.' },
    };
    const m = (kind: WatchMatch['kind'], extra: Partial<WatchMatch> = {}): WatchMatch => ({ kind, text: 'x', offset: 0, ...extra });
    const kinds: WatchMatch[] = [
      m('uboot-banner', { detail: '2013.01' }), m('uboot-autoboot', { stopWith: 'tpl' }), m('uboot-autoboot'), m('uboot-prompt', { prompt: '=> ' }), m('kernel-start'), m('kernel-panic', { detail: 'VFS' }),
      m('preinit-failsafe-prompt'), m('preinit-debug-prompt'), m('failsafe-entered'), m('console-activate'), m('login-prompt'), m('password-prompt'), m('shell-prompt', { prompt: '# ' }),
    ];
    useSerial.setState({ sessions: { s1: session }, active: 's1', banners: { s1: kinds.map((match, i) => ({ id: i, at: 0, match })) } });
    const root = show(<SessionPanel session={session} />);
    expect(root.querySelectorAll('[data-testid="console-banner"]').length).toBe(kinds.length);
    expect(scanForEscapes(root, [...DATA, 'DTR', 'RTS', 'logs', 'VFS', '2013.01'])).toEqual([]);
  });

  const T0 = new Date(2026, 0, 2, 14, 2, 10, 0).getTime();
  const runOf = (pb: typeof flashPlaybook, records: JournalRecord[]): RunSnapshot => {
    let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-1', pb, {}, T0));
    for (const r of records) s = applyRecord(s, r);
    return s!;
  };
  const until = (pb: typeof flashPlaybook, stepId: string): JournalRecord[] => {
    const ids = pb.steps.map((s) => s.id);
    const before = ids.slice(0, ids.indexOf(stepId));
    return [...before.flatMap((id, i): JournalRecord[] => [{ type: 'step', at: T0 + i, stepId: id, state: 'active' }, { type: 'step', at: T0 + i, stepId: id, state: 'done' }]), { type: 'step', at: T0 + 50, stepId, state: 'active' }];
  };

  for (const pb of [flashPlaybook, stockPlaybook])
    for (const step of pb.steps)
      it(`upgrade: the guide at "${pb.id}" step ${step.id} speaks from the catalogue`, () => {
        if (step.id === 'upload') useUpgrade.setState({ progress: { runId: 'run-1', stage: 'upload', done: 8 << 20, total: 32 << 20, rate: 4 << 20, etaS: 75, text: "Copying openwrt.bin into the router's memory" } });
        if (step.id === 'wait') useUpgrade.setState({ progress: { runId: 'run-1', stage: 'wait', phase: 'starting', done: 75, total: 420, text: 'x' } });
        act(() => usePlaybook.setState({ run: runOf(pb, until(pb, step.id)) }));
        const root = show(<UpgradeView />);
        expect(root.querySelector('[data-testid="fs-now"]')).not.toBeNull();
        // the wait's own sentence comes from the workstation (English until it travels as an id)
        for (const el of root.querySelectorAll('.up-wait-text')) el.remove();
        expect(scanForEscapes(root, [...DATA, 'openwrt.bin'])).toEqual([]);
      });

  it('upgrade: the plan for a Linksys, and the slot card after a failed run', async () => {
    const report: StockReport = {
      plan: { ok: true, model: 'Linksys WRT32X', layoutEvidence: 'e', runningSlot: 1, steps: [], warnings: [], successText: 'Done.' },
      slots: [
        { slot: 1, running: true, bootsNext: true, kernel: { index: 4, name: 'kernel1', size: 0x7b00000, offset: null } },
        { slot: 2, running: false, bootsNext: false },
      ],
      env: { boot_part: '2' },
      warnings: [],
    };
    const before = { boot_part: '2', bootcmd: 'run altnandboot' };
    slotReply = { changed: false, before, env: before, commands: [], changes: [{ name: 'boot_part', from: '', to: '1' }] };
    useUpgrade.setState({ plan: report });
    let st: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-9', stockPlaybook, {}, T0));
    st = applyRecord(st, { type: 'end', at: T0 + 2, state: 'failed' });
    const root = show(<UpgradeView />);
    await act(async () => usePlaybook.setState({ run: st }));
    expect(root.querySelector('[data-testid="up-slot"]')).not.toBeNull();
    expect(scanForEscapes(root, [...DATA, 'kernel1', 'boot_part', 'slot 1', 'e'])).toEqual([]);
  });
});
