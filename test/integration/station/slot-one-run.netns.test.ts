/**
 * The one privileged run of a station slot (decision 0120) with the real programs: the invocation elevate() builds
 * for "ip batch, then sysctl" (the same `sh -c` that pkexec or sudo are put in front of for a user who is not root)
 * run inside a fresh namespace on a veth card: address, table, rule and the card's sysctls all set by that one
 * run, and all undone (sysctls back to what they were) by the one undo run. A failing line stops the set-up run.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetns, netnsSupport, reportSkip, type Netns } from '../../../test-support/netns';
import { elevate } from '../../../src-main/platform/net-commands';
import { slotRoutePlan, slotSysctlRestore } from '../../../src-main/platform/slot-routes';

const support = netnsSupport();
if (!support.ok) reportSkip('a slot in one privileged run (namespaces)', support.reason);

describe.skipIf(!support.ok)('a slot set up and undone in one run each, with the real ip, sysctl and sh', () => {
  let ns: Netns & { destroy(): void };
  const spec = { interface: 'rbslot0', sourceAddress: '192.168.1.60', routerIp: '192.168.1.1', prefix: 24, table: 7170 };
  const sysctls = (): string[] => ns.exec('sysctl', ['-n', 'net/ipv4/conf/rbslot0/arp_ignore', 'net/ipv4/conf/rbslot0/arp_filter', 'net/ipv4/conf/rbslot0/rp_filter']).toString().trim().split('\n');
  /** Run an invocation inside the namespace, as the net capability's exec would (stdin = its input). */
  const run = (inv: { cmd: string; args: string[]; input?: string }): { code: number; stderr: string } => {
    try {
      execFileSync('ip', ['netns', 'exec', ns.name, inv.cmd, ...inv.args], { input: inv.input ?? '', stdio: ['pipe', 'pipe', 'pipe'] });
      return { code: 0, stderr: '' };
    } catch (e) {
      const x = e as { status: number; stderr: Buffer };
      return { code: x.status, stderr: String(x.stderr) };
    }
  };
  beforeAll(() => {
    ns = createNetns('slot1');
    ns.exec('ip', ['link', 'add', 'rbslot0', 'type', 'veth', 'peer', 'name', 'rbslot0p']);
    ns.exec('ip', ['link', 'set', 'rbslot0p', 'up']);
    ns.exec('ip', ['link', 'set', 'rbslot0', 'up']);
  });
  afterAll(() => ns?.destroy());

  it('one run sets everything; one run undoes everything; the pkexec form is the same run behind pkexec', () => {
    const before = sysctls();
    const plan = slotRoutePlan('linux', spec);
    const setup = elevate('linux', 'root', [...plan.setup, plan.sysctl!], 'why');
    expect(setup.cmd).toBe('sh');
    const viaPkexec = elevate('linux', 'pkexec', [...plan.setup, plan.sysctl!], 'why', { resolve: (p) => `/usr/bin/${p}` });
    expect(viaPkexec.cmd).toBe('pkexec');
    expect(viaPkexec.args[0]).toBe('/usr/bin/sh');
    expect(viaPkexec.args.slice(1, 4)).toEqual(setup.args.slice(0, 3));
    expect(viaPkexec.input).toBe(setup.input);

    expect(run(setup)).toEqual({ code: 0, stderr: '' });
    expect(ns.exec('ip', ['-4', 'addr', 'show', 'dev', 'rbslot0']).toString()).toContain('192.168.1.60/24');
    expect(ns.exec('ip', ['rule', 'show']).toString()).toContain('from 192.168.1.60 lookup 7170');
    expect(ns.exec('ip', ['route', 'show', 'table', '7170']).toString()).toContain('192.168.1.0/24 dev rbslot0');
    expect(sysctls()).toEqual(['1', '1', '2']);

    const restore = slotSysctlRestore('rbslot0', { arp_ignore: before[0]!, arp_filter: before[1]!, rp_filter: before[2]! })!;
    const undo = elevate('linux', 'root', [...plan.undo, restore], 'why', { keepGoing: true });
    expect(run(undo)).toEqual({ code: 0, stderr: '' });
    expect(ns.exec('ip', ['rule', 'show']).toString()).not.toContain('7170');
    expect(ns.exec('ip', ['-4', 'addr', 'show', 'dev', 'rbslot0']).toString()).not.toContain('192.168.1.60');
    expect(sysctls()).toEqual(before);
    // undoing again: nothing left to undo, every line still tried, the failure reported (the caller forgives it)
    const again = run(undo);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/No such file or directory|Cannot assign requested address|FIB table does not exist/);
    expect(sysctls()).toEqual(before);
  });

  it('a failing set-up line stops the run before the sysctls are touched', () => {
    const before = sysctls();
    ns.exec('ip', ['rule', 'add', 'from', '192.168.1.60/32', 'lookup', '7170', 'pref', '7170']); // someone's rule in the way
    const plan = slotRoutePlan('linux', spec);
    const r = run(elevate('linux', 'root', [...plan.setup, plan.sysctl!], 'why'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/File exists/);
    expect(sysctls()).toEqual(before);
    run(elevate('linux', 'root', plan.undo, 'why', { keepGoing: true }));
  });
});
