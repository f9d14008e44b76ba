/**
 * A scripted computer implementing the NetBinding of src-main/platform/bindings/net.ts, for the network
 * assistant's service tests without root or namespaces (like udp-mock.ts for UDP). It plays iproute2's JSON
 * output, /sys/class/net, nmcli, ping, pkexec and sudo from a small model of interfaces; every command run is
 * recorded so tests can check the exact argv. The real tools are exercised in test/integration/net/.
 *
 * Modelled: `ip -j addr show`, `ip addr add|del`, `ip link set dev X up|down`, `ip neigh replace|del`,
 * `ip [-s] -j neigh show to IP [dev X]` (-s: `confirmed` seconds ago from hosts[ip].confirmedAgoS, default 0), `ip [-force] -batch -` (stdin), `nmcli -t -f DEVICE,STATE device`,
 * `nmcli device set X managed yes|no`, `ping ... IP`, `ip route replace|flush … table T`, `ip rule add|del from SRC lookup T pref P`,
 * `sysctl -n KEY…` / `sysctl -q -w KEY=VALUE…` (station slots; per-card keys default 0), `sh -c IP_THEN[_KEEP_GOING] sh IP PROG ARGS…` (the two fixed scripts of net-commands.ts), `pkexec PATH ARGS` (126 cancelled / 127 no agent),
 * `sudo -n -- PATH ARGS` (1 "a password is required"). Adding an address that exists fails like ip ("File exists").
 */
import type { DhcpProbeOutcome, ExecResult, NetBinding, OsInterface, TcpOutcome } from '../../src-main/platform/bindings/net';
import type { PlatformName } from '../../src-main/platform/host';
import { IP_THEN, IP_THEN_KEEP_GOING } from '../../src-main/platform/net-commands';

export interface MockIf {
  name: string;
  mac: string;
  /** 1 Ethernet, 772 loopback. */
  type?: number;
  wireless?: boolean;
  /** Has hardware behind it (/sys/class/net/X/device). */
  device?: boolean;
  up: boolean;
  carrier: boolean;
  speed?: number;
  addresses: { cidr: string; dynamic?: boolean }[];
  nmState?: string;
}

export interface MockNetOptions {
  platform?: PlatformName;
  root?: boolean;
  /** Programs on PATH (default: ip, ping, nmcli when any interface has nmState, pkexec, sudo). */
  programs?: string[];
  /** What pkexec does: run the command, the user cancels (126), or no authentication agent (127). */
  pkexec?: 'allow' | 'cancel' | 'no-agent';
  /** What sudo -n does: run, or "a password is required". */
  sudo?: 'allow' | 'password';
  /** Addresses that answer ping / ARP, with their MAC. */
  hosts?: Record<string, { mac: string; ping?: boolean; tcp?: Record<number, TcpOutcome>; state?: string; confirmedAgoS?: number }>;
  /** May bind UDP port 68. */
  port68?: boolean;
  dhcp?: DhcpProbeOutcome;
  /** Fixed output of other programs by name (macOS ifconfig/networksetup, Windows powershell). */
  outputs?: Record<string, string>;
}

export interface MockNet extends NetBinding {
  ifs: Map<string, MockIf>;
  neigh: Map<string, { mac: string; dev: string; permanent: boolean }>;
  /** Policy rules as "from SRC lookup T pref P", and routes per table, and sysctls by slash key (station slots). */
  rules: Set<string>;
  tables: Map<string, string[]>;
  sysctls: Map<string, string>;
  calls: { cmd: string; args: string[]; input?: string }[];
  /** Every TCP look, with the address it was sent from (a bench slot's own address, or none). */
  tcpCalls: { ip: string; port: number; localAddress?: string }[];
  opts: MockNetOptions;
  exitHooks: Set<(sync: boolean) => void | Promise<void>>;
  /** Something else (a network manager) takes an address away. */
  dropAddress(name: string, cidr: string): void;
  setCarrier(name: string, carrier: boolean): void;
  addIf(i: MockIf): void;
}

function res(code: number, stdout = '', stderr = ''): ExecResult {
  return { code, stdout, stderr, missing: false };
}

