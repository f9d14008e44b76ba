import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildDhcpDiscover,
  checkFindings,
  normalMac,
  parseBsdArp,
  parseCidr,
  parseDhcpReply,
  parseIpAddrJson,
  parseIpNeighJson,
  neighbourAnsweredSince,
  parseNmcliDevices,
  parseWindowsArp,
} from '../../../../src-shared/capabilities/net';

describe('parsers of the OS tools', () => {
  it('ip -j addr show (iproute2 6.x, as printed in a namespace)', () => {
    const text = JSON.stringify([
      { ifindex: 1, ifname: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', link_type: 'loopback', address: '00:00:00:00:00:00', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }, { family: 'inet6', local: '::1', prefixlen: 128 }] },
      { ifindex: 7, link_index: 8, ifname: 'rbs1a2b3c', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UP', link_type: 'ether', address: '4a:1f:00:aa:bb:cc', addr_info: [{ family: 'inet', local: '192.168.0.100', prefixlen: 24, dynamic: true, valid_life_time: 864000 }] },
    ]);
    expect(parseIpAddrJson(text)).toEqual([
      { name: 'lo', mac: '00:00:00:00:00:00', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], operstate: 'UNKNOWN', linkType: 'loopback', addresses: [{ cidr: '127.0.0.1/8', dynamic: false }] },
      { name: 'rbs1a2b3c', mac: '4a:1f:00:aa:bb:cc', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], operstate: 'UP', linkType: 'ether', addresses: [{ cidr: '192.168.0.100/24', dynamic: true }] },
    ]);
  });

  it('nmcli terse output with escaped colons and bracketed states', () => {
    const m = parseNmcliDevices('enp3s0:connected\nwlp2s0:connected (externally)\nlo:unmanaged\nbr\\:0:disconnected\n\ngarbage\n');
    expect([...m]).toEqual([
      ['enp3s0', 'connected'],
      ['wlp2s0', 'connected (externally)'],
      ['lo', 'unmanaged'],
      ['br:0', 'disconnected'],
    ]);
  });

  it('neighbour tables: ip -j neigh, macOS arp -n, Windows arp -a', () => {
    expect(parseIpNeighJson('[{"dst":"192.168.0.1","dev":"eth0","lladdr":"00:11:22:33:44:55","state":["REACHABLE"]},{"dst":"192.168.0.9","dev":"eth0","state":["FAILED"]}]')).toEqual([
      { ip: '192.168.0.1', mac: '00:11:22:33:44:55', dev: 'eth0', state: 'REACHABLE' },
      { ip: '192.168.0.9', dev: 'eth0', state: 'FAILED' },
    ]);
    // ip -s -j neigh (iproute2 6.x, this machine): used/confirmed/updated in whole seconds
    const withAges = parseIpNeighJson('[{"dst":"192.168.1.1","dev":"veth0","lladdr":"02:fc:00:00:00:05","used":23,"confirmed":24,"updated":6,"probes":1,"state":["STALE"]}]');
    expect(withAges).toEqual([{ ip: '192.168.1.1', mac: '02:fc:00:00:00:05', dev: 'veth0', state: 'STALE', confirmedAgoS: 24 }]);
    const now = 1_000_000;
    // confirmed "24 s" ago = between 24 and 25 s ago: after a moment 30 s ago, maybe not after one 24.5 s ago
    expect(neighbourAnsweredSince(withAges[0]!, now - 30_000, now)).toBe(true);
    expect(neighbourAnsweredSince(withAges[0]!, now - 24_500, now)).toBe(false);
    expect(neighbourAnsweredSince({ ip: '192.168.1.1', mac: '02:fc:00:00:00:05', state: 'REACHABLE' }, now - 60_000, now)).toBe(false); // no age given
    expect(neighbourAnsweredSince({ ip: '192.168.1.1', mac: '02:fc:00:00:00:05', state: 'PERMANENT', confirmedAgoS: 0 }, now - 60_000, now)).toBe(false); // set by hand
    expect(neighbourAnsweredSince({ ip: '192.168.1.1', state: 'FAILED', confirmedAgoS: 0 }, now - 60_000, now)).toBe(false);
    expect(parseBsdArp('? (192.168.0.1) at 0:11:22:3:44:55 on en7 ifscope [ethernet]\n? (192.168.0.9) at (incomplete) on en7 ifscope [ethernet]\n? (192.168.0.86) at 0:11:22:33:44:56 on en7 ifscope permanent [ethernet]')).toEqual([
      { ip: '192.168.0.1', mac: '00:11:22:03:44:55', dev: 'en7', state: 'REACHABLE' },
      { ip: '192.168.0.9', dev: 'en7', state: 'INCOMPLETE' },
      { ip: '192.168.0.86', mac: '00:11:22:33:44:56', dev: 'en7', state: 'PERMANENT' },
    ]);
    const win = '\r\nInterface: 192.168.0.66 --- 0x7\r\n  Internet Address      Physical Address      Type\r\n  192.168.0.1           00-11-22-33-44-55     dynamic\r\n  192.168.0.86          00-11-22-33-44-56     static\r\n  192.168.0.255         ff-ff-ff-ff-ff-ff     static\r\n';
    expect(parseWindowsArp(win)).toEqual([
      { ip: '192.168.0.1', mac: '00:11:22:33:44:55', dev: '192.168.0.66', state: 'REACHABLE' },
      { ip: '192.168.0.86', mac: '00:11:22:33:44:56', dev: '192.168.0.66', state: 'PERMANENT' },
    ]);
  });

  it('CIDR and MAC', () => {
    expect(parseCidr('192.168.0.66/24')).toEqual({ ip: '192.168.0.66', prefix: 24, network: '192.168.0.0', netmask: '255.255.255.0', broadcast: '192.168.0.255' });
    expect(parseCidr('10.1.2.3/8')!.broadcast).toBe('10.255.255.255');
    for (const bad of ['192.168.0.66', '192.168.0.66/0', '192.168.0.66/33', '256.1.1.1/24', ' 1.2.3.4/24']) expect(parseCidr(bad)).toBeUndefined();
    expect(normalMac('0:1:2:a:B:cc')).toBe('00:01:02:0a:0b:cc');
    expect(normalMac('00:11:22:33:44')).toBeUndefined();
  });

  it('DHCP: a DISCOVER with the broadcast flag; an OFFER parsed back', () => {
    const d = buildDhcpDiscover(0x12345678, '02:00:00:00:00:01');
    expect(d.length).toBe(300);
    expect([d[0], d[1], d[2]]).toEqual([1, 1, 6]);
    expect(Buffer.from(d).readUInt32BE(4)).toBe(0x12345678);
    expect(Buffer.from(d).readUInt16BE(10)).toBe(0x8000);
    expect([...d.subarray(28, 34)]).toEqual([2, 0, 0, 0, 0, 1]);
    expect([...d.subarray(240, 243)]).toEqual([53, 1, 1]);
    // An OFFER as a server builds it: op 2, yiaddr, options 53=2, 54=server
    const o = Buffer.from(d);
    o[0] = 2;
    o.set([192, 168, 0, 100], 16);
    o.set([53, 1, 2, 54, 4, 192, 168, 0, 1, 255], 240);
    expect(parseDhcpReply(o)).toEqual({ xid: 0x12345678, type: 2, yiaddr: '192.168.0.100', server: '192.168.0.1' });
    expect(parseDhcpReply(d)).toBeUndefined(); // a request is not a reply
  });

  it('fuzz: no parser throws on any input, and what they return is well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        for (const l of parseIpAddrJson(s)) expect(typeof l.name).toBe('string');
        for (const [k, v] of parseNmcliDevices(s)) expect(k.length > 0 && v.length > 0).toBe(true);
        for (const n of [...parseIpNeighJson(s), ...parseBsdArp(s), ...parseWindowsArp(s)]) expect(n.mac === undefined || /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(n.mac)).toBe(true);
        parseCidr(s);
      }),
      { numRuns: 500 },
    );
    const jsonish = fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify([v, { ifname: v, addr_info: [v], flags: v, dst: v, lladdr: v, state: v }]) ?? '');
    fc.assert(
      fc.property(jsonish, (s) => {
        expect(() => parseIpAddrJson(s)).not.toThrow();
        expect(() => parseIpNeighJson(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), (b) => {
        const r = parseDhcpReply(b);
        if (r) expect(r.type).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('findings: every one has a title and a meaning in plain words', () => {
    const f = checkFindings({ target: '192.168.0.1', need: '192.168.0.66/24', subnet: '192.168.0.0/24', alsoInSubnet: [], dhcp: { state: 'unknown', how: 'none' } });
    expect(f.map((x) => x.id)).toEqual(['address', 'subnet', 'target', 'dhcp']);
    for (const x of f) expect(x.title.length > 10 && x.meaning.length > 10).toBe(true);
  });
});
