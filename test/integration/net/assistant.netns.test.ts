/**
 * The network assistant with real tools on a virtual rescue LAN: a veth pair between a "router" namespace
 * (192.168.0.1/24, like a TP-Link or D-Link recovery) and a "station" namespace where our code runs — the CLI
 * (`net check`, `net address add|remove`) and, for what needs a live service (carrier watching, flaps, exit),
 * test-support/net-driver.ts. Real iproute2, iputils ping, busybox httpd and udhcpd. Namespaces are deleted
 * afterwards (NETWORK SAFETY RULE: 192.168.x only inside them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { parseCliOutput, resultOf } from '../../../test-support/cli-lines';
import type { NetCheck, NetInterface, NetLeaseInfo, NetLinkEvent } from '../../../src-shared/capabilities/net';
import { stageCliForOtherUser } from '../../../test-support/other-user';

const support = netnsSupport();
if (!support.ok) reportSkip('network assistant (network namespaces)', support.reason);
const havePing = spawnSync('ping', ['-V'], { stdio: 'ignore' }).status === 0;
if (support.ok && !havePing) reportSkip('network assistant: ping checks', 'the system ping (iputils-ping) is not installed; .ci/run installs it');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-net-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse())
    try {
      c();
    } catch {
      /* best effort */
    }
});

function lan(): RescueLan {
  // The station starts without an address in the router's network (a fresh laptop on the cable).
  const l = createRescueLan('net', { routerCidr: '192.168.0.1/24', stationCidr: '10.99.0.2/24' });
  cleanups.push(() => l.destroy());
  return l;
}

function addrs(l: RescueLan): string[] {
  const j = JSON.parse(l.station.exec('ip', ['-j', '-4', 'addr', 'show', 'dev', l.stationIf]).toString()) as { addr_info: { local: string; prefixlen: number }[] }[];
  return j[0]!.addr_info.map((a) => `${a.local}/${a.prefixlen}`);
}

function cli(l: RescueLan, dataDir: string, args: string[]): { code: number | null; lines: ReturnType<typeof parseCliOutput>; stderr: string } {
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', [...args, '--json']);
  const r = spawnSync('ip', ['netns', 'exec', l.station.name, cmd, ...a], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, lines: parseCliOutput(r.stdout), stderr: r.stderr };
}

function routerDaemon(l: RescueLan, cmd: string, args: string[]): ChildProcess {
  const p = l.router.spawn(cmd, args, { stdio: 'ignore' });
  cleanups.push(() => p.kill('SIGKILL'));
  return p;
}

function udhcpd(l: RescueLan): ChildProcess {
  const conf = path.join(tmp, `udhcpd-${l.routerIf}.conf`);
  fs.writeFileSync(conf, [`start 192.168.0.100`, `end 192.168.0.150`, `interface ${l.routerIf}`, `lease_file ${path.join(tmp, `leases-${l.routerIf}`)}`, 'option subnet 255.255.255.0', 'option router 192.168.0.1', ''].join('\n'));
  return routerDaemon(l, 'busybox', ['udhcpd', '-f', conf]);
}

/** The service in a child process inside the station namespace. */
class Driver {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  readonly links: NetLinkEvent[] = [];
  readonly leases: NetLeaseInfo[] = [];
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  constructor(l: RescueLan, dataDir: string) {
    const [cmd, a] = nodeTsArgs('test-support/net-driver.ts', [dataDir]);
    this.child = l.station.spawn(cmd, a, { stdio: ['pipe', 'pipe', 'inherit'] });
    cleanups.push(() => this.child.kill('SIGKILL'));
    let ready!: () => void;
    this.ready = new Promise((r) => (ready = r));
    readline.createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const m = JSON.parse(line) as { id?: number; ok?: boolean; value?: unknown; error?: unknown; event?: string; payload?: unknown };
      if (m.event === 'ready') ready();
      else if (m.event === 'link') this.links.push(m.payload as NetLinkEvent);
      else if (m.event === 'lease') this.leases.push(m.payload as NetLeaseInfo);
      else if (m.id !== undefined) {
        const w = this.waiting.get(m.id)!;
        this.waiting.delete(m.id);
        if (m.ok) w.resolve(m.value);
        else w.reject(Object.assign(new Error((m.error as { message: string }).message), m.error));
      }
    });
  }
  call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    this.child.stdin!.write(JSON.stringify({ id, op, args }) + '\n');
    return new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }
  exited(): Promise<number | null> {
    return new Promise((r) => (this.child.exitCode !== null ? r(this.child.exitCode) : this.child.once('exit', (c) => r(c))));
  }
}

