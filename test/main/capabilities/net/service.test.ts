import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReason, NetService } from '../../../../src-main/capabilities/net';
import type { NetLeaseInfo, NetLinkEvent } from '../../../../src-shared/capabilities/net';
import { eth, LO, mockNet, type MockNet } from '../../../../test-support/bindings/net-mock';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import { IFCONFIG, PORTS } from '../../../shared/capabilities/net/samples';

const dirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-net-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(m: MockNet, dir = dataDir()) {
  const links: NetLinkEvent[] = [];
  const leases: NetLeaseInfo[] = [];
  const svc = new NetService({ link: (e) => links.push(e), lease: (l) => leases.push(l) }, { binding: m, dataDir: dir, pollMs: 10, dhcpTimeoutMs: 50 });
  return { svc, links, leases, dir };
}

const ipCalls = (m: MockNet) => m.calls.filter((c) => !(c.args[0] === '-j') && !(c.cmd === 'nmcli' && c.args[0] === '-t')).map((c) => [c.cmd, ...c.args].join(' '));

describe('NetService.interfaces', () => {
  it('merges ip, /sys and nmcli: wired, wireless, virtual, carrier, speed, dynamic addresses, NetworkManager', async () => {
    const m = mockNet([
      LO,
      eth('enp3s0', { addresses: [{ cidr: '10.0.0.5/24', dynamic: true }], nmState: 'connected', speed: 1000 }),
      eth('wlp2s0', { wireless: true, nmState: 'connected' }),
      eth('veth0', { device: false, carrier: false }),
      eth('enx1', { up: false, carrier: false }),
    ]);
    const { svc } = setup(m);
    const list = await svc.interfaces();
    const by = Object.fromEntries(list.map((i) => [i.name, i]));
    expect(by.lo).toMatchObject({ loopback: true, wired: false });
    expect(by.enp3s0).toMatchObject({ wired: true, wireless: false, virtual: false, carrier: true, speedMbps: 1000, addresses: ['10.0.0.5/24'], dynamic: ['10.0.0.5/24'], managedBy: 'NetworkManager', managerState: 'connected' });
    expect(by.wlp2s0).toMatchObject({ wired: false, wireless: true });
    expect(by.veth0).toMatchObject({ wired: true, virtual: true, carrier: false });
    expect(by.veth0!.speedMbps).toBeUndefined();
    // switched off by this computer: the OS cannot say whether a cable is in
    expect(by.enx1).toMatchObject({ up: false, carrier: null });
    expect(await svc.networkManager()).toBe('running');
  });

  it('without NetworkManager nothing is marked as managed', async () => {
    const m = mockNet([eth('eth0')], { programs: ['ip', 'ping', 'pkexec'] });
    const { svc } = setup(m);
    expect((await svc.interfaces())[0]!.managedBy).toBeUndefined();
    expect(await svc.networkManager()).toBe('absent');
  });
});

