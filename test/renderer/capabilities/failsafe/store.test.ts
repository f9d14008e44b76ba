import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ROWS, useFailsafe } from '../../../../src-renderer/capabilities/failsafe/store';
import type { FailsafeDatagram, MonitorState } from '../../../../src-shared/capabilities/failsafe/contract';

const d = (id: number): FailsafeDatagram => ({ id, receivedAt: 1000 + id, from: '192.168.1.1', fromPort: 5000, text: 't', kind: 'unknown', hasPrefix: true, wellFormed: true, length: 1001, notes: [], unexpectedSource: false });

const monitor = (m: Partial<MonitorState>): MonitorState => ({ state: 'listening', bind: '0.0.0.0', port: 4919, boundAddresses: ['0.0.0.0:4919'], received: 0, suppressed: 0, startedAt: 500, ...m });

describe('failsafe store', () => {
  beforeEach(() => useFailsafe.setState({ datagrams: [], forwarded: 0, monitor: monitor({ state: 'stopped', boundAddresses: [], startedAt: undefined }) }));
  it('keeps at most MAX_ROWS rows, newest last, and takes the monitor\'s sequence number as the count shown', () => {
    for (let i = 1; i <= MAX_ROWS + 50; i++) useFailsafe.getState().addDatagram(d(i));
    const s = useFailsafe.getState();
    expect(s.datagrams).toHaveLength(MAX_ROWS);
    expect(s.datagrams.at(-1)!.id).toBe(MAX_ROWS + 50);
    expect(s.forwarded).toBe(MAX_ROWS + 50);
    // the monitor's own counters are what it last reported, not recounted here
    expect(s.monitor.received).toBe(0);
  });
  it('shows the monitor\'s figures even where a local count would differ', () => {
    const s = useFailsafe.getState();
    s.setMonitor(monitor({ received: 0 }));
    // three rows arrive, but the monitor numbered the newest 7 (rows can be missed, e.g. a busy connection)
    for (const id of [1, 2, 7]) s.addDatagram(d(id));
    expect(useFailsafe.getState().forwarded).toBe(7);
    // a flood report: the monitor's received and suppressed, kept as sent
    s.setMonitor(monitor({ received: 40, suppressed: 33 }));
    s.addDatagram(d(8));
    expect(useFailsafe.getState().monitor).toMatchObject({ received: 40, suppressed: 33 });
    expect(useFailsafe.getState().forwarded).toBe(8);
    // a stop keeps the run's figures; a new run numbers from 1 again
    s.setMonitor(monitor({ state: 'stopped', boundAddresses: [], received: 41, suppressed: 33 }));
    expect(useFailsafe.getState().forwarded).toBe(8);
    s.setMonitor(monitor({ startedAt: 900 }));
    expect(useFailsafe.getState().forwarded).toBe(0);
    // after a reconnect the monitor's recent list says how far it numbered, whichever of the two is read first
    s.replaceDatagrams([d(4), d(5)]);
    expect(useFailsafe.getState().forwarded).toBe(5);
    s.setMonitor(monitor({ startedAt: 900, received: 5 }));
    expect(useFailsafe.getState().forwarded).toBe(5);
    s.clear();
    expect(useFailsafe.getState().forwarded).toBe(5);
  });
  it('ignores a duplicate delivery of the same datagram', () => {
    useFailsafe.getState().addDatagram(d(1));
    useFailsafe.getState().addDatagram(d(1));
    expect(useFailsafe.getState().datagrams).toHaveLength(1);
  });
});
