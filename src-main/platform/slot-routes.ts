/**
 * Identical networks side by side (issue 17, decision 0110): several routers at 192.168.1.1, each on its own
 * network card. Each card (a "slot") gets its own source address on the router's subnet, and traffic sent FROM
 * that address leaves through that card only. Pure: this file builds the commands (argv arrays from values that
 * passed an allow-list); NetService.slotRoute runs them through the same privilege route as every other
 * network change (net-commands.ts `elevate`).
 *
 *   Linux (verified in the station namespaces of test/integration/station/): the address on the card, a routing
 *   table per slot holding only the router's subnet through that card, and `ip rule add from <src> lookup
 *   <table>`; per-card sysctls: arp_ignore=1 (answer ARP only for the card's own addresses), arp_filter=1
 *   (answer only where the route back leaves through this card — which the rule makes true), rp_filter=2
 *   (loose: a router's broadcast from 192.168.1.1 passes on every card; the effective value is the larger of
 *   `all` and the card's, so 2 never makes a strict system stricter).
 *   macOS (written from route(8)/ifconfig(8), UNVERIFIED): the address as an alias, and an interface-scoped
 *   route (`route add -net … -interface IF -ifscope IF`); with scoped routing (on by default since 10.6) a socket
 *   bound to the card's address is sent by that card's scoped routes.
 *   Windows (written from the netsh documentation, UNVERIFIED): the address with `netsh … add address`;
 *   IPv4 uses the strong host model by default since Vista, so a socket bound to the card's address sends through
 *   that card's own on-link route and receives only what arrived on it. Nothing else to change.
 */
import { fault, type RbFault } from '../../src-shared/errors';
import type { PlatformName } from './host';
import { intToIpv4, ipv4ToInt, prefixMask } from './ipv4';
import { checkedInterface, type Argv } from './net-commands';

/** Base of the slot tables and rule priorities (Linux): slot n uses table and preference SLOT_TABLE_BASE + n. */
export const SLOT_TABLE_BASE = 7170;
/** Sysctls set per card on Linux, with the value Rescue Bench sets. */
export const SLOT_SYSCTLS = { arp_ignore: '1', arp_filter: '1', rp_filter: '2' } as const;
export type SlotSysctl = keyof typeof SLOT_SYSCTLS;

/**
 * Host numbers tried for slot addresses, in order: 60–99 first (above the .1–.20 where routers, their spare
 * addresses and our single-router rescue address .10 sit; below the usual DHCP pools .100–.250), then 30–59.
 */
const HOST_CANDIDATES = [...Array.from({ length: 40 }, (_, i) => 60 + i), ...Array.from({ length: 30 }, (_, i) => 30 + i)];

function badPrefix(prefix: number): RbFault {
  return fault('NET_SLOT_BAD_PREFIX', { prefix });
}

/**
 * The source address for the slot that is `index`-th on the station (0, 1, …), on the router's subnet: never the
 * router's own address, the network or broadcast address, nor one in `taken` (addresses this computer has).
 */
export function slotSourceAddress(routerIp: string, prefix: number, index: number, taken: ReadonlySet<string> = new Set()): string | undefined {
  if (!Number.isInteger(prefix) || prefix < 16 || prefix > 26) throw badPrefix(prefix);
  const mask = prefixMask(prefix);
  const net = ipv4ToInt(routerIp) & mask;
  const size = (~mask >>> 0) + 1;
  const free = HOST_CANDIDATES.filter((h) => h > 0 && h < size - 1)
    .map((h) => intToIpv4((net + h) >>> 0))
    .filter((a) => a !== routerIp && !taken.has(a));
  return free[index] ?? undefined;
}

export interface SlotRouteSpec {
  interface: string;
  sourceAddress: string;
  routerIp: string;
  prefix: number;
  /** Linux: the slot's table (and rule preference). */
  table: number;
  /** The address was already on the card (then it is not removed). */
  addressPresent?: boolean;
}

export interface SlotRoutePlan {
  /** Run at once with the OS's permission (Linux: one `ip -batch`). */
  setup: Argv[];
  /** Linux only: the per-card sysctls, as one `sysctl -w` (a second permission run; ip cannot set them). */
  sysctl?: Argv;
  /** What undoes `setup`, in order; run with keepGoing (a line that has nothing to undo does not stop the rest). */
  undo: Argv[];
}

