import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ROWS, useFailsafe } from '../../../../src-renderer/capabilities/failsafe/store';
import { benchSocketUrl } from '../../../../src-renderer/api/ws-bridge';
import type { FailsafeDatagram } from '../../../../src-shared/capabilities/failsafe/contract';

const d = (id: number): FailsafeDatagram => ({ id, receivedAt: 1000 + id, from: '192.168.1.1', fromPort: 5000, text: 't', kind: 'unknown', hasPrefix: true, wellFormed: true, length: 1001, notes: [], unexpectedSource: false });

describe('failsafe store', () => {
  beforeEach(() => useFailsafe.setState({ datagrams: [], monitor: { ...useFailsafe.getState().monitor, received: 0 } }));
  it('keeps at most MAX_ROWS rows, newest last, and counts what arrives', () => {
    for (let i = 1; i <= MAX_ROWS + 50; i++) useFailsafe.getState().addDatagram(d(i));
    const s = useFailsafe.getState();
    expect(s.datagrams).toHaveLength(MAX_ROWS);
    expect(s.datagrams.at(-1)!.id).toBe(MAX_ROWS + 50);
    expect(s.monitor.received).toBe(MAX_ROWS + 50);
  });
  it('ignores a duplicate delivery of the same datagram', () => {
    useFailsafe.getState().addDatagram(d(1));
    useFailsafe.getState().addDatagram(d(1));
    expect(useFailsafe.getState().datagrams).toHaveLength(1);
  });
});

describe('bench socket URL', () => {
  it('takes the token out of the address bar, keeps it for reloads', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1');
    const url = benchSocketUrl(window.location, window.sessionStorage, window.history);
    expect(url).toBe(`ws://${window.location.host}/ws?token=abc123`);
    expect(window.location.search).toBe('?x=1');
    expect(benchSocketUrl(window.location, window.sessionStorage, window.history)).toBe(url);
  });
});
