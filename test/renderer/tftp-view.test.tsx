/**
 * The TFTP store and view: events upsert by id, a late progress never undoes a finished transfer, and the
 * panel shows progress, rate, time left, options and the checksum; the form sends exactly what was typed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../src-renderer/api/context';
import type { RbApi } from '../../src-renderer/api/types';
import { TftpView } from '../../src-renderer/views/TftpView';
import { fractionDone, MAX_TRANSFERS, secondsLeft, useTftp } from '../../src-renderer/store/tftp';
import type { TftpTransferInfo } from '../../src-shared/contract/tftp';

const base: TftpTransferInfo = {
  id: 1,
  direction: 'read',
  file: 'openwrt-initramfs.bin',
  peer: '192.168.1.1',
  peerPort: 3077,
  mode: 'octet',
  options: { blksize: 1468, windowsize: 16, timeoutMs: 5000, tsize: 8 * 1048576, oack: true },
  state: 'running',
  size: 8 * 1048576,
  bytes: 2 * 1048576,
  startedAt: Date.UTC(2026, 10, 21, 14, 2, 11, 204),
  rate: 1048576,
  retransmits: 0,
};

beforeEach(() => {
  useTftp.setState({ server: { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false }, transfers: [] });
});
afterEach(cleanup);

describe('tftp store', () => {
  it('upserts by id and keeps a finished transfer finished when a late progress arrives', () => {
    const s = useTftp.getState();
    s.onTransfer({ kind: 'start', transfer: { ...base, bytes: 0 } });
    s.onTransfer({ kind: 'progress', transfer: base });
    expect(useTftp.getState().transfers).toHaveLength(1);
    s.onTransfer({ kind: 'done', transfer: { ...base, state: 'done', bytes: base.size!, sha256: 'ab'.repeat(32), endedAt: base.startedAt + 8000 } });
    s.onTransfer({ kind: 'progress', transfer: base });
    expect(useTftp.getState().transfers[0]!.state).toBe('done');
  });
  it(`keeps at most ${MAX_TRANSFERS} but never drops a running one`, () => {
    const s = useTftp.getState();
    s.onTransfer({ kind: 'start', transfer: { ...base, id: 0 } });
    for (let i = 1; i <= MAX_TRANSFERS + 20; i++) s.onTransfer({ kind: 'error', transfer: { ...base, id: i, state: 'error' } });
    const list = useTftp.getState().transfers;
    expect(list.length).toBeLessThanOrEqual(MAX_TRANSFERS + 1);
    expect(list.some((t) => t.id === 0)).toBe(true);
  });
  it('computes fraction and time left from size, bytes and rate', () => {
    expect(fractionDone(base)).toBe(0.25);
    expect(secondsLeft(base)).toBe(6);
    expect(fractionDone({ ...base, size: undefined })).toBeUndefined();
    expect(secondsLeft({ ...base, state: 'done' })).toBeUndefined();
  });
});

describe('TftpView', () => {
  it('sends the typed folder, address, port and upload folder when started', async () => {
    const calls: Array<[string, unknown]> = [];
    const api: RbApi = {
      transport: 'websocket',
      invoke: (async (name: string, payload: unknown) => {
        calls.push([name, payload]);
        return { state: 'listening', root: '/srv/fw', bind: '127.0.0.1', port: 6969, overwrite: false, allowWrite: '/srv/up', startedAt: Date.now() };
      }) as RbApi['invoke'],
      on: () => () => undefined,
    };
    render(
      <ApiContext.Provider value={api}>
        <TftpView />
      </ApiContext.Provider>,
    );
    const start = screen.getByTestId('tftp-toggle');
    expect((start as HTMLButtonElement).disabled).toBe(true); // no folder yet
    fireEvent.change(screen.getByTestId('tftp-root'), { target: { value: ' /srv/fw ' } });
    fireEvent.change(screen.getByTestId('tftp-bind'), { target: { value: '127.0.0.1' } });
    fireEvent.change(screen.getByTestId('tftp-port'), { target: { value: '69x69' } });
    fireEvent.change(screen.getByTestId('tftp-uploads'), { target: { value: '/srv/up' } });
    fireEvent.click(screen.getByTestId('tftp-toggle'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual(['tftp.server.start', { root: '/srv/fw', bind: '127.0.0.1', port: 6969, overwrite: false, allowWrite: '/srv/up' }]);
  });

  it('shows a running transfer with percent, rate and time left, a finished one with its SHA-256, and the files offered', async () => {
    useTftp.setState({
      server: { state: 'listening', root: '/srv/fw', bind: '192.168.1.10', port: 69, overwrite: false, startedAt: base.startedAt },
      transfers: [base, { ...base, id: 2, file: 'done.bin', state: 'done', bytes: base.size!, sha256: 'ab'.repeat(32), endedAt: base.startedAt + 8000 }],
    });
    const api: RbApi = {
      transport: 'websocket',
      invoke: (async (name: string) => (name === 'tftp.files' ? { root: '/srv/fw', files: [{ name: 'openwrt-initramfs.bin', size: 8 * 1048576, modifiedAt: 0 }], truncated: false } : {})) as RbApi['invoke'],
      on: () => () => undefined,
    };
    render(
      <ApiContext.Provider value={api}>
        <TftpView />
      </ApiContext.Provider>,
    );
    expect(screen.getByTestId('tftp-status').textContent).toContain('Serving /srv/fw on 192.168.1.10, UDP port 69');
    expect(screen.getByTestId('tftp-uboot-hint').textContent).toContain('setenv serverip 192.168.1.10');
    expect(screen.getByTestId('tftp-uboot-hint').textContent).not.toContain('tftpdstp'); // standard port: not needed
    const [running, done] = screen.getAllByTestId('tftp-transfer');
    expect(running!.textContent).toMatch(/25%.*2\.0 MiB of 8\.0 MiB.*1\.0 MiB\/s.*about 6 s left/);
    expect(running!.textContent).toContain('window 16');
    expect(running!.querySelector('progress')!.getAttribute('aria-label')).toContain('25 percent');
    expect(done!.textContent).toContain('The router received all of done.bin');
    expect(done!.querySelector('[data-testid="tftp-sha"]')!.textContent).toBe('ab'.repeat(32));
    await waitFor(() => expect(screen.getByTestId('tftp-file').textContent).toBe('openwrt-initramfs.bin 8.0 MiB'));
  });
});
