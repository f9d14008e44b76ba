import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { elevate, IP_THEN, IP_THEN_KEEP_GOING } from '../../../src-main/platform/net-commands';
import { slotRoutePlan, slotSourceAddress, slotSysctlQuery, slotSysctlRestore } from '../../../src-main/platform/slot-routes';

const spec = { interface: 'enx1', sourceAddress: '192.168.1.60', routerIp: '192.168.1.1', prefix: 24, table: 7170 };

describe('slot source addresses', () => {
  it('are distinct per card, never the router, its network or broadcast address, outside the usual DHCP pools', () => {
    const a = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => slotSourceAddress('192.168.1.1', 24, i));
    expect(a).toEqual(['192.168.1.60', '192.168.1.61', '192.168.1.62', '192.168.1.63', '192.168.1.64', '192.168.1.65', '192.168.1.66', '192.168.1.67']);
    expect(new Set(a).size).toBe(8);
    expect(slotSourceAddress('192.168.1.60', 24, 0)).toBe('192.168.1.61'); // a router at .60: skipped
    expect(slotSourceAddress('192.168.1.1', 24, 0, new Set(['192.168.1.60', '192.168.1.61']))).toBe('192.168.1.62');
    expect(slotSourceAddress('10.0.5.1', 26, 0)).toBe('10.0.5.60');
    expect(slotSourceAddress('10.0.5.1', 26, 3)).toBe('10.0.5.30'); // /26: 60–62 only, then 30…
  });
  it('refuse a network size that cannot hold them, in three parts', () => {
    expect(() => slotSourceAddress('192.168.1.1', 30, 0)).toThrow(expect.objectContaining({ code: 'NET_SLOT_BAD_PREFIX', meaning: expect.stringMatching(/Nothing was changed/), fix: expect.any(String) }));
  });
});

