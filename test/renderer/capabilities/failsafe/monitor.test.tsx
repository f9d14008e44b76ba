/**
 * The raw monitor panel shows the monitor's own figures: how many datagrams it forwarded (the sequence number
 * of the newest) and how many it held back in a flood (its report), never a count made in the window.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { MonitorPanel } from '../../../../src-renderer/capabilities/failsafe/MonitorPanel';
import { useFailsafe } from '../../../../src-renderer/capabilities/failsafe/store';
import type { FailsafeDatagram, MonitorState } from '../../../../src-shared/capabilities/failsafe/contract';

const d = (id: number): FailsafeDatagram => ({ id, receivedAt: 1000 + id, from: '192.168.1.1', fromPort: 5000, text: 'Please press button now to enter failsafe', kind: 'failsafe-prompt', hasPrefix: true, wellFormed: true, length: 1001, notes: [], unexpectedSource: false });
const listening: MonitorState = { state: 'listening', bind: '0.0.0.0', port: 4919, boundAddresses: ['0.0.0.0:4919'], received: 0, suppressed: 0, startedAt: 500 };
const api: RbApi = { transport: 'websocket', invoke: (async () => ({})) as RbApi['invoke'], on: () => () => undefined };

beforeEach(() => useFailsafe.setState({ datagrams: [], forwarded: 0, monitor: { ...listening, state: 'stopped', boundAddresses: [] } }));
afterEach(cleanup);

describe('failsafe monitor panel', () => {
  it('says how many the monitor forwarded and how many it held back, as the monitor reported them', () => {
    render(<ApiContext.Provider value={api}><MonitorPanel /></ApiContext.Provider>);
    const status = () => screen.getByTestId('failsafe-status').textContent;
    act(() => useFailsafe.getState().setMonitor(listening));
    expect(status()).toMatch(/0 messages received\.$/);
    act(() => useFailsafe.getState().addDatagram(d(1)));
    expect(status()).toMatch(/1 message received\.$/);
    // a flood: the monitor numbered 120 forwarded ones, only two reached this window, and it reports 5000 held back
    act(() => {
      useFailsafe.getState().addDatagram(d(120));
      useFailsafe.getState().setMonitor({ ...listening, received: 5120, suppressed: 5000 });
    });
    expect(status()).toMatch(/120 messages received\. 5000 more were not shown: something is flooding this port\.$/);
  });

  it('labels the practice router\'s datagrams PRACTICE, and only a stranger\'s as not a rescue address', () => {
    render(<ApiContext.Provider value={api}><MonitorPanel /></ApiContext.Provider>);
    act(() => {
      useFailsafe.getState().setMonitor(listening);
      useFailsafe.getState().addDatagram({ ...d(1), from: '127.0.0.2', practice: true });
      useFailsafe.getState().addDatagram({ ...d(2), from: '10.9.9.9', unexpectedSource: true });
    });
    const rows = screen.getAllByTestId('failsafe-event');
    const practiceRow = rows.find((r) => r.textContent?.includes('127.0.0.2'))!;
    const strangerRow = rows.find((r) => r.textContent?.includes('10.9.9.9'))!;
    expect(practiceRow.textContent).toMatch(/PRACTICE/);
    expect(practiceRow.textContent).not.toMatch(/not a rescue address/);
    expect(practiceRow.classList.contains('flagged')).toBe(false);
    expect(strangerRow.textContent).toMatch(/not a rescue address/);
    expect(strangerRow.textContent).not.toMatch(/PRACTICE/);
  });
});
