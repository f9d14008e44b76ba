/**
 * One path into the U-Boot store: "Start" invokes uboot.run through the store's action, whose reply is
 * awaited for its error only; the run appears when its uboot.state event arrives (the event is its one writer).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { UbootPanel } from '../../../../src-renderer/capabilities/uboot/UbootPanel';
import { useUboot } from '../../../../src-renderer/capabilities/uboot/store';
import type { SerialSession } from '../../../../src-shared/capabilities/serial/contract';
import type { UbootRun } from '../../../../src-shared/capabilities/uboot/contract';

const session: SerialSession = {
  id: 's1',
  path: '/dev/ttyUSB0',
  state: 'open',
  requested: { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' },
  actual: { baud: 115200 },
  signals: {},
  profile: 'generic',
  logPath: '/tmp/x.log',
  openedAt: 0,
  bytesIn: 0,
  bytesOut: 0,
  reconnects: 0,
  autoStop: true,
};
const run: UbootRun = { runId: 'u1', sessionId: 's1', file: '/images/initramfs.bin', state: 'running', steps: [], startedAt: 1 };

const calls: Array<[string, unknown]> = [];
let reply: (name: string) => Promise<unknown>;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    return reply(name);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};
const ui = () =>
  render(
    <ApiContext.Provider value={api}>
      <UbootPanel session={session} />
    </ApiContext.Provider>,
  );
/** What the wiring does with a uboot.state event. */
const stateEvent = (r: UbootRun) => act(() => useUboot.getState().setRun(r));

beforeEach(() => {
  calls.length = 0;
  useUboot.setState({ bySession: {} });
});
afterEach(cleanup);

describe('U-Boot panel', () => {
  it('does not write the reply: the store changes only when the uboot.state event arrives', async () => {
    reply = async () => run;
    ui();
    fireEvent.change(screen.getByTestId('uboot-file'), { target: { value: ' /images/initramfs.bin ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('uboot-start'));
    });
    expect(calls).toEqual([['uboot.run', expect.objectContaining({ sessionId: 's1', file: '/images/initramfs.bin' })]]);
    expect(useUboot.getState().bySession).toEqual({});
    expect(screen.queryByTestId('uboot-steps')).toBeNull();

    stateEvent(run);
    act(() => useUboot.getState().onStep({ runId: 'u1', step: 'stop-autoboot', state: 'running', message: 'Waiting for the bootloader', at: 2 }));
    expect(screen.getByTestId('uboot-steps').dataset.state).toBe('running');
    expect(screen.getByTestId('uboot-now')).toBeTruthy();

    // Stop goes through the store's action too; the run's end arrives as its event
    reply = async () => ({ ok: true });
    await act(async () => {
      fireEvent.click(screen.getByText('Stop'));
    });
    expect(calls.at(-1)).toEqual(['uboot.cancel', { runId: 'u1' }]);
    expect(useUboot.getState().bySession.s1!.state).toBe('running');
    stateEvent({ ...run, state: 'cancelled' });
    expect(screen.getByTestId('uboot-steps').dataset.state).toBe('cancelled');
  });

  it('shows a refused start in three parts and leaves the store alone', async () => {
    reply = async () => {
      throw new ApiError({ code: 'UBOOT_BUSY', message: 'A bootloader sequence is already running on this console.', meaning: 'Two sequences would type over each other.', fix: 'Wait for it to finish or stop it first.' });
    };
    ui();
    fireEvent.change(screen.getByTestId('uboot-file'), { target: { value: '/images/initramfs.bin' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('uboot-start'));
    });
    expect(screen.getByTestId('error-card').dataset.code).toBe('UBOOT_BUSY');
    expect(useUboot.getState().bySession).toEqual({});
  });
});