describe('NetService on macOS and Windows (command texts only; not run on those systems)', () => {
  it('macOS: the list from ifconfig and networksetup; the address through one osascript prompt with our reason', async () => {
    const m = mockNet([], { platform: 'darwin', outputs: { ifconfig: IFCONFIG, networksetup: PORTS, osascript: '' } });
    const { svc } = setup(m);
    const list = await svc.interfaces();
    expect(list.find((i) => i.name === 'en7')).toMatchObject({ wired: true, carrier: true, speedMbps: 1000 });
    expect(list.find((i) => i.name === 'en0')).toMatchObject({ wired: false, wireless: true });
    await svc.prepare({ interface: 'en7', address: '192.168.0.66/24', reason: 'Rescue Bench sets 192.168.0.66 for the TP-Link recovery.' });
    const call = m.calls.find((c) => c.cmd === '/usr/bin/osascript')!;
    expect(call.args[1]).toBe(`do shell script "'/sbin/ifconfig' 'en7' 'alias' '192.168.0.66' '255.255.255.0'" with prompt "Rescue Bench sets 192.168.0.66 for the TP-Link recovery." with administrator privileges`);
    expect(svc.leases()[0]).toMatchObject({ via: 'osascript', added: true });
  });

  it("macOS: the prompt's reason in the person's language (decision 0171); its undo too, and a caller's own words as given", async () => {
    const m = mockNet([], { platform: 'darwin', outputs: { ifconfig: IFCONFIG, networksetup: PORTS, osascript: '' } });
    const svc = new NetService({}, { binding: m, dataDir: dataDir(), pollMs: 10, dhcpTimeoutMs: 50, promptLocale: () => 'de' });
    const lease = await svc.prepare({ interface: 'en7', address: '192.168.0.66/24', reason: defaultReason('en7', '192.168.0.66/24') });
    const prompt = (n: number): string => /with prompt "(.*)" with administrator privileges$/.exec(m.calls.filter((c) => c.cmd === '/usr/bin/osascript')[n]!.args[1]!)![1]!;
    expect(prompt(0)).toBe('Rescue Bench gibt en7 die Adresse 192.168.0.66, damit dieser Computer mit dem Router im Rettungsmodus sprechen kann. Sie wird am Ende der Rettung wieder entfernt.');
    await lease.release();
    expect(prompt(1)).toBe('Rescue Bench entfernt die vorübergehende Adresse 192.168.0.66, die es für die Router-Rettung auf en7 gesetzt hat.');
    await svc.prepare({ interface: 'en7', address: '192.168.0.67/24', reason: 'Eigene Worte des Aufrufers.' });
    expect(prompt(2)).toBe('Eigene Worte des Aufrufers.');
    // English as before where no language is given
    expect(defaultReason('en7', '192.168.0.66/24').text).toBe('Rescue Bench gives en7 the address 192.168.0.66 so this computer can talk to the router in recovery mode. It is removed again when the recovery ends.');
  });

  it('Windows: the list from Get-NetAdapter; the address through UAC', async () => {
    const list = JSON.stringify({ adapters: [{ Name: 'Ethernet 2', MacAddress: '00-E0-4C-68-01-02', Status: 'Up', LinkSpeed: '1 Gbps', PhysicalMediaType: '802.3', Virtual: false, HardwareInterface: true }], addresses: [] });
    const m = mockNet([], { platform: 'win32', outputs: { 'powershell.exe': list } });
    const { svc } = setup(m);
    expect(await svc.interfaces()).toEqual([expect.objectContaining({ name: 'Ethernet 2', wired: true, carrier: true, speedMbps: 1000 })]);
    await svc.prepare({ interface: 'Ethernet 2', address: '192.168.1.2/24', reason: 'r' });
    const uac = m.calls.find((c) => c.args.at(-1)?.includes('-Verb RunAs'))!;
    const b64 = /'-EncodedCommand','([^']+)'/.exec(uac.args.at(-1)!)![1]!;
    expect(Buffer.from(b64, 'base64').toString('utf16le')).toContain("& 'netsh' 'interface' 'ipv4' 'add' 'address' 'Ethernet 2' '192.168.1.2' '255.255.255.0' 'store=active'");
    expect(svc.leases()[0]).toMatchObject({ via: 'uac' });
  });
});