describe.skipIf(!support.ok)('network assistant on a virtual rescue LAN', () => {
  it('net list/check, net address add/remove through the real ip; ARP + ping + TCP at the router; DHCP absent, then present', async () => {
    const l = lan();
    const data = fs.mkdtempSync(path.join(tmp, 'data-'));
    // Before: the station is not in 192.168.0.0/24; the check says so and does not probe.
    const before = cli(l, data, ['net', 'check', '--target', '192.168.0.1', '--need', '192.168.0.66/24']);
    expect(before.code).toBe(0);
    const c0 = resultOf<'net check'>(before.lines);
    const listed = resultOf<'net list'>(cli(l, data, ['net', 'list']).lines);
    expect(listed.ok && listed.value).toMatchObject({ networkManager: 'absent', interfaces: expect.arrayContaining([expect.objectContaining({ name: l.stationIf, wired: true, carrier: true, addresses: ['10.99.0.2/24'] })]) });
    expect(c0.ok && c0.value).toMatchObject({ interface: l.stationIf, inSubnet: false, hasNeed: false, carrier: true, ready: false });
    expect(c0.ok && c0.value.probe).toBeUndefined();

    const add = cli(l, data, ['net', 'address', 'add', '--interface', l.stationIf, '--address', '192.168.0.66/24']);
    expect(add.code, add.stderr).toBe(0);
    const added = resultOf<'net address add'>(add.lines);
    expect(added.ok && added.value).toMatchObject({ interface: l.stationIf, address: '192.168.0.66/24', added: true, via: 'root', keep: true, state: 'active' });
    // the lease outlives the command, recorded for `remove`
    expect(addrs(l)).toEqual(['10.99.0.2/24', '192.168.0.66/24']);
    expect(JSON.parse(fs.readFileSync(path.join(data, 'net-leases.json'), 'utf8'))).toMatchObject([{ interface: l.stationIf, address: '192.168.0.66/24', added: true }]);

    // Something already at the router's address: it answers ARP and ping, httpd on 80, the rest refused.
    routerDaemon(l, 'busybox', ['httpd', '-f', '-p', '80', '-h', tmp]);
    await new Promise((r) => setTimeout(r, 300));
    const routerMac = (JSON.parse(l.router.exec('ip', ['-j', 'link', 'show', 'dev', l.routerIf]).toString()) as { address: string }[])[0]!.address;
    // (the rest of the checks through one live service in the namespace: each CLI start costs seconds)
    const d = new Driver(l, data);
    await d.ready;
    const v = await d.call<NetCheck>('check', { target: '192.168.0.1', need: '192.168.0.66/24' });
    expect(v).toMatchObject({ inSubnet: true, onInterface: l.stationIf, hasNeed: true, needOn: l.stationIf });
    expect(v.probe).toMatchObject({ arpMac: routerMac, answered: true, tcp: { '80': true, '443': false, '22': false, '23': false }, tcpRefused: [443, 22, 23] });
    if (havePing) expect(v.probe!.icmp).toBe(true);
    expect(v.findings.find((f) => f.id === 'target')!.title).toMatch(new RegExp(`^Something answers at 192\\.168\\.0\\.1 \\(its hardware address is ${routerMac}`));
    // We are root here, so the DHCP question is asked (bound to the interface's address; no default route in the namespace).
    expect(v.dhcp).toEqual({ state: 'absent', how: 'probe' });

    udhcpd(l);
    await new Promise((r) => setTimeout(r, 500));
    const withDhcp = await d.call<NetCheck>('check', { target: '192.168.0.1', interface: l.stationIf });
    expect(withDhcp.dhcp).toMatchObject({ state: 'present', how: 'probe', server: '192.168.0.1', offered: expect.stringMatching(/^192\.168\.0\.1[0-5]\d$/) });

    // remove undoes exactly what add did (a second remove has nothing to do: test/main/capabilities/net/)
    const rm = cli(l, data, ['net', 'address', 'remove', '--interface', l.stationIf, '--address', '192.168.0.66/24']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(resultOf<'net address remove'>(rm.lines)).toMatchObject({ ok: true, value: { state: 'released', added: true } });
    expect(addrs(l)).toEqual(['10.99.0.2/24']);
    // an address this computer had before is never removed
    const notOurs = cli(l, data, ['net', 'address', 'remove', '--interface', l.stationIf, '--address', '10.99.0.2/24']);
    expect(resultOf(notOurs.lines)).toMatchObject({ ok: false, error: { code: 'NET_NOT_OURS', message: expect.stringMatching(/was not set by Rescue Bench, so it stays/) } });
    expect(addrs(l)).toEqual(['10.99.0.2/24']);
    // (a name outside the allow-list is refused before any command: test/main/platform/net-commands.test.ts)
  }, 120_000);

  it('which cable, carrier changes, a flap that takes the address away, static ARP, release; Ctrl-C cleans up', async () => {
    const l = lan();
    const data = fs.mkdtempSync(path.join(tmp, 'data-'));
    const d = new Driver(l, data);
    await d.ready;
    const list = await d.call<NetInterface[]>('interfaces');
    expect(list.find((i) => i.name === l.stationIf)).toMatchObject({ wired: true, virtual: true, up: true, carrier: true, speedMbps: 10000, addresses: ['10.99.0.2/24'] });
    expect(list.find((i) => i.name === 'lo')).toMatchObject({ loopback: true, wired: false });

    // the "router" is switched off: no carrier; then on while we watch
    l.router.exec('ip', ['link', 'set', l.routerIf, 'down']);
    await expect.poll(async () => (await d.call<NetInterface[]>('interfaces')).find((i) => i.name === l.stationIf)!.carrier).toBe(false);
    const which = d.call<string>('whichCable', { timeoutMs: 10_000 });
    const wait = d.call('waitForCarrier', { interface: l.stationIf, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    l.router.exec('ip', ['link', 'set', l.routerIf, 'up']);
    expect(await which).toBe(l.stationIf);
    await wait;
    expect(d.links.some((e) => e.interface === l.stationIf && e.carrier === true)).toBe(true);
    await expect(d.call('waitForCarrier', { interface: 'nosuch0', timeoutMs: 300 })).rejects.toMatchObject({ code: 'NET_NO_CARRIER' });

    const key = await d.call<string>('prepare', { interface: l.stationIf, address: '192.168.0.66/24', reason: 'test' });
    expect(addrs(l)).toContain('192.168.0.66/24');
    // a flap during which something (a network manager) takes the address: it is put back on carrier return
    l.router.exec('ip', ['link', 'set', l.routerIf, 'down']);
    l.station.exec('ip', ['addr', 'del', '192.168.0.66/24', 'dev', l.stationIf]);
    await new Promise((r) => setTimeout(r, 300));
    l.router.exec('ip', ['link', 'set', l.routerIf, 'up']);
    await expect.poll(() => addrs(l), { timeout: 5000 }).toContain('192.168.0.66/24');
    await expect.poll(() => d.leases.at(-1)?.readded, { timeout: 5000 }).toBe(1);
    // after the flap the router is reachable again
    const p = await d.call<{ answered: boolean; arpMac?: string }>('probe', { ip: '192.168.0.1', interface: l.stationIf, tcpPorts: [80] });
    expect(p.answered).toBe(true);

    await d.call('arp', { key, ip: '192.168.0.86', mac: '00:11:22:33:44:55' });
    const neigh = JSON.parse(l.station.exec('ip', ['-j', 'neigh', 'show', 'to', '192.168.0.86', 'dev', l.stationIf]).toString()) as { lladdr: string; state: string[] }[];
    expect(neigh).toEqual([expect.objectContaining({ lladdr: '00:11:22:33:44:55', state: ['PERMANENT'] })]);

    await d.call('release', { key });
    expect(addrs(l)).toEqual(['10.99.0.2/24']);
    expect(l.station.exec('ip', ['-j', 'neigh', 'show', 'to', '192.168.0.86', 'dev', l.stationIf]).toString().trim()).toBe('[]');

    // Ctrl-C while two leases are active: the exit hook removes what each added
    await d.call('prepare', { interface: l.stationIf, address: '192.168.0.66/24', reason: 'test' });
    await d.call('prepare', { interface: l.stationIf, address: '192.168.0.67/24', reason: 'test' });
    expect(addrs(l)).toEqual(['10.99.0.2/24', '192.168.0.66/24', '192.168.0.67/24']);
    d.child.kill('SIGINT');
    expect(await d.exited()).toBe(130);
    expect(addrs(l)).toEqual(['10.99.0.2/24']);
    expect(JSON.parse(fs.readFileSync(path.join(data, 'net-leases.json'), 'utf8'))).toEqual([]);
  }, 120_000);

  it('as an ordinary user (nobody) with no pkexec or sudo: no silent root requirement, a fault that says how; the check still works', async () => {
    const staged = stageCliForOtherUser();
    if (!staged.ok) return reportSkip('network assistant as another user', staged.reason);
    cleanups.push(() => staged.cleanup());
    const l = lan();
    const data = fs.mkdtempSync(path.join(tmp, 'data-nobody-'));
    fs.chmodSync(data, 0o777);
    l.station.exec('ip', ['addr', 'add', '192.168.0.66/24', 'dev', l.stationIf]);
    const asNobody = (args: string[]) => {
      const r = spawnSync('ip', ['netns', 'exec', l.station.name, 'setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', 'HOME=/tmp', `RESCUE_BENCH_DATA_DIR=${data}`, 'PATH=/usr/bin:/bin', process.execPath, staged.cli, ...args, '--json'], { cwd: staged.dir, encoding: 'utf8', timeout: 60_000 });
      return { code: r.status, lines: parseCliOutput(r.stdout), stderr: r.stderr };
    };
    const add = asNobody(['net', 'address', 'add', '--interface', l.stationIf, '--address', '192.168.0.77/24']);
    expect(add.code, add.stderr).toBe(1);
    const hasPkexec = spawnSync('sh', ['-c', 'command -v pkexec || command -v sudo'], { encoding: 'utf8' }).stdout.trim() !== '';
    if (!hasPkexec)
      expect(resultOf(add.lines)).toMatchObject({ ok: false, error: { code: 'NET_PERMISSION_UNAVAILABLE', fix: expect.stringContaining(`sudo ip addr add 192.168.0.77/24 brd + dev ${l.stationIf}`) } });
    expect(addrs(l)).toEqual(['10.99.0.2/24', '192.168.0.66/24']);
    // the check needs no privilege: ARP, ping (iputils' own capability) and TCP; DHCP is "could not be checked"
    const check = resultOf<'net check'>(asNobody(['net', 'check', '--target', '192.168.0.1', '--need', '192.168.0.66/24']).lines);
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.value.probe).toMatchObject({ answered: true, arpMac: expect.stringMatching(/^[0-9a-f:]{17}$/) });
    if (havePing) expect(check.value.probe!.icmp).toBe(true);
    expect(check.value.dhcp).toMatchObject({ state: 'unknown', note: expect.stringMatching(/permission to use the DHCP port \(68\)/) });
  }, 120_000);
});
