import { describe, expect, it } from 'vitest';
import { broadcastListenAddresses, udpSharedPortForStrays } from '../../../src-main/platform/network';

const itf = [{ name: 'eth0', address: '192.168.1.10', netmask: '255.255.255.0', cidr: '192.168.1.10/24', mac: '00:11:22:33:44:55', internal: false }];

describe('binding UDP sockets on each OS', () => {
  it('binds unicast + broadcast on Linux and macOS, unicast only on Windows', () => {
    expect(broadcastListenAddresses('192.168.1.10', itf, 'linux')).toEqual(['192.168.1.10', '192.168.1.255']);
    expect(broadcastListenAddresses('192.168.1.10', itf, 'darwin')).toEqual(['192.168.1.10', '192.168.1.255']);
    expect(broadcastListenAddresses('192.168.1.10', itf, 'win32')).toEqual(['192.168.1.10']);
    expect(broadcastListenAddresses('0.0.0.0', itf, 'linux')).toEqual(['0.0.0.0']);
  });

  it('shares a transfer port with a stray-answering socket only on Linux', () => {
    expect(udpSharedPortForStrays('linux')).toBe(true);
    expect(udpSharedPortForStrays('darwin')).toBe(false);
    expect(udpSharedPortForStrays('win32')).toBe(false);
  });
});
