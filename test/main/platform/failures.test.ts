import { describe, expect, it } from 'vitest';
import { explainBindError } from '../../../src-main/platform/failures';

const err = (code: string) => Object.assign(new Error(`bind ${code}`), { code });

describe('what an operating-system error means', () => {
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