function subnetOf(routerIp: string, prefix: number): { network: string; netmask: string } {
  const mask = prefixMask(prefix);
  return { network: intToIpv4((ipv4ToInt(routerIp) & mask) >>> 0), netmask: intToIpv4(mask) };
}

/** The sysctl key of a per-card setting, slash form (interface names may contain dots, e.g. eth0.100). */
export function slotSysctlKey(iface: string, name: SlotSysctl): string {
  return `net/ipv4/conf/${iface}/${name}`;
}

export function slotRoutePlan(platform: PlatformName, spec: SlotRouteSpec): SlotRoutePlan {
  const name = checkedInterface(platform, spec.interface);
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(spec.sourceAddress) || !/^\d{1,3}(\.\d{1,3}){3}$/.test(spec.routerIp)) throw new Error('slotRoutePlan: not IPv4 addresses');
  if (!Number.isInteger(spec.prefix) || spec.prefix < 16 || spec.prefix > 26) throw badPrefix(spec.prefix);
  if (!Number.isInteger(spec.table) || spec.table < 256 || spec.table > 0x7fffffff) throw new Error('slotRoutePlan: table out of range');
  const { network, netmask } = subnetOf(spec.routerIp, spec.prefix);
  const src = spec.sourceAddress;
  const subnet = `${network}/${spec.prefix}`;
  const t = String(spec.table);
  if (platform === 'linux') {
    const setup: Argv[] = [];
    if (!spec.addressPresent) setup.push(['ip', 'addr', 'add', `${src}/${spec.prefix}`, 'brd', '+', 'dev', name]);
    setup.push(['ip', 'route', 'replace', subnet, 'dev', name, 'src', src, 'table', t]);
    setup.push(['ip', 'rule', 'add', 'from', `${src}/32`, 'lookup', t, 'pref', t]);
    const undo: Argv[] = [
      ['ip', 'rule', 'del', 'from', `${src}/32`, 'lookup', t, 'pref', t],
      ['ip', 'route', 'flush', 'table', t],
      ...(spec.addressPresent ? [] : [['ip', 'addr', 'del', `${src}/${spec.prefix}`, 'dev', name] as Argv]),
    ];
    const sysctl: Argv = ['sysctl', '-q', '-w', ...Object.entries(SLOT_SYSCTLS).map(([k, v]) => `${slotSysctlKey(name, k as SlotSysctl)}=${v}`)];
    return { setup, sysctl, undo };
  }
  if (platform === 'darwin') {
    const setup: Argv[] = [];
    if (!spec.addressPresent) setup.push(['/sbin/ifconfig', name, 'alias', src, netmask]);
    setup.push(['/sbin/route', '-n', 'add', '-net', subnet, '-interface', name, '-ifscope', name]);
    const undo: Argv[] = [['/sbin/route', '-n', 'delete', '-net', subnet, '-interface', name, '-ifscope', name], ...(spec.addressPresent ? [] : [['/sbin/ifconfig', name, '-alias', src] as Argv])];
    return { setup, undo };
  }
  // Windows: the strong host model (default) does the rest; store=active is gone at the next restart.
  const setup: Argv[] = spec.addressPresent ? [] : [['netsh', 'interface', 'ipv4', 'add', 'address', name, src, netmask, 'store=active']];
  const undo: Argv[] = spec.addressPresent ? [] : [['netsh', 'interface', 'ipv4', 'delete', 'address', name, src]];
  return { setup, undo };
}

/** Linux: the command that puts the card's sysctls back to what they were before the slot. */
export function slotSysctlRestore(iface: string, before: Partial<Record<SlotSysctl, string>>): Argv | undefined {
  const name = checkedInterface('linux', iface);
  const pairs = Object.entries(before).filter(([, v]) => v !== undefined && /^\d+$/.test(v));
  if (pairs.length === 0) return undefined;
  return ['sysctl', '-q', '-w', ...pairs.map(([k, v]) => `${slotSysctlKey(name, k as SlotSysctl)}=${v}`)];
}

/** Linux: reads the card's current values (no permission needed): `sysctl -n` prints one line per key. */
export function slotSysctlQuery(iface: string): Argv {
  const name = checkedInterface('linux', iface);
  return ['sysctl', '-n', ...Object.keys(SLOT_SYSCTLS).map((k) => slotSysctlKey(name, k as SlotSysctl))];
}