describe('NetService.check', () => {
  it('not in the router network yet: says so, does not probe through the default route', async () => {
    const m = mockNet([LO, eth('eth0', { addresses: [{ cidr: '10.1.1.2/24', dynamic: true }] })], { hosts: { '192.168.0.1': { mac: 'aa:bb:cc:dd:ee:ff', ping: true } } });
    const { svc } = setup(m);
    const c = await svc.check({ target: '192.168.0.1', need: '192.168.0.66/24' });
    expect(c).toMatchObject({ subnet: '192.168.0.0/24', inSubnet: false, hasNeed: false, interface: 'eth0', ready: false });
    expect(c.probe).toBeUndefined();
    expect(m.calls.some((x) => x.cmd === 'ping')).toBe(false);
    const titles = c.findings.map((f) => f.title).join('\n');
    expect(titles).toMatch(/does not have the address 192\.168\.0\.66 yet/);
    expect(titles).toMatch(/192\.168\.0\.1 was not tried/);
  });

  it('in the network, something answers (ARP, ping, TCP refused): plain meaning, and which answers', async () => {
    const m = mockNet([LO, eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], {
      hosts: { '192.168.0.1': { mac: 'AA:BB:CC:DD:EE:01', ping: true, tcp: { 80: 'open' } } },
    });
    const { svc } = setup(m);
    const c = await svc.check({ target: '192.168.0.1', need: '192.168.0.66/24' });
    expect(c).toMatchObject({ inSubnet: true, onInterface: 'eth0', hasNeed: true, needOn: 'eth0' });
    expect(c.probe).toMatchObject({ arpMac: 'aa:bb:cc:dd:ee:01', icmp: true, answered: true });
    expect(c.probe!.tcp['80']).toBe(true);
    expect(c.probe!.tcpRefused).toEqual([443, 22, 23]);
    const target = c.findings.find((f) => f.id === 'target')!;
    expect(target.title).toBe('Something answers at 192.168.0.1 (its hardware address is aa:bb:cc:dd:ee:01; it answers ping; port 80 open).');
    // ping went out of the router's interface
    expect(m.calls.find((x) => x.cmd === 'ping')!.args).toEqual(['-n', '-c', '1', '-W', '1', '-I', 'eth0', '192.168.0.1']);
  });

  it('probe with freshSince: a neighbour entry counts only when the OS says it was confirmed after that moment', async () => {
    const since = Date.now() - 4500;
    const fresh = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.1.66/24' }] })], { hosts: { '192.168.1.1': { mac: 'aa:bb:cc:dd:ee:01', confirmedAgoS: 2 } } });
    const a = await setup(fresh).svc.probe('192.168.1.1', { tcpPorts: [22], freshSince: since });
    expect(a).toMatchObject({ arpMac: 'aa:bb:cc:dd:ee:01', icmp: false, answered: true });
    expect(a.arpStale).toBeUndefined();
    expect(fresh.calls.find((c) => c.cmd === 'ip' && c.args.includes('neigh'))!.args).toEqual(['-s', '-j', 'neigh', 'show', 'to', '192.168.1.1']);
    // confirmed "4 s" ago (between 4 and 5 s ago): maybe before the moment, 4.5 s ago, so not counted; STALE from a minute ago neither
    for (const h of [{ confirmedAgoS: 4 }, { confirmedAgoS: 60, state: 'STALE' }]) {
      const m = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.1.66/24' }] })], { hosts: { '192.168.1.1': { mac: 'aa:bb:cc:dd:ee:01', tcp: { 22: 'timeout' }, ...h } } });
      const r = await setup(m).svc.probe('192.168.1.1', { tcpPorts: [22], freshSince: since });
      expect(r).toMatchObject({ icmp: false, answered: false, arpStale: true });
      expect(r.arpMac).toBeUndefined();
    }
    // without freshSince the same stale entry is an answer (the network check's meaning: something was there)
    const old = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.1.66/24' }] })], { hosts: { '192.168.1.1': { mac: 'aa:bb:cc:dd:ee:01', confirmedAgoS: 60, state: 'STALE' } } });
    expect(await setup(old).svc.probe('192.168.1.1', { tcpPorts: [22] })).toMatchObject({ arpMac: 'aa:bb:cc:dd:ee:01', answered: true });
    // macOS says no age: never counted as fresh, ping still is
    const mac = mockNet([eth('en5', { addresses: [{ cidr: '192.168.1.66/24' }] })], { platform: 'darwin', hosts: { '192.168.1.1': { mac: 'aa:bb:cc:dd:ee:01', ping: true } }, outputs: { arp: '? (192.168.1.1) at aa:bb:cc:dd:ee:1 on en5 ifscope [ethernet]\n' } });
    const d = await setup(mac).svc.probe('192.168.1.1', { tcpPorts: [22], freshSince: since });
    expect(d).toMatchObject({ icmp: true, answered: true, arpStale: true });
    expect(d.arpMac).toBeUndefined();
  });

  it('probe and check from a slot\'s own address: ping -I ADDR, every TCP look from it, the neighbour read on the card that holds it (decision 0154)', async () => {
    // two cards in the same network, as on a station: only the address names the card
    const m = mockNet([LO, eth('eth0', { addresses: [{ cidr: '192.168.1.50/24' }] }), eth('eth1', { addresses: [{ cidr: '192.168.1.61/24' }] })], { hosts: { '192.168.1.1': { mac: 'aa:bb:cc:dd:ee:01', ping: true, tcp: { 22: 'open' } } } });
    const { svc } = setup(m);
    const r = await svc.probe('192.168.1.1', { localAddress: '192.168.1.61', tcpPorts: [22, 80] });
    expect(r).toMatchObject({ icmp: true, answered: true });
    expect(m.calls.find((c) => c.cmd === 'ping')!.args).toEqual(['-n', '-c', '1', '-W', '1', '-I', '192.168.1.61', '192.168.1.1']);
    expect(m.tcpCalls).toEqual([
      { ip: '192.168.1.1', port: 22, localAddress: '192.168.1.61' },
      { ip: '192.168.1.1', port: 80, localAddress: '192.168.1.61' },
    ]);
    expect(m.calls.find((c) => c.cmd === 'ip' && c.args.includes('neigh'))!.args).toEqual(['-j', 'neigh', 'show', 'to', '192.168.1.1', 'dev', 'eth1']);
    // the network check looks on the card holding the address and probes from it
    m.calls.length = 0;
    m.tcpCalls.length = 0;
    const c = await svc.check({ target: '192.168.1.1', localAddress: '192.168.1.61', tcpPorts: [80], dhcp: false });
    expect(c.onInterface).toBe('eth1');
    expect(m.tcpCalls).toEqual([{ ip: '192.168.1.1', port: 80, localAddress: '192.168.1.61' }]);
    // without it, the first card in the network answers for the address (what a slot must not rely on)
    m.tcpCalls.length = 0;
    await svc.probe('192.168.1.1', { tcpPorts: [22] });
    expect(m.tcpCalls).toEqual([{ ip: '192.168.1.1', port: 22 }]);
    // a bad address is a three-part fault, nothing sent
    m.calls.length = 0;
    await expect(svc.probe('192.168.1.1', { localAddress: '192.168.1.300' })).rejects.toMatchObject({ code: 'NET_BAD_ADDRESS' });
    expect(m.calls.some((c) => c.cmd === 'ping')).toBe(false);
  });

  it('nothing answers yet: "normal until the router is in recovery mode"', async () => {
    const m = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })]);
    const c = await setup(m).svc.check({ target: '192.168.0.1' });
    expect(c.probe!.answered).toBe(false);
    expect(c.findings.find((f) => f.id === 'target')).toMatchObject({ title: 'Nothing answers at 192.168.0.1 yet.', meaning: expect.stringMatching(/normal until the router is in recovery mode/) });
  });

  it('DHCP: probe when port 68 is allowed (present / absent), a DHCP-given address otherwise, else "could not check"', async () => {
    const present = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], { port68: true, dhcp: { ok: true, replies: [{ xid: 1, type: 2, yiaddr: '192.168.0.100', server: '192.168.0.1' }] } });
    expect((await setup(present).svc.check({ target: '192.168.0.1' })).dhcp).toEqual({ state: 'present', how: 'probe', server: '192.168.0.1', offered: '192.168.0.100' });
    const absent = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], { port68: true });
    const a = await setup(absent).svc.check({ target: '192.168.0.1' });
    expect(a.dhcp).toEqual({ state: 'absent', how: 'probe' });
    expect(a.findings.find((f) => f.id === 'dhcp')!.meaning).toMatch(/normal for a router in recovery mode/);
    const lease = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.100/24', dynamic: true }] })], { port68: false });
    expect((await setup(lease).svc.check({ target: '192.168.0.1' })).dhcp).toMatchObject({ state: 'present', how: 'lease' });
    const unknown = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], { port68: false });
    const u = await setup(unknown).svc.check({ target: '192.168.0.1' });
    expect(u.dhcp).toMatchObject({ state: 'unknown', how: 'none', note: expect.stringMatching(/port \(68\)/) });
    const inUse = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], { port68: true, dhcp: { ok: false, reason: 'in-use', detail: 'EADDRINUSE' } });
    expect((await setup(inUse).svc.check({ target: '192.168.0.1' })).dhcp.note).toMatch(/own DHCP program/);
  });

  it('faults and warnings: no carrier, Wi-Fi, unknown interface, the router address being ours, two interfaces in the subnet', async () => {
    const m = mockNet([
      eth('eth0', { carrier: false, addresses: [{ cidr: '192.168.0.66/24' }] }),
      eth('wlan0', { wireless: true, addresses: [{ cidr: '192.168.0.23/24', dynamic: true }] }),
    ]);
    const { svc } = setup(m);
    const c = await svc.check({ target: '192.168.0.1', interface: 'eth0' });
    expect(c.findings.find((f) => f.id === 'carrier')).toMatchObject({ level: 'warn', title: 'No link on eth0.' });
    expect(c.findings.find((f) => f.id === 'conflict')!.title).toMatch(/wlan0/);
    expect(c.ready).toBe(false);
    const w = await svc.check({ target: '192.168.0.1', interface: 'wlan0' });
    expect(w.findings.find((f) => f.id === 'interface')).toMatchObject({ level: 'warn', title: 'wlan0 is Wi-Fi.' });
    const missing = await svc.check({ target: '192.168.0.1', interface: 'eth9' });
    expect(missing.findings[0]).toMatchObject({ level: 'bad', title: 'There is no network connection called eth9 on this computer.' });
    const none = await setup(mockNet([LO, eth('eth0', { carrier: false })])).svc.check({ target: '192.168.0.1' });
    expect(none.findings[0]).toMatchObject({ id: 'carrier', level: 'warn', title: 'No cable connection of this computer has a link.' });
    const two = await setup(mockNet([eth('eth0'), eth('eth1')])).svc.check({ target: '192.168.0.1' });
    expect(two.findings[0]).toMatchObject({ id: 'interface', title: 'Several cable connections have a link (eth0, eth1).' });
    const ours = await svc.check({ target: '192.168.0.66' });
    expect(ours.findings.find((f) => f.level === 'bad')!.title).toMatch(/this computer’s own address/);
    await expect(svc.check({ target: '192.168.0.1', interface: 'eth0;reboot' })).rejects.toMatchObject({ code: 'NET_BAD_INTERFACE_NAME' });
    await expect(svc.check({ target: '192.168.0.1', need: '192.168.0.1/24' })).rejects.toMatchObject({ code: 'NET_NEED_IS_TARGET' });
  });
});

