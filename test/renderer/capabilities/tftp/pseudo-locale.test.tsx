/**
 * The file server's screens in the pseudo-locale with something on them (issue 19): a running server, transfers
 * running, finished and failed, an upload to a router. The section scan (test/renderer/i18n/pseudo-scan.test.tsx)
 * sees only the empty first screen; this names any word that escaped the catalogue once data is there.
 */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { TftpView } from '../../../../src-renderer/capabilities/tftp/View';
import { useTftp } from '../../../../src-renderer/capabilities/tftp/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';
import { clientCancelled, requestRefused, TftpRefusal } from '../../../../src-main/capabilities/tftp/failures';
import type { TftpTransferInfo } from '../../../../src-shared/capabilities/tftp/contract';

const api: RbApi = {
  transport: 'websocket',
  invoke: (async (cmd: string) => (cmd === 'tftp.files' ? { files: [{ name: 'openwrt-initramfs.bin', size: 8 << 20 }], truncated: true } : {})) as RbApi['invoke'],
  on: () => () => undefined,
};

const base: TftpTransferInfo = {
  id: 1,
  direction: 'read',
  file: 'openwrt-initramfs.bin',
  peer: '192.168.1.1',
  peerPort: 3077,
  mode: 'octet',
  options: { blksize: 1468, windowsize: 16, timeoutMs: 5000, tsize: 8 << 20, oack: true },
  state: 'running',
  size: 8 << 20,
  bytes: 2 << 20,
  startedAt: Date.UTC(2026, 10, 21, 14, 2, 11, 204),
  rate: 1 << 20,
  retransmits: 3,
};

beforeAll(async () => {
  await useLocale.getState().setLocale('en-XA');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
beforeEach(() => {
  useTftp.setState({
    server: {
      state: 'listening',
      root: '/srv/fw',
      bind: '192.168.1.10',
      port: 6969,
      overwrite: true,
      allowWrite: '/srv/up',
      startedAt: Date.now(),
      lockstep: { engine: 'js', why: 'not built' },
    } as never,
    transfers: [],
    puts: [],
  });
});
afterEach(cleanup);

describe('file server in the pseudo-locale, with data', () => {
  it('running server, its files, transfers (running, done, refused, cancelled) and an upload to a router', async () => {
    const refused = requestRefused({ op: 'rrq', filename: 'tp_recovery.bin' } as never, '192.168.1.1', new TftpRefusal(1, 'File not found', 'no such file'));
    const cancelled = clientCancelled('192.168.1.1', 'x.bin', new Uint8Array([0, 5, 0, 8, 0]));
    act(() => {
      const s = useTftp.getState();
      s.onTransfer({ kind: 'progress', transfer: base });
      s.onTransfer({ kind: 'done', transfer: { ...base, id: 2, state: 'done', bytes: 8 << 20, sha256: 'ab'.repeat(32), endedAt: base.startedAt + 8000, served: 'openwrt-initramfs.bin', file: 'ArcherC7v2_tp_recovery.bin', servedBy: 'alias' } });
      s.onTransfer({ kind: 'error', transfer: { ...base, id: 3, state: 'error', file: 'tp_recovery.bin', error: refused } });
      s.onTransfer({ kind: 'error', transfer: { ...base, id: 4, state: 'error', direction: 'write', mode: 'netascii', file: 'x.bin', error: cancelled } });
      s.onPut({ id: 'p1', host: '192.168.1.1', remoteName: 'firmware.trx', state: 'done', bytes: 100, total: 100, bytesPerSecond: 50, result: { blksize: 1468, windowsize: 4, sha256: 'cd'.repeat(32) } } as never);
      s.onPut({ id: 'p2', host: '192.168.1.20', remoteName: 'fw.bin', state: 'running', bytes: 10, total: 100, bytesPerSecond: 50 } as never);
    });
    const { container, findAllByTestId } = render(
      <ApiContext.Provider value={api}>
        <TftpView />
      </ApiContext.Provider>,
    );
    await findAllByTestId('tftp-file');
    expect(container.querySelectorAll('[data-testid="error-card"]').length).toBe(2);
    // binary units as the router's tools print them; the Details of an error keep the raw code and detail by design
    const escaped = scanForEscapes(container, ['Rescue Bench', 'KiB', 'MiB', 'GiB']).filter((line) => !line.startsWith('pre:'));
    expect(escaped).toEqual([]);
  });
});
