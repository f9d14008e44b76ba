/**
 * The flash store and view: progress events drive the bars (rate, time left), finished partitions are
 * listed with their checks, a partial result offers "retry the failed", and the map marks dangerous parts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { FlashView } from '../../../../src-renderer/capabilities/flash/View';
import { useFlash } from '../../../../src-renderer/capabilities/flash/store';
import type { BackupResult, ManifestPartition } from '../../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo } from '../../../../src-shared/capabilities/device/contract';
import { dangerOf } from '../../../../src-shared/capabilities/device/danger';

const device: DeviceInfo = {
  identity: { boardName: 'linksys,venom', model: 'Linksys WRT32X' },
  partitions: [
    { index: 0, name: 'u-boot', size: 0x200000, erasesize: 0x20000, offset: 0, type: 'nand', readOnly: true, danger: dangerOf('u-boot', { readOnly: true }) },
    { index: 1, name: 'u_env', size: 0x20000, erasesize: 0x20000, offset: 0x200000, type: 'nand', readOnly: false, danger: dangerOf('u_env') },
    { index: 2, name: 'rootfs1', size: 0x7500000, erasesize: 0x20000, offset: 0xf00000, type: 'nand', readOnly: false, danger: [], slot: 1 },
  ],
  tools: { nanddump: true, nandwrite: true, flash_erase: true, mtd: true, sha256sum: true, md5sum: true, nc: true, fw_printenv: true },
  env: { boot_part: '1' },
  ubi: [],
  warnings: [],
  session: { method: 'ssh', host: '192.168.1.1', port: 22, banner: '', notes: [] },
};
const calls: Array<[string, unknown]> = [];
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    if (name === 'flash.backup.list') return [];
    if (name === 'flash.backup.start') return { backupId: 'b1', dir: '/backups/x' };
    if (name === 'device.inspect') return device;
    return {};
  }) as RbApi['invoke'],
  on: () => () => undefined,
};
const part = (index: number, name: string, status: 'ok' | 'failed'): ManifestPartition => ({
  index, name, size: 0x20000, erasesize: 0x20000, type: 'nand', file: status === 'ok' ? `mtd${index}-${name}.bin` : null, sha256: status === 'ok' ? 'ab'.repeat(32) : null,
  badBlocks: status === 'ok' && index === 2 ? [0x40000] : [], status, bytes: 0x20000,
  ...(status === 'failed' ? { error: { code: 'SESSION_LOST', message: 'The connection dropped.', meaning: 'Not kept.', fix: 'Retry.' } } : { deviceHash: { algorithm: 'sha256' as const, value: 'ab'.repeat(32), matches: true } }),
});

beforeEach(() => {
  calls.length = 0;
  useFlash.setState({ target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'session-only' }, device, progress: undefined, parts: {}, result: undefined, plan: undefined, restore: undefined, restoreRows: {} });
});
afterEach(cleanup);

describe('flash view', () => {
  it('marks dangerous partitions on the map and in words', () => {
    render(<ApiContext.Provider value={api}><FlashView /></ApiContext.Provider>);
    expect(screen.getByTestId('flash-box-0').getAttribute('data-danger')).toBe('true');
    expect(screen.getByTestId('flash-box-0').getAttribute('aria-label')).toMatch(/read-only, do not write: bootloader/);
    expect(screen.getByTestId('flash-box-2').getAttribute('data-danger')).toBe('false');
  });

  it('shows progress with rate and time left, then lists partitions, and offers to retry the failed one', async () => {
    render(<ApiContext.Provider value={api}><FlashView /></ApiContext.Provider>);
    fireEvent.click(screen.getByTestId('flash-backup-start'));
    await Promise.resolve();
    expect(calls.find((c) => c[0] === 'flash.backup.start')![1]).toMatchObject({ target: { host: '192.168.1.1' }, retryFailed: false });
    useFlash.getState().onProgress({ backupId: 'b1', dir: '/backups/x', phase: 'copying', partition: { index: 2, name: 'rootfs1', done: 0x100000, size: 0x200000 }, position: 3, count: 3, totalDone: 0x300000, totalSize: 0x600000, rate: 0x100000, etaMs: 3000 });
    expect((await screen.findByTestId('flash-rate')).textContent).toMatch(/3\.0 MiB of 6\.0 MiB · 1\.0 MiB\/s · about 3 seconds left/);
    expect(screen.getByTestId('flash-bar-total').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByTestId('flash-bar-part').getAttribute('aria-valuenow')).toBe('50');
    const result: BackupResult = {
      backupId: 'b1', dir: '/backups/x', ok: false, failed: ['u_env'], elapsedMs: 5000,
      manifest: { format: 'rescue-bench-backup/1', tool: { name: 'Rescue Bench', version: '0.1.0' }, createdAt: '2026-11-21T00:00:00Z', device: { host: '192.168.1.1', method: 'ssh', identity: {} }, partitions: [part(0, 'u-boot', 'ok'), part(1, 'u_env', 'failed'), part(2, 'rootfs1', 'ok')], complete: false },
    };
    useFlash.getState().onDone(result);
    expect((await screen.findByTestId('flash-backup-result')).textContent).toMatch(/Not complete: 2 of 3 partitions are good; u_env failed/);
    expect(screen.getByTestId('flash-part-2').textContent).toMatch(/, 1 bad block skipped/);
    expect(screen.getByTestId('flash-part-1').getAttribute('data-status')).toBe('failed');
    fireEvent.click(screen.getByTestId('flash-backup-retry'));
    await Promise.resolve();
    expect(calls.filter((c) => c[0] === 'flash.backup.start').at(-1)![1]).toMatchObject({ retryFailed: true, outDir: '/backups/x' });
  });

  it('logs in with a key file: labelled field, sent with the read and reused by the backup; not offered for telnet', async () => {
    render(<ApiContext.Provider value={api}><FlashView /></ApiContext.Provider>);
    const key = screen.getByLabelText(/Key file \(optional\)/) as HTMLInputElement;
    expect(key.tagName).toBe('INPUT');
    expect(key.disabled).toBe(false);
    expect(document.getElementById(key.getAttribute('aria-describedby')!)!.textContent).toMatch(/SSH private key on this computer/);
    fireEvent.change(screen.getByTestId('flash-method'), { target: { value: 'ssh' } });
    fireEvent.change(key, { target: { value: '  /home/me/.ssh/id_ed25519 ' } });
    fireEvent.submit(key.form!); // Enter in the form
    await screen.findByTestId('flash-connected');
    expect(calls.find((c) => c[0] === 'device.inspect')![1]).toEqual({ target: { host: '192.168.1.1', method: 'ssh', user: 'root', keyFile: '/home/me/.ssh/id_ed25519', hostKeyPolicy: 'session-only' } });
    await Promise.resolve();
    fireEvent.click(screen.getByTestId('flash-backup-start'));
    await Promise.resolve();
    expect(calls.find((c) => c[0] === 'flash.backup.start')![1]).toMatchObject({ target: { keyFile: '/home/me/.ssh/id_ed25519' } });

    fireEvent.change(screen.getByTestId('flash-method'), { target: { value: 'telnet' } });
    expect(key.disabled).toBe(true);
    expect(document.getElementById('flash-keyfile-hint')!.textContent).toMatch(/Telnet has no keys/);
    calls.length = 0;
    fireEvent.submit(key.form!);
    await Promise.resolve();
    expect((calls.find((c) => c[0] === 'device.inspect')![1] as { target: Record<string, unknown> }).target).not.toHaveProperty('keyFile');
  });
});
