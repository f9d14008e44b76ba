import { describe, expect, it } from 'vitest';
import { broadcastOf, inSubnet, intToIpv4, ipv4ToInt, prefixLength, prefixMask } from '../../../src-main/platform/ipv4';

describe('IPv4 arithmetic', () => {
  it('computes broadcast addresses and subnets', () => {
    expect(broadcastOf('192.168.1.10', '255.255.255.0')).toBe('192.168.1.255');
    expect(broadcastOf('10.1.2.3', '255.255.0.0')).toBe('10.1.255.255');
    expect(inSubnet('192.168.1.1', '192.168.1.0', 24)).toBe(true);
    expect(inSubnet('192.168.2.1', '192.168.1.0', 24)).toBe(false);
    expect(inSubnet('not-an-ip', '192.168.1.0', 24)).toBe(false);
  });

  it('converts between prefix lengths, masks and dotted quads', () => {
    expect(intToIpv4(prefixMask(24))).toBe('255.255.255.0');
    expect(intToIpv4(prefixMask(0))).toBe('0.0.0.0');
    expect(intToIpv4(prefixMask(32))).toBe('255.255.255.255');
    expect(prefixLength('255.255.255.0')).toBe(24);
    expect(prefixLength('255.255.240.0')).toBe(20);
    expect(prefixLength('0.0.0.0')).toBe(0);
    expect(intToIpv4(ipv4ToInt('192.168.1.254'))).toBe('192.168.1.254');
    expect(inSubnet('10.9.8.7', '0.0.0.0', 0)).toBe(true);
  });
});