export function mockNet(ifs: MockIf[], opts: MockNetOptions = {}): MockNet {
  const map = new Map(ifs.map((i) => [i.name, structuredClone(i)]));
  const neigh = new Map<string, { mac: string; dev: string; permanent: boolean }>();
  const calls: MockNet['calls'] = [];
  const tcpCalls: MockNet['tcpCalls'] = [];
  const rules = new Set<string>();
  const tables = new Map<string, string[]>();
  const sysctls = new Map<string, string>();
  const exitHooks = new Set<(sync: boolean) => void | Promise<void>>();
  const platform = opts.platform ?? 'linux';
  const programs = new Set(opts.programs ?? ['ip', 'ping', 'pkexec', 'sudo', 'sysctl', 'sh', ...(ifs.some((i) => i.nmState) ? ['nmcli'] : [])]);

  function ipCmd(args: string[]): ExecResult {
    const a = [...args];
    if (a[0] === '-j' && a[1] === 'addr' && a[2] === 'show') {
      const out = [...map.values()].map((i, idx) => ({
        ifindex: idx + 1,
        ifname: i.name,
        flags: [...(i.type === 772 ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST']), ...(i.up ? ['UP'] : []), ...(i.up && i.carrier ? ['LOWER_UP'] : [])],
        operstate: i.up ? (i.carrier ? 'UP' : 'DOWN') : 'DOWN',
        link_type: i.type === 772 ? 'loopback' : 'ether',
        address: i.mac,
        addr_info: i.addresses.map((x) => ({ family: 'inet', local: x.cidr.split('/')[0], prefixlen: Number(x.cidr.split('/')[1]), ...(x.dynamic ? { dynamic: true } : {}) })),
      }));
      return res(0, JSON.stringify(out));
    }
    const stats = a[0] === '-s';
    if (stats) a.shift();
    if (a[0] === '-j' && a[1] === 'neigh' && a[2] === 'show' && a[3] === 'to') {
      const ip = a[4]!;
      const dev = a[5] === 'dev' ? a[6] : undefined;
      const n = neigh.get(ip);
      const h = opts.hosts?.[ip];
      const ages = (ago: number) => (stats ? { used: ago, confirmed: ago, updated: ago } : {});
      const list =
        n && (!dev || n.dev === dev)
          ? [{ dst: ip, dev: n.dev, lladdr: n.mac, ...ages(0), state: [n.permanent ? 'PERMANENT' : 'REACHABLE'] }]
          : h
            ? [{ dst: ip, dev: dev ?? 'eth0', lladdr: h.mac, ...ages(h.confirmedAgoS ?? 0), state: [h.state ?? 'REACHABLE'] }]
            : [];
      return res(0, JSON.stringify(list));
    }
    if (a[0] === 'addr' && (a[1] === 'add' || a[1] === 'del')) {
      const cidr = a[2]!;
      const dev = a[a.indexOf('dev') + 1]!;
      const i = map.get(dev);
      if (!i) return res(1, '', `Cannot find device "${dev}"\n`);
      const has = i.addresses.some((x) => x.cidr === cidr);
      if (a[1] === 'add') {
        if (has) return res(2, '', 'RTNETLINK answers: File exists\n');
        i.addresses.push({ cidr });
      } else {
        if (!has) return res(2, '', 'RTNETLINK answers: Cannot assign requested address\n');
        i.addresses = i.addresses.filter((x) => x.cidr !== cidr);
      }
      return res(0);
    }
    if (a[0] === 'link' && a[1] === 'set' && a[2] === 'dev') {
      const i = map.get(a[3]!);
      if (!i) return res(1, '', `Cannot find device "${a[3]}"\n`);
      i.up = a[4] === 'up';
      return res(0);
    }
    if (a[0] === 'neigh' && a[1] === 'replace') {
      neigh.set(a[2]!, { mac: a[4]!, dev: a[6]!, permanent: a[8] === 'permanent' });
      return res(0);
    }
    if (a[0] === 'neigh' && a[1] === 'del') {
      if (!neigh.delete(a[2]!)) return res(2, '', 'RTNETLINK answers: No such file or directory\n');
      return res(0);
    }
    if (a[0] === 'route' && a[1] === 'replace') {
      const t = a[a.indexOf('table') + 1]!;
      const dev = a[a.indexOf('dev') + 1]!;
      if (!map.has(dev)) return res(1, '', `Cannot find device "${dev}"\n`);
      tables.set(t, [...(tables.get(t) ?? []).filter((r) => !r.startsWith(`${a[2]} `)), a.slice(2).join(' ')]);
      return res(0);
    }
    if (a[0] === 'route' && a[1] === 'flush' && a[2] === 'table') {
      if (!tables.delete(a[3]!)) return res(2, '', 'Error: FIB table does not exist.\nFlush terminated\n');
      return res(0);
    }
    if (a[0] === 'rule' && (a[1] === 'add' || a[1] === 'del')) {
      const key = a.slice(2).join(' ');
      if (a[1] === 'add') {
        if (rules.has(key)) return res(2, '', 'RTNETLINK answers: File exists\n');
        rules.add(key);
      } else if (!rules.delete(key)) return res(2, '', 'RTNETLINK answers: No such file or directory\n');
      return res(0);
    }
    if (a.includes('-batch')) return res(2, '', 'batch needs input');
    return res(1, '', `mock ip: unknown ${args.join(' ')}`);
  }

  function run(cmd: string, args: string[], input?: string): ExecResult {
    const base = cmd.split('/').pop()!;
    if (opts.outputs?.[base] !== undefined) return res(0, opts.outputs[base]);
    if (!programs.has(base)) return { code: 127, stdout: '', stderr: '', missing: true };
    if (base === 'pkexec') {
      if (opts.pkexec === 'cancel') return res(126, '', 'Error executing command as another user: Request dismissed\n');
      if (opts.pkexec === 'no-agent') return res(127, '', 'Error executing command as another user: No authentication agent found.\n');
      return run(args[0]!, args.slice(1), input);
    }
    if (base === 'sudo') {
      if (opts.sudo === 'password') return res(1, '', 'sudo: a password is required\n');
      return run(args[2]!, args.slice(3), input);
    }
    if (base === 'sh') {
      // Only the two fixed scripts elevate() builds for "ip batch, then one program" (IP_THEN, IP_THEN_KEEP_GOING).
      if (args[0] !== '-c' || (args[1] !== IP_THEN && args[1] !== IP_THEN_KEEP_GOING)) return res(2, '', `mock sh: unknown script ${args[1]}`);
      const keepGoing = args[1] === IP_THEN_KEEP_GOING;
      const [ip, prog, ...rest] = args.slice(3) as [string, string, ...string[]];
      const first = run(ip, keepGoing ? ['-force', '-batch', '-'] : ['-batch', '-'], input);
      if (first.code !== 0 && !keepGoing) return first;
      const second = run(prog, rest);
      return res(first.code !== 0 ? (first.code ?? 1) : (second.code ?? 1), first.stdout + second.stdout, first.stderr + second.stderr);
    }
    if (base === 'ip') {
      const bi = args.indexOf('-batch');
      if (bi >= 0) {
        const force = args.includes('-force');
        let last = res(0);
        for (const line of (input ?? '').split('\n').filter(Boolean)) {
          const r = ipCmd(line.split(' '));
          if (r.code !== 0) {
            last = res(r.code ?? 1, '', `${r.stderr}Command failed -:1\n`);
            if (!force) return last;
          }
        }
        return last;
      }
      return ipCmd(args);
    }
    if (base === 'nmcli') {
      if (args[0] === '-t') return res(0, [...map.values()].map((i) => `${i.name.replace(/:/g, '\\:')}:${i.nmState ?? 'unmanaged'}`).join('\n') + '\n');
      if (args[0] === 'device' && args[1] === 'set') {
        const i = map.get(args[2]!);
        if (!i) return res(10, '', `Error: Device '${args[2]}' not found.\n`);
        i.nmState = args[4] === 'no' ? 'unmanaged' : 'connected';
        return res(0);
      }
    }
    if (base === 'sysctl') {
      const exists = (k: string): boolean => map.has(k.split('/')[3] ?? '');
      if (args[0] === '-n') {
        const keys = args.slice(1);
        if (!keys.every(exists)) return res(255, '', `sysctl: cannot stat /proc/sys/${keys.find((k) => !exists(k))}: No such file or directory\n`);
        return res(0, keys.map((k) => sysctls.get(k) ?? '0').join('\n') + '\n');
      }
      const pairs = args.filter((x) => x.includes('='));
      for (const kv of pairs) {
        const [k, v] = kv.split('=') as [string, string];
        if (!exists(k)) return res(255, '', `sysctl: cannot stat /proc/sys/${k}: No such file or directory\n`);
        sysctls.set(k, v);
      }
      return res(0);
    }
    if (base === 'ping') {
      const ip = args.at(-1)!;
      return opts.hosts?.[ip]?.ping ? res(0, `64 bytes from ${ip}: icmp_seq=1 ttl=64 time=0.1 ms`) : res(1, '1 packets transmitted, 0 received');
    }
    return res(1, '', `mock: unknown program ${cmd}`);
  }

  const binding: MockNet = {
    platform,
    ifs: map,
    neigh,
    rules,
    tables,
    sysctls,
    calls,
    tcpCalls,
    opts,
    exitHooks,
    isRoot: () => opts.root === true,
    which: (p) => (programs.has(p.split('/').pop()!) ? (p.startsWith('/') ? p : `/usr/sbin/${p}`) : undefined),
    exec: async (cmd, args, o = {}) => {
      calls.push({ cmd, args, ...(o.input !== undefined ? { input: o.input } : {}) });
      await Promise.resolve();
      return run(cmd, args, o.input);
    },
    execSync: (cmd, args, o = {}) => {
      calls.push({ cmd, args, ...(o.input !== undefined ? { input: o.input } : {}) });
      return run(cmd, args, o.input);
    },
    readSys: async (rel) => {
      const [name, file] = rel.split('/');
      const i = map.get(name!);
      if (!i) return undefined;
      if (file === 'carrier') return i.up ? (i.carrier ? '1' : '0') : undefined;
      if (file === 'speed') return i.up && i.carrier ? String(i.speed ?? -1) : undefined;
      if (file === 'type') return String(i.type ?? 1);
      if (file === 'flags') return i.up ? '0x1003' : '0x1002';
      return undefined;
    },
    existsSys: async (rel) => {
      const [name, file] = rel.split('/');
      const i = map.get(name!);
      if (!i) return false;
      if (file === 'wireless' || file === 'phy80211') return i.wireless === true;
      if (file === 'device') return i.device === true;
      return true;
    },
    listSys: async () => [...map.keys()],
    osInterfaces: (): OsInterface[] => [...map.values()].map((i) => ({ name: i.name, mac: i.mac, internal: i.type === 772, cidrs: i.addresses.map((a) => a.cidr) })),
    tcp: async (ip, port, o) => {
      tcpCalls.push({ ip, port, ...(o?.localAddress ? { localAddress: o.localAddress } : {}) });
      return opts.hosts?.[ip]?.tcp?.[port] ?? (opts.hosts?.[ip] ? 'refused' : 'timeout');
    },
    mayBindDhcpClientPort: async () => opts.port68 ?? opts.root === true,
    dhcpProbe: async () => opts.dhcp ?? { ok: true, replies: [] },
    onExit: (fn) => {
      exitHooks.add(fn);
      return () => exitHooks.delete(fn);
    },
    dropAddress: (name, cidr) => {
      const i = map.get(name)!;
      i.addresses = i.addresses.filter((x) => x.cidr !== cidr);
    },
    setCarrier: (name, carrier) => {
      map.get(name)!.carrier = carrier;
    },
    addIf: (i) => map.set(i.name, structuredClone(i)),
  };
  return binding;
}

export const LO: MockIf = { name: 'lo', mac: '00:00:00:00:00:00', type: 772, up: true, carrier: true, addresses: [{ cidr: '127.0.0.1/8' }] };
export function eth(name: string, extra: Partial<MockIf> = {}): MockIf {
  return { name, mac: '52:54:00:12:34:56', type: 1, device: true, up: true, carrier: true, speed: 1000, addresses: [], ...extra };
}
