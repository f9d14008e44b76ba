/**
 * The network findings travel as ids + values beside their English (decision 0138). Their English must stay what
 * it was (journals, --json, the integration tests match on it): the sentences with optional parts are checked
 * here against the old templates for every combination, and every finding carries ids the catalogue has.
 */
import { describe, expect, it } from 'vitest';
import { checkFindings, type CheckFacts } from '../../../../src-shared/capabilities/net';
import { english, knownId } from '../../../../src-shared/i18n';

const base: CheckFacts = { target: '192.168.0.1', subnet: '192.168.0.0/24', alsoInSubnet: [], dhcp: { state: 'absent', how: 'probe' } };

describe('network findings in words', () => {
  it('"something answers": every mix of MAC, ping and open ports reads as before', () => {
    for (const arpMac of [undefined, 'aa:bb:cc:dd:ee:01'])
      for (const icmp of [false, true])
        for (const tcp of [{}, { '80': true }, { '22': true, '80': true, '443': false }]) {
          const probe = { arpMac, icmp, tcp, tcpRefused: [], answered: true } as never;
          const open = Object.entries(tcp).filter(([, o]) => o);
          const how = [arpMac ? `its hardware address is ${arpMac}` : '', icmp ? 'it answers ping' : '', open.length ? `port ${open.map(([p]) => p).join(', ')} open` : ''].filter(Boolean);
          const f = checkFindings({ ...base, probe }).find((x) => x.id === 'target')!;
          expect(f.title).toBe(`Something answers at 192.168.0.1${how.length ? ` (${how.join('; ')})` : ''}.`);
        }
  });

  it('a DHCP server, with or without its address and offer; the link speed', () => {
    const dhcp = (server?: string, offered?: string) => checkFindings({ ...base, dhcp: { state: 'present', how: 'probe', server, offered } as never }).find((x) => x.id === 'dhcp')!.title;
    expect(dhcp()).toBe('A DHCP server answers on this cable.');
    expect(dhcp('192.168.0.1')).toBe('A DHCP server answers on this cable (192.168.0.1).');
    expect(dhcp('192.168.0.1', '192.168.0.100')).toBe('A DHCP server answers on this cable (192.168.0.1, offering 192.168.0.100).');
    const iface = { name: 'eth0', mac: '', wired: true, wireless: false, virtual: false, loopback: false, up: true, carrier: true, addresses: [], dynamic: [] };
    expect(checkFindings({ ...base, iface }).find((x) => x.id === 'carrier')!.title).toBe('eth0 has a link.');
    expect(checkFindings({ ...base, iface: { ...iface, speedMbps: 100 } }).find((x) => x.id === 'carrier')!.title).toBe('eth0 has a link (100 Mbit/s).');
  });

  it("every finding's ids are in the catalogue and make its English; the platform's own reason stays as it came", () => {
    const all = [
      ...checkFindings({ ...base, askedInterface: 'eth9', need: '192.168.0.66/24', alsoInSubnet: ['wlan0', 'eth1'], targetIsOurs: 'eth0' }),
      ...checkFindings({ ...base, cablesWithLink: [], dhcp: { state: 'unknown', how: 'probe', note: 'No permission to listen for DHCP.' } as never }),
    ];
    for (const f of all) {
      expect(english(knownId(f.titleMsg!.id)!, f.titleMsg!.values)).toBe(f.title);
      if (f.meaningMsg) expect(english(knownId(f.meaningMsg.id)!, f.meaningMsg.values)).toBe(f.meaning);
    }
    const unknown = all.findLast((f) => f.id === 'dhcp')!;
    expect(unknown.meaning).toBe('No permission to listen for DHCP.');
    expect(unknown.meaningMsg).toBeUndefined();
    expect(all.find((f) => f.id === 'conflict' && f.level === 'warn')!.meaning).toContain('Disconnect them');
  });
});
