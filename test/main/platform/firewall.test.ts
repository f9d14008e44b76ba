import { describe, expect, it } from 'vitest';
import { firewallAllowWords, macFirewallOn, ufwEnabled, windowsFirewallOn } from '../../../src-main/platform';

describe('which firewall runs', () => {
  it('reads ufw.conf, netsh and socketfilterfw as they print', () => {
    expect(ufwEnabled('# /etc/ufw/ufw.conf\n#\nENABLED=yes\nLOGLEVEL=low\n')).toBe(true);
    expect(ufwEnabled('ENABLED=no\n')).toBe(false);
    expect(ufwEnabled('#ENABLED=yes\n')).toBe(false);
    expect(windowsFirewallOn('\r\nPrivate Profile Settings:\r\n----------------------------------------------------------------------\r\nState                                 ON\r\nOk.\r\n')).toBe(true);
    expect(windowsFirewallOn('State                                 OFF\r\n')).toBe(false);
    expect(macFirewallOn('Firewall is enabled. (State = 1)')).toBe(true);
    expect(macFirewallOn('Firewall is disabled. (State = 0)')).toBe(false);
  });

  it('says how to let TFTP through each one', () => {
    expect(firewallAllowWords('ufw', 'eth1')).toMatch(/sudo ufw allow in on eth1 proto udp to any port 69/);
    expect(firewallAllowWords('firewalld')).toMatch(/firewall-cmd --add-service=tftp/);
    expect(firewallAllowWords('windows-defender')).toMatch(/Allow an app through Windows Firewall/);
  });
});
