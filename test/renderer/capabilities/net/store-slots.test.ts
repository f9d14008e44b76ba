import { describe, expect, it } from 'vitest';
import { useNet } from '../../../../src-renderer/capabilities/net';

describe('net store: router places on cards (net.slot events)', () => {
  it('keeps the last state per card and forgets a released one', () => {
    const s = () => useNet.getState();
    s().onSlot({ interface: 'enx1', sourceAddress: '192.168.1.60', routerIp: '192.168.1.1', state: 'ready', at: 1 });
    s().onSlot({ interface: 'enx2', sourceAddress: '192.168.1.61', routerIp: '192.168.1.1', state: 'ready', at: 2 });
    s().onSlot({ interface: 'enx2', sourceAddress: '192.168.1.61', routerIp: '192.168.1.1', state: 'no-carrier', at: 3 });
    expect(Object.fromEntries(Object.entries(s().slots).map(([k, v]) => [k, v.state]))).toEqual({ enx1: 'ready', enx2: 'no-carrier' });
    s().onSlot({ interface: 'enx1', sourceAddress: '192.168.1.60', routerIp: '192.168.1.1', state: 'released', at: 4 });
    expect(Object.keys(s().slots)).toEqual(['enx2']);
  });
});