describe('NetService.prepare / release', () => {
  it('as root: NetworkManager let go, address added, kept through a flap, ARP entry, all undone by release()', async () => {
    const m = mockNet([LO, eth('eth0', { nmState: 'connected', addresses: [{ cidr: '10.0.0.5/24', dynamic: true }] })], { root: true });
    const { svc, leases, dir } = setup(m);
    const lease = await svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'for the test' });
    expect(lease.interface).toBe('eth0');
    expect(m.ifs.get('eth0')!.addresses.map((a) => a.cidr)).toContain('192.168.0.66/24');
    expect(m.ifs.get('eth0')!.nmState).toBe('unmanaged');
    expect(ipCalls(m)).toEqual(['nmcli device set eth0 managed no', 'ip addr add 192.168.0.66/24 brd + dev eth0']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'net-leases.json'), 'utf8'))).toMatchObject([{ interface: 'eth0', address: '192.168.0.66/24', added: true, unmanaged: true }]);
    expect(leases.at(-1)).toMatchObject({ state: 'active', added: true, unmanaged: true, via: 'root' });

    // the link flaps and something takes the address away meanwhile: it comes back with the carrier
    m.setCarrier('eth0', false);
    m.dropAddress('eth0', '192.168.0.66/24');
    await svc.pollOnce();
    await svc.pollOnce();
    m.setCarrier('eth0', true);
    await expect.poll(() => m.ifs.get('eth0')!.addresses.map((a) => a.cidr), { timeout: 2000 }).toContain('192.168.0.66/24');
    await expect.poll(() => leases.at(-1)?.readded).toBe(1);

    await lease.addStaticArp('192.168.0.1', '00:11:22:33:44:55');
    expect(m.neigh.get('192.168.0.1')).toEqual({ mac: '00:11:22:33:44:55', dev: 'eth0', permanent: true });

    await lease.release();
    await lease.release(); // idempotent
    expect(m.ifs.get('eth0')!.addresses.map((a) => a.cidr)).toEqual(['10.0.0.5/24']);
    expect(m.neigh.size).toBe(0);
    expect(m.ifs.get('eth0')!.nmState).toBe('connected');
    expect(m.calls.filter((c) => c.args.includes('-batch'))[0]!.input).toBe('neigh del 192.168.0.1 dev eth0\naddr del 192.168.0.66/24 dev eth0\n');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'net-leases.json'), 'utf8'))).toEqual([]);
    expect(leases.at(-1)).toMatchObject({ state: 'released' });
    expect(m.exitHooks.size).toBe(0);
    await svc.dispose();
  });

  it('not root: pkexec with absolute paths; cancelled prompt is a three-part fault and changes nothing', async () => {
    const m = mockNet([eth('eth0')], { pkexec: 'allow' });
    const { svc } = setup(m);
    const lease = await svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' });
    expect(m.calls.find((c) => c.cmd === 'pkexec')!.args).toEqual(['/usr/sbin/ip', 'addr', 'add', '192.168.1.2/24', 'brd', '+', 'dev', 'eth0']);
    expect(svc.leases()[0]!.via).toBe('pkexec');
    await lease.release();

    const c = mockNet([eth('eth0', { nmState: 'connected' })], { pkexec: 'cancel' });
    const s2 = setup(c);
    const err = await s2.svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NET_PERMISSION_CANCELLED', message: expect.any(String), meaning: expect.stringMatching(/Nothing was changed/), fix: expect.any(String) });
    expect(c.ifs.get('eth0')!.addresses).toEqual([]);
    // NetworkManager got the interface back
    expect(c.ifs.get('eth0')!.nmState).toBe('connected');
    expect(fs.readFileSync(path.join(s2.dir, 'net-leases.json'), 'utf8')).toBe('[]\n');
  });

  it('an address taken away that cannot be put back (the permission prompt dismissed): its own fault, said in German too', async () => {
    const m = mockNet([eth('eth0')], { pkexec: 'allow' });
    const { svc, leases } = setup(m);
    const lease = await svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' });
    m.opts.pkexec = 'cancel';
    m.dropAddress('eth0', '192.168.1.2/24');
    await svc.pollOnce();
    await expect.poll(() => leases.at(-1)?.state).toBe('lost');
    const e = svc.leases()[0]!.error!;
    expect(e).toMatchObject({
      code: 'NET_ADDRESS_LOST',
      message: 'This computer lost the address 192.168.1.2 on eth0 and it could not be put back.',
      meaning: 'The router cannot reach this computer until the address is back.',
      fix: 'Set the address again (your computer asks for permission).',
      values: { address: '192.168.1.2', iface: 'eth0', asked: 'cancelled' },
    });
    expect(e.details).toMatch(/^NET_PERMISSION_CANCELLED\n/);
    const de = translator('de', await loadCatalog('de'));
    expect(localizeError(e, de)).toMatchObject({ message: 'Dieser Computer hat die Adresse 192.168.1.2 auf eth0 verloren, und sie ließ sich nicht wieder setzen.', fix: 'Setzen Sie die Adresse erneut (Ihr Computer fragt nach der Erlaubnis).' });
    m.opts.pkexec = 'allow';
    await lease.release();
  });

  it('pkexec without an agent falls back to sudo -n; neither available: the fault says how to do it by hand', async () => {
    const m = mockNet([eth('eth0')], { pkexec: 'no-agent', sudo: 'allow' });
    const { svc } = setup(m);
    await svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' });
    expect(svc.leases()[0]!.via).toBe('sudo');
    expect(m.calls.find((c) => c.cmd === 'sudo')!.args).toEqual(['-n', '--', '/usr/sbin/ip', 'addr', 'add', '192.168.1.2/24', 'brd', '+', 'dev', 'eth0']);
    await svc.dispose();
    expect(m.ifs.get('eth0')!.addresses).toEqual([]);

    const n = mockNet([eth('eth0')], { pkexec: 'no-agent', sudo: 'password' });
    const err = await setup(n).svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NET_PERMISSION_UNAVAILABLE', fix: expect.stringContaining('sudo ip addr add 192.168.1.2/24 brd + dev eth0') });
  });

  it('an address already present is not ours: kept by release(); never removed by removeAddress()', async () => {
    const m = mockNet([eth('eth0', { addresses: [{ cidr: '192.168.0.66/24' }] })], { root: true });
    const { svc } = setup(m);
    const lease = await svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'r' });
    expect(svc.leases()[0]).toMatchObject({ added: false });
    await lease.release();
    expect(m.ifs.get('eth0')!.addresses.map((a) => a.cidr)).toEqual(['192.168.0.66/24']);
    expect(m.calls.some((c) => c.args[0] === 'addr' && c.args[1] === 'del')).toBe(false);
    await expect(svc.removeAddress('eth0', '192.168.0.66/24')).rejects.toMatchObject({ code: 'NET_NOT_OURS' });
    await expect(svc.removeAddress('eth0', '192.168.9.9/24')).rejects.toMatchObject({ code: 'NET_NOT_SET' });
  });

  it('a kept lease (CLI add) survives the service and is removed exactly by a later removeAddress()', async () => {
    const m = mockNet([eth('eth0', { up: false, carrier: false, nmState: 'disconnected' })], { root: true });
    const dir = dataDir();
    const first = setup(m, dir);
    await first.svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r', keep: true });
    await first.svc.dispose();
    expect(m.ifs.get('eth0')!.addresses.map((a) => a.cidr)).toEqual(['192.168.1.2/24']);
    expect(m.ifs.get('eth0')!.up).toBe(true);
    expect(m.exitHooks.size).toBe(0);
    // a second process: arp on the recorded lease, then remove
    const second = setup(m, dir);
    const l = await second.svc.leaseFor('eth0', '192.168.1.2/24');
    await l.addStaticArp('192.168.1.1', '02:00:00:00:00:01');
    const third = setup(m, dir);
    const info = await third.svc.removeAddress('eth0', '192.168.1.2/24');
    expect(info).toMatchObject({ state: 'released', added: true, unmanaged: true });
    expect(m.ifs.get('eth0')).toMatchObject({ addresses: [], up: false, nmState: 'connected' });
    expect(m.neigh.size).toBe(0);
    await expect(third.svc.removeAddress('eth0', '192.168.1.2/24')).rejects.toMatchObject({ code: 'NET_NOT_SET' });
  });

  it('refuses bad names and addresses before running anything, and the address on another interface', async () => {
    const m = mockNet([eth('eth0'), eth('eth1', { addresses: [{ cidr: '192.168.0.66/24' }] })], { root: true });
    const { svc } = setup(m);
    await expect(svc.prepare({ interface: 'eth0 ; reboot', address: '192.168.0.66/24', reason: 'r' })).rejects.toMatchObject({ code: 'NET_BAD_INTERFACE_NAME' });
    await expect(svc.prepare({ interface: 'eth0', address: '192.168.0.666/24', reason: 'r' })).rejects.toMatchObject({ code: 'NET_BAD_ADDRESS' });
    await expect(svc.prepare({ interface: 'eth7', address: '192.168.0.66/24', reason: 'r' })).rejects.toMatchObject({ code: 'NET_NO_SUCH_INTERFACE' });
    await expect(svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'r' })).rejects.toMatchObject({ code: 'NET_ADDRESS_ELSEWHERE' });
    expect(m.calls.filter((c) => c.args[0] !== '-j')).toEqual([]);
  });

  it('two holders of the same address: it stays until the last one releases', async () => {
    const m = mockNet([eth('eth0')], { root: true });
    const { svc } = setup(m);
    const a = await svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'playbook' });
    const b = await svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'view' });
    expect(m.calls.filter((c) => c.args[0] === 'addr' && c.args[1] === 'add')).toHaveLength(1);
    await a.release();
    await a.release();
    expect(m.ifs.get('eth0')!.addresses.map((x) => x.cidr)).toEqual(['192.168.0.66/24']);
    await b.release();
    expect(m.ifs.get('eth0')!.addresses).toEqual([]);
    // a new prepare after the last release adds it again
    const c = await svc.prepare({ interface: 'eth0', address: '192.168.0.66/24', reason: 'again' });
    expect(m.ifs.get('eth0')!.addresses.map((x) => x.cidr)).toEqual(['192.168.0.66/24']);
    await c.release();
  });

  it('process exit: the exit hook removes the address synchronously', async () => {
    const m = mockNet([eth('eth0')], { root: true });
    const { svc } = setup(m);
    await svc.prepare({ interface: 'eth0', address: '192.168.1.2/24', reason: 'r' });
    expect(m.exitHooks.size).toBe(1);
    for (const h of m.exitHooks) void h(true);
    expect(m.ifs.get('eth0')!.addresses).toEqual([]);
    expect(svc.leases()).toEqual([]);
  });
});

