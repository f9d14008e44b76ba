import { describe, expect, it } from 'vitest';
import { privilegedAddressCommand, rescueAddressHowTo } from '../../../src-main/services/platform';

describe('rescue address per OS', () => {
  it('says exactly how to set 192.168.1.10 on each OS', () => {
    expect(rescueAddressHowTo('linux', 'enp3s0').command).toBe('sudo ip addr add 192.168.1.10/24 dev enp3s0');
    expect(rescueAddressHowTo('darwin', 'en7').command).toBe('sudo ifconfig en7 alias 192.168.1.10 255.255.255.0');
    expect(rescueAddressHowTo('win32', 'Ethernet 2').command).toBe('netsh interface ipv4 add address "Ethernet 2" 192.168.1.10 255.255.255.0');
    expect(rescueAddressHowTo('win32', undefined).steps).toMatch(/Settings → Network & internet → Ethernet/);
  });

  it('offers the privilege prompt only where the OS has one we can use', () => {
    expect(privilegedAddressCommand('linux', 'enp3s0', '192.168.1.10', () => true)).toEqual(['pkexec', ['ip', 'addr', 'add', '192.168.1.10/24', 'dev', 'enp3s0']]);
    expect(privilegedAddressCommand('linux', 'enp3s0', '192.168.1.10', () => false)).toBeUndefined();
    expect(privilegedAddressCommand('linux', 'en; rm -rf /', '192.168.1.10', () => true)).toBeUndefined();
    expect(privilegedAddressCommand('darwin', 'en0')![1][1]).toBe('do shell script "/sbin/ifconfig en0 alias 192.168.1.10 255.255.255.0" with administrator privileges');
    expect(privilegedAddressCommand('win32', 'Ethernet')![1].join(' ')).toMatch(/Start-Process netsh -Verb RunAs -Wait -ArgumentList 'interface ipv4 add address "Ethernet" 192.168.1.10 255.255.255.0'/);
  });
});
