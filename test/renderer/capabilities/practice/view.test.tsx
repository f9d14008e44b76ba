/**
 * The practice screens: the scenarios (one not ready yet, and saying why), the commands the buttons send, the
 * PRACTICE frame and dock on every screen while the practice router runs, and the run options that point the
 * failsafe guide at it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { App } from '../../../../src-renderer/App';
import { useApp } from '../../../../src-renderer/app/store';
import { usePractice, practiceRunOptions } from '../../../../src-renderer/capabilities/practice/store';
import type { PracticeState } from '../../../../src-shared/capabilities/practice';

const calls: { name: string; payload: unknown }[] = [];
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    return { ports: [], sessions: [] };
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

const running: PracticeState = {
  ready: true,
  scenario: 'forgot-password',
  mode: 'preinit',
  led: 'preinit',
  target: { routerAddress: '127.0.0.2', sshPort: 40001, telnetPort: 40002, netmsgPort: 4919, consolePath: 'practice:router-console', profileId: 'glinet,gl-mt300n-v2', tftpPort: 40003, windowS: 4, webPort: 40004 },
  log: [{ at: 1, text: 'Power on.' }],
};

beforeEach(() => {
  calls.length = 0;
  useApp.setState({ section: 'practice' });
  usePractice.setState({ state: { ready: false, mode: 'off', led: 'off', log: [] }, busy: false, error: undefined });
});
afterEach(cleanup);

const show = () =>
  render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  );

describe('practice router screens', () => {
  it('lists the scenarios, every one can be started; a start sends practice.start', async () => {
    show();
    for (const id of ['forgot-password', 'broken-settings', 'factory-firmware', 'bootloader-only', 'tplink-recovery']) expect(screen.getByTestId(`practice-start-${id}`).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(/Not ready yet/)).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('practice-start-forgot-password')));
    expect(calls).toContainEqual({ name: 'practice.start', payload: { scenario: 'forgot-password', netmsgPort: 4919 } });
    expect(document.querySelector('.frame')!.classList.contains('practice-on')).toBe(false);
  });

  it('while it runs: orange frame, PRACTICE banner and dock on every screen; the picture\'s buttons send power and button', async () => {
    show();
    act(() => usePractice.getState().set(running));
    expect(document.querySelector('.frame')!.classList.contains('practice-on')).toBe(true);
    for (const section of ['start', 'failsafe', 'console', 'devices'] as const) {
      act(() => useApp.getState().setSection(section));
      expect(screen.getByTestId('practice-banner').textContent).toMatch(/PRACTICE/);
      expect(screen.getByTestId('practice-dock').textContent).toMatch(/PRACTICE.*Forgot the password/);
    }
    calls.length = 0;
    await act(async () => fireEvent.click(screen.getByTestId('practice-button')));
    await act(async () => fireEvent.click(screen.getByTestId('practice-power')));
    const practiceCalls = calls.filter((c) => c.name.startsWith('practice.'));
    expect(practiceCalls).toEqual([
      { name: 'practice.button', payload: {} },
      { name: 'practice.power', payload: { on: false } },
    ]);
  });

  it('points the failsafe guide at the practice router, marked as practice', () => {
    expect(practiceRunOptions(running)).toEqual({ practice: true, routerAddress: '127.0.0.2', bind: '127.0.0.1', port: 4919, sshPort: 40001, telnetPort: 40002, windowS: 4, deviceId: 'glinet,gl-mt300n-v2' });
    expect(practiceRunOptions({ ready: false, mode: 'off', led: 'off', log: [] })).toBeUndefined();
  });
});