describe('slot route plans', () => {
  it('Linux: address, table, rule, sysctls — and the exact undo', () => {
    const p = slotRoutePlan('linux', spec);
    expect(p.setup).toEqual([
      ['ip', 'addr', 'add', '192.168.1.60/24', 'brd', '+', 'dev', 'enx1'],
      ['ip', 'route', 'replace', '192.168.1.0/24', 'dev', 'enx1', 'src', '192.168.1.60', 'table', '7170'],
      ['ip', 'rule', 'add', 'from', '192.168.1.60/32', 'lookup', '7170', 'pref', '7170'],
    ]);
    expect(p.sysctl).toEqual(['sysctl', '-q', '-w', 'net/ipv4/conf/enx1/arp_ignore=1', 'net/ipv4/conf/enx1/arp_filter=1', 'net/ipv4/conf/enx1/rp_filter=2']);
    expect(p.undo).toEqual([
      ['ip', 'rule', 'del', 'from', '192.168.1.60/32', 'lookup', '7170', 'pref', '7170'],
      ['ip', 'route', 'flush', 'table', '7170'],
      ['ip', 'addr', 'del', '192.168.1.60/24', 'dev', 'enx1'],
    ]);
    // one permission prompt: an ip batch
    expect(elevate('linux', 'pkexec', p.setup, 'r', { resolve: (x) => `/usr/sbin/${x}` })).toEqual({
      cmd: 'pkexec',
      args: ['/usr/sbin/ip', '-batch', '-'],
      input: 'addr add 192.168.1.60/24 brd + dev enx1\nroute replace 192.168.1.0/24 dev enx1 src 192.168.1.60 table 7170\nrule add from 192.168.1.60/32 lookup 7170 pref 7170\n',
    });
    // an address that was there already is neither added nor removed
    const kept = slotRoutePlan('linux', { ...spec, addressPresent: true });
    expect(kept.setup.some((c) => c[1] === 'addr')).toBe(false);
    expect(kept.undo.some((c) => c[1] === 'addr')).toBe(false);
  });
  it('Linux: the whole set-up (ip batch and sysctls) is ONE privileged run, and so is the whole undo', () => {
    const p = slotRoutePlan('linux', spec);
    const resolve = (x: string) => (x === 'sh' ? '/bin/sh' : `/usr/sbin/${x}`);
    const open = elevate('linux', 'pkexec', [...p.setup, p.sysctl!], 'r', { resolve });
    expect(open).toEqual({
      cmd: 'pkexec',
      args: ['/bin/sh', '-c', IP_THEN, 'sh', '/usr/sbin/ip', '/usr/sbin/sysctl', '-q', '-w', 'net/ipv4/conf/enx1/arp_ignore=1', 'net/ipv4/conf/enx1/arp_filter=1', 'net/ipv4/conf/enx1/rp_filter=2'],
      input: 'addr add 192.168.1.60/24 brd + dev enx1\nroute replace 192.168.1.0/24 dev enx1 src 192.168.1.60 table 7170\nrule add from 192.168.1.60/32 lookup 7170 pref 7170\n',
    });
    // no value is ever part of the script text: it is the fixed IP_THEN, values are arguments
    expect(open.args[2]).not.toMatch(/192|enx1/);
    const undo = elevate('linux', 'sudo', [...p.undo, slotSysctlRestore('enx1', { arp_ignore: '0' })!], 'r', { keepGoing: true, resolve });
    expect(undo.cmd).toBe('sudo');
    expect(undo.args.slice(0, 5)).toEqual(['-n', '--', '/bin/sh', '-c', IP_THEN_KEEP_GOING]);
    // as root: the same shell, no prompt
    expect(elevate('linux', 'root', [...p.setup, p.sysctl!], 'r', { resolve }).cmd).toBe('sh');
    // anything else than "ip lines, then one program" is refused rather than guessed
    expect(() => elevate('linux', 'root', [p.sysctl!, ...p.setup], 'r')).toThrow(/ip commands/);
  });
  it('Linux: the two fixed scripts behave as promised in a real sh (stop at the first failure / go on and report it)', () => {
    // a stand-in for ip that checks its arguments, appends its batch (stdin) to a log and exits with $FAIL_IP
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-ipthen-'));
    const ip = path.join(dir, 'ip');
    const log = path.join(dir, 'log');
    fs.writeFileSync(ip, '#!/bin/sh\n[ "$1" = -force ] && shift\n[ "$1" = -batch ] || exit 9\ncat >> "$LOG"\nexit ${FAIL_IP:-0}\n', { mode: 0o755 });
    const go = (script: string, failIp: string, tail: string[]) => spawnSync('sh', ['-c', script, 'sh', ip, ...tail], { input: 'route replace x\n', env: { ...process.env, FAIL_IP: failIp, LOG: log }, encoding: 'utf8' });
    try {
      const ok = go(IP_THEN, '0', ['sh', '-c', 'echo tail-ran']);
      expect([ok.status, ok.stdout]).toEqual([0, 'tail-ran\n']);
      const stopped = go(IP_THEN, '2', ['sh', '-c', 'echo tail-ran']);
      expect([stopped.status, stopped.stdout]).toEqual([2, '']);
      const kept = go(IP_THEN_KEEP_GOING, '2', ['sh', '-c', 'echo tail-ran; exit 3']);
      expect([kept.status, kept.stdout]).toEqual([2, 'tail-ran\n']); // both ran; the first failure is the status
      expect(go(IP_THEN_KEEP_GOING, '0', ['sh', '-c', 'exit 3']).status).toBe(3);
      expect(fs.readFileSync(log, 'utf8')).toBe('route replace x\n'.repeat(4));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('Linux: sysctls read and put back per card (slash keys, so eth0.100 works)', () => {
    expect(slotSysctlQuery('eth0.100')).toEqual(['sysctl', '-n', 'net/ipv4/conf/eth0.100/arp_ignore', 'net/ipv4/conf/eth0.100/arp_filter', 'net/ipv4/conf/eth0.100/rp_filter']);
    expect(slotSysctlRestore('eth0.100', { arp_ignore: '0', rp_filter: '1' })).toEqual(['sysctl', '-q', '-w', 'net/ipv4/conf/eth0.100/arp_ignore=0', 'net/ipv4/conf/eth0.100/rp_filter=1']);
    expect(slotSysctlRestore('eth0', {})).toBeUndefined();
  });
  it('macOS: an alias and an interface-scoped route; one osascript prompt', () => {
    const p = slotRoutePlan('darwin', { ...spec, interface: 'en5' });
    expect(p.setup).toEqual([
      ['/sbin/ifconfig', 'en5', 'alias', '192.168.1.60', '255.255.255.0'],
      ['/sbin/route', '-n', 'add', '-net', '192.168.1.0/24', '-interface', 'en5', '-ifscope', 'en5'],
    ]);
    expect(p.undo).toEqual([
      ['/sbin/route', '-n', 'delete', '-net', '192.168.1.0/24', '-interface', 'en5', '-ifscope', 'en5'],
      ['/sbin/ifconfig', 'en5', '-alias', '192.168.1.60'],
    ]);
    expect(p.sysctl).toBeUndefined();
    const inv = elevate('darwin', 'osascript', p.setup, 'why');
    expect(inv.args[1]).toContain("'/sbin/ifconfig' 'en5' 'alias' '192.168.1.60' '255.255.255.0' && '/sbin/route'");
  });
  it('Windows: the address only (strong host model), for this session of Windows', () => {
    const p = slotRoutePlan('win32', { ...spec, interface: 'Ethernet 3' });
    expect(p.setup).toEqual([['netsh', 'interface', 'ipv4', 'add', 'address', 'Ethernet 3', '192.168.1.60', '255.255.255.0', 'store=active']]);
    expect(p.undo).toEqual([['netsh', 'interface', 'ipv4', 'delete', 'address', 'Ethernet 3', '192.168.1.60']]);
  });
  it('a card name outside the allow-list never reaches a command', () => {
    expect(() => slotRoutePlan('linux', { ...spec, interface: 'eth0; reboot' })).toThrow(expect.objectContaining({ code: 'NET_BAD_INTERFACE_NAME' }));
    expect(() => slotRoutePlan('win32', { ...spec, interface: 'a"b' })).toThrow(expect.objectContaining({ code: 'NET_BAD_INTERFACE_NAME' }));
  });
});