describe('NetService link watching', () => {
  it('whichCable names the interface whose carrier appears; waitForCarrier resolves on it; both time out in three parts', async () => {
    const m = mockNet([LO, eth('eth0', { carrier: false }), eth('eth1', { carrier: true }), eth('wlan0', { wireless: true, carrier: false })]);
    const { svc, links } = setup(m);
    const which = svc.whichCable({ timeoutMs: 3000 });
    const wait = svc.waitForCarrier('eth0', { timeoutMs: 3000 });
    await new Promise((r) => setTimeout(r, 40));
    m.setCarrier('wlan0', true); // not a cable
    await new Promise((r) => setTimeout(r, 40));
    m.setCarrier('eth0', true);
    expect(await which).toBe('eth0');
    await wait;
    expect(links.map((l) => `${l.interface}:${l.carrier}`)).toEqual(['wlan0:true', 'eth0:true']);
    await expect(svc.whichCable({ timeoutMs: 60 })).rejects.toMatchObject({ code: 'NET_NO_CABLE_SEEN', meaning: expect.any(String), fix: expect.any(String) });
    await expect(svc.waitForCarrier('wlan0', { timeoutMs: 60 })).resolves.toBeUndefined();
    m.setCarrier('eth1', false);
    await expect(svc.waitForCarrier('eth1', { timeoutMs: 60 })).rejects.toMatchObject({ code: 'NET_NO_CARRIER' });
    const ac = new AbortController();
    const p = svc.whichCable({ timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'NET_CANCELLED' });
    await svc.dispose();
  });
});
