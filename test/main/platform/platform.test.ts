import { describe, expect, it } from 'vitest';
import { broadcastListenAddresses, broadcastOf, dataDir, explainBindError, inSubnet } from '../../../src-main/platform';

const itf = [{ name: 'eth0', address: '192.168.1.10', netmask: '255.255.255.0', cidr: '192.168.1.10/24', mac: '00:11:22:33:44:55', internal: false }];
const err = (code: string) => Object.assign(new Error(`bind ${code}`), { code });

describe('platform module', () => {
  it('computes broadcast addresses and subnets', () => {
    expect(broadcastOf('192.168.1.10', '255.255.255.0')).toBe('192.168.1.255');
    expect(broadcastOf('10.1.2.3', '255.255.0.0')).toBe('10.1.255.255');
    expect(inSubnet('192.168.1.1', '192.168.1.0', 24)).toBe(true);
    expect(inSubnet('192.168.2.1', '192.168.1.0', 24)).toBe(false);
    expect(inSubnet('not-an-ip', '192.168.1.0', 24)).toBe(false);
  });

  it('binds unicast + broadcast on Linux and macOS, unicast only on Windows', () => {
    expect(broadcastListenAddresses('192.168.1.10', itf, 'linux')).toEqual(['192.168.1.10', '192.168.1.255']);
    expect(broadcastListenAddresses('192.168.1.10', itf, 'darwin')).toEqual(['192.168.1.10', '192.168.1.255']);
    expect(broadcastListenAddresses('192.168.1.10', itf, 'win32')).toEqual(['192.168.1.10']);
    expect(broadcastListenAddresses('0.0.0.0', itf, 'linux')).toEqual(['0.0.0.0']);
  });

  it('puts user data where each OS expects it, with an override', () => {
    expect(dataDir('linux', {}, '/home/ann')).toBe('/home/ann/.local/share/rescue-bench');
    expect(dataDir('linux', { XDG_DATA_HOME: '/x' }, '/home/ann')).toBe('/x/rescue-bench');
    expect(dataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Rescue Bench');
    expect(dataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench');
    expect(dataDir('linux', { RESCUE_BENCH_DATA_DIR: '/data' })).toBe('/data');
  });

  it('explains bind errors in three parts with a fix for each OS', () => {
    const ctx = { protocol: 'udp' as const, address: '0.0.0.0', port: 69, purpose: 'serve files to the bootloader' };
    const linux = explainBindError(err('EACCES'), ctx, 'linux');
    expect(linux.code).toBe('PORT_NOT_PERMITTED');
    expect(linux.fix).toMatch(/ip_unprivileged_port_start=69/);
    expect(linux.fix).toMatch(/setcap cap_net_bind_service/);
    expect(linux.meaning).toMatch(/serve files to the bootloader/);
    expect(explainBindError(err('EACCES'), ctx, 'win32').fix).toMatch(/Windows Firewall/);
    expect(explainBindError(err('EACCES'), ctx, 'darwin').fix).toMatch(/macOS/);
    const inUse = explainBindError(err('EADDRINUSE'), { ...ctx, port: 4919 }, 'win32');
    expect(inUse.code).toBe('PORT_IN_USE');
    expect(inUse.fix).toMatch(/netstat -ano -p udp \| findstr :4919/);
    expect(explainBindError(err('EADDRNOTAVAIL'), { ...ctx, address: '192.168.1.10' }, 'linux').code).toBe('ADDRESS_NOT_HERE');
    expect(explainBindError(err('EWHAT'), ctx, 'linux').details).toMatch(/EWHAT/);
  });
});
