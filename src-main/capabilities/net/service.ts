/**
 * The network assistant (issue 15): every recovery's first step. Lists this computer's interfaces, says which
 * one the router's cable is in, checks a target (the router's network, the address this computer needs, what
 * answers, a DHCP server) with a plain meaning for each answer, and sets a temporary address through the OS's
 * own permission prompt — kept through link flaps, NetworkManager told to leave the interface alone, undone by
 * release() and on process exit (decisions 0070–0072). The OS comes through a NetBinding
 * (src-main/platform/bindings/net.ts), so this file is tested over a scripted computer without root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fault, RbFault, toErrorShape } from '../../../src-shared/errors';
import { said, sayIn, wordsMsg, wordsText, type SaidMessage, type Words } from '../../../src-shared/i18n/said';
import { english, loadCatalog, translator, type Locale, type Translate } from '../../../src-shared/i18n';
import {
  checkFindings,
  neighbourAnswered,
  neighbourAnsweredSince,
  nmLeavesAlone,
  parseBsdArp,
  parseCidr,
  parseIpAddrJson,
  parseIpNeighJson,
  parseHardwarePorts,
  parseIfconfig,
  parseNmcliDevices,
  parseWindowsArp,
  parseWindowsList,
  WINDOWS_LIST_SCRIPT,
  type OsLink,
  sameSubnet,
  type DhcpStatus,
  type NetCheck,
  type NetInterface,
  type NetLeaseInfo,
  type NetLinkEvent,
  type Neighbour,
  type ProbeResult,
} from '../../../src-shared/capabilities/net';
import { systemNetBinding, type NetBinding } from '../../platform/bindings/net';
import {
  addAddressCommand,
  addNeighbourCommand,
  checkedCidr,
  checkedInterface,
  elevate,
  elevationOrder,
  elevationOutcome,
  neighbourQueryCommand,
  nmManagedCommand,
  pingAnswered,
  pingCommand,
  removeAddressCommand,
  removeNeighbourCommand,
  type Argv,
  type Elevation,
} from '../../platform/net-commands';
import { SLOT_SYSCTLS, SLOT_TABLE_BASE, slotRoutePlan, slotSourceAddress, slotSysctlQuery, slotSysctlRestore, type SlotRouteSpec, type SlotSysctl } from '../../platform/slot-routes';

export interface NetServiceEvents {
  link?(e: NetLinkEvent): void;
  lease?(l: NetLeaseInfo): void;
  /** A slot's card lost or regained its link (the station pauses that slot's job), or the slot ended. */
  slot?(e: SlotEvent): void;
}

/**
 * One router's place on a station (issue 17, decision 0110): its card, and this computer's own address on the
 * router's subnet through that card. A socket bound to `sourceAddress` reaches the router on this card only, even
 * when every card's router is 192.168.1.1. `table`: the Linux routing table that holds the card's route.
 */
export interface SlotRoute {
  interface: string;
  sourceAddress: string;
  table?: number;
  release(): Promise<void>;
}

export interface SlotEvent {
  interface: string;
  sourceAddress: string;
  routerIp: string;
  /** ready: set up; no-carrier: the card lost its link (cable out, router off); released: undone. */
  state: 'ready' | 'no-carrier' | 'released';
  at: number;
}

/** What a slot changed, as recorded in net-slots.json: exactly this is undone, also after a crash. */
interface SlotRecord extends SlotRouteSpec {
  /** The card's sysctls before (Linux), put back on release. */
  sysctlsBefore: Partial<Record<SlotSysctl, string>>;
  sysctlsSet: boolean;
  pid: number;
  since: number;
}

class Slot implements SlotRoute {
  releasing: Promise<void> | undefined;
  released = false;
  carrier: boolean | null = true;
  removeExitHook: () => void = () => undefined;
  removeLinkListener: () => void = () => undefined;
  constructor(
    private readonly svc: NetService,
    readonly rec: SlotRecord,
  ) {}
  get interface(): string {
    return this.rec.interface;
  }
  get sourceAddress(): string {
    return this.rec.sourceAddress;
  }
  get table(): number | undefined {
    return this.svc.platform === 'linux' ? this.rec.table : undefined;
  }
  release(): Promise<void> {
    this.releasing ??= this.svc.releaseSlot(this);
    return this.releasing;
  }
}

export interface NetServiceOptions {
  binding?: NetBinding;
  /** Where leases that outlive the process are recorded (net-leases.json), so `net address remove` undoes exactly them. */
  dataDir?: string;
  /** How often link state is read while someone waits for it or a lease is active (default 250 ms). */
  pollMs?: number;
  /** How long a DHCP probe listens for an offer (default 3500 ms). */
  dhcpTimeoutMs?: number;
  /**
   * The language of the person at this computer, for the reason in the OS's own password prompt (decision 0171):
   * the desktop app's system languages, the command line's --lang or LANG. English when not given.
   */
  promptLocale?: () => Locale;
}

export interface NetLease {
  readonly interface: string;
  readonly address: string;
  /** A permanent neighbour (ARP) entry, for bootloaders that answer no ARP; removed by release(). */
  addStaticArp(ip: string, mac: string): Promise<void>;
  /** Removes the address and ARP entries it added, gives the interface back to NetworkManager; idempotent. */
  release(): Promise<void>;
}

export interface PrepareRequest {
  interface: string;
  /** HOST_IP/PREFIX, e.g. "192.168.0.66/24". */
  address: string;
  /**
   * Plain words for the permission prompt (shown where the OS lets us: macOS; elsewhere in our own screen first):
   * `said('net.prompt.…', values)` is said in the person's language (decision 0171); a string as it is.
   */
  reason: Words;
  /** Keep the address after this process ends (CLI `net address add`); the record in the data folder undoes it. */
  keep?: boolean;
}

interface LinkState {
  carrier: boolean | null;
  up: boolean;
}

/** The card that holds `address` (a bench slot's own address), if any. */
export function cardHolding(all: readonly NetInterface[], address: string): string | undefined {
  return all.find((i) => i.addresses.some((a) => a.split('/')[0] === address))?.name;
}

/** What a lease changed, as recorded in net-leases.json: exactly this is undone, nothing else. */
interface LeaseRecord {
  interface: string;
  address: string;
  added: boolean;
  unmanaged: boolean;
  broughtUp: boolean;
  arp: { ip: string; mac: string }[];
  since: number;
  keep: boolean;
  pid: number;
}

const DEFAULT_TCP_PORTS = [80, 443, 22, 23];
const LEASES_FILE = 'net-leases.json';
const SLOTS_FILE = 'net-slots.json';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function isIpv4Text(s: unknown): s is string {
  return typeof s === 'string' && parseCidr(`${s}/32`) !== undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cancelled(): RbFault {
  return fault('NET_CANCELLED');
}

class Lease implements NetLease {
  state: 'active' | 'lost' | 'released' = 'active';
  readded = 0;
  /** Handles given out by prepare() that have not been released. */
  holders = 0;
  error: NetLeaseInfo['error'];
  releasing: Promise<void> | undefined;
  lastCarrier: boolean | null = null;
  verifying = false;
  lastVerify = 0;
  removeExitHook: () => void = () => undefined;
  constructor(
    private readonly svc: NetService,
    readonly rec: LeaseRecord,
    readonly via: string,
    readonly reason: Words,
  ) {}
  get interface(): string {
    return this.rec.interface;
  }
  get address(): string {
    return this.rec.address;
  }
  addStaticArp(ip: string, mac: string): Promise<void> {
    return this.svc.addStaticArp(this, ip, mac);
  }
  release(): Promise<void> {
    this.releasing ??= this.svc.releaseLease(this);
    return this.releasing;
  }
  info(): NetLeaseInfo {
    return {
      interface: this.rec.interface,
      address: this.rec.address,
      added: this.rec.added,
      unmanaged: this.rec.unmanaged,
      arp: [...this.rec.arp],
      state: this.state,
      readded: this.readded,
      via: this.via,
      since: this.rec.since,
      keep: this.rec.keep,
      ...(this.error ? { error: this.error } : {}),
    };
  }
}

/** Why the DHCP question was not asked, in our words: the English and its id + values (decision 0152). */
function dhcpNote(why: string, values: Record<string, string> = {}): { note: string; noteMsg: SaidMessage } {
  const w = said('net.dhcp.note', { why, ...values });
  return { note: w.text, noteMsg: w.msg };
}

export class NetService {
  private readonly os: NetBinding;
  private readonly pollMs: number;
  private readonly dhcpTimeoutMs: number;
  private readonly leasesFile: string | undefined;
  private readonly active = new Map<string, Lease>();
  /** Slots by interface name (one slot per card). */
  private readonly slots = new Map<string, Slot>();
  private readonly slotsFile: string | undefined;
  private readonly slotListeners = new Set<(e: SlotEvent) => void>();
  private readonly linkListeners = new Set<(name: string, now: LinkState, before: LinkState | undefined) => void>();
  private links = new Map<string, LinkState>();
  private timer: NodeJS.Timeout | undefined;
  private watchUntil = 0;
  private ticking = false;
  /** The way of getting permission that worked last time (tried first next time). */
  private via: Elevation | undefined;
  private disposed = false;
  private readonly promptLocale: () => Locale;
  /** The catalogue of the prompt's language, once loaded (the exit-time undo runs synchronously and uses it as loaded). */
  private promptT: Translate | undefined;

  constructor(
    private readonly events: NetServiceEvents = {},
    opts: NetServiceOptions = {},
  ) {
    this.os = opts.binding ?? systemNetBinding();
    this.pollMs = opts.pollMs ?? 250;
    // Servers test an address with an ARP or ICMP ping before offering it (busybox udhcpd waits 2 s): wait longer.
    this.dhcpTimeoutMs = opts.dhcpTimeoutMs ?? 3500;
    this.leasesFile = opts.dataDir ? path.join(opts.dataDir, LEASES_FILE) : undefined;
    this.slotsFile = opts.dataDir ? path.join(opts.dataDir, SLOTS_FILE) : undefined;
    this.promptLocale = opts.promptLocale ?? (() => 'en');
  }

  /** Load the prompt language's words once; English when the catalogue cannot be loaded. */
  private async loadPromptWords(): Promise<void> {
    if (this.promptT) return;
    const locale = this.promptLocale();
    try {
      this.promptT = translator(locale, await loadCatalog(locale));
    } catch {
      this.promptT = english;
    }
  }

  /** The reason for the OS's password prompt in the person's language (decision 0171); a plain string as it is. */
  private promptText(reason: Words): string {
    return sayIn(this.promptT ?? english, wordsMsg(reason), wordsText(reason));
  }

  get platform(): string {
    return this.os.platform;
  }

  // ---------------------------------------------------------------- interfaces

  async interfaces(): Promise<NetInterface[]> {
    if (this.os.platform === 'darwin' || this.os.platform === 'win32') return (await this.listedByOsTools()) ?? this.osInterfaces();
    if (this.os.platform !== 'linux') return this.osInterfaces();
    const r = await this.os.exec('ip', ['-j', 'addr', 'show']);
    if (r.code !== 0) return this.osInterfaces();
    const nm = await this.nmDevices();
    const out: NetInterface[] = [];
    for (const l of parseIpAddrJson(r.stdout)) {
      const n = l.name;
      const [type, wirelessDir, phy, device, carrierText, speedText] = await Promise.all([
        this.os.readSys(`${n}/type`),
        this.os.existsSys(`${n}/wireless`),
        this.os.existsSys(`${n}/phy80211`),
        this.os.existsSys(`${n}/device`),
        this.os.readSys(`${n}/carrier`),
        this.os.readSys(`${n}/speed`),
      ]);
      const loopback = l.flags.includes('LOOPBACK') || l.linkType === 'loopback' || type === '772';
      const wireless = wirelessDir || phy;
      const up = l.flags.includes('UP');
      const carrier = carrierText === '1' ? true : carrierText === '0' ? false : up ? l.flags.includes('LOWER_UP') : null;
      const speed = Number(speedText);
      const state = nm?.get(n);
      out.push({
        name: n,
        mac: l.mac,
        wired: !loopback && !wireless && (type === '1' || l.linkType === 'ether'),
        wireless,
        virtual: !device,
        loopback,
        up,
        carrier,
        ...(carrier && Number.isInteger(speed) && speed > 0 && speed < 10_000_000 ? { speedMbps: speed } : {}),
        addresses: l.addresses.map((a) => a.cidr),
        dynamic: l.addresses.filter((a) => a.dynamic).map((a) => a.cidr),
        ...(state !== undefined ? { managedBy: 'NetworkManager' as const, managerState: state } : {}),
      });
    }
    return out;
  }

  /** NetworkManager's devices and their states, or undefined when it is not installed or not running. */
  private async nmDevices(): Promise<Map<string, string> | undefined> {
    if (this.os.platform !== 'linux' || !this.os.which('nmcli')) return undefined;
    const r = await this.os.exec('nmcli', ['-t', '-f', 'DEVICE,STATE', 'device'], { timeoutMs: 5000 });
    return r.code === 0 ? parseNmcliDevices(r.stdout) : undefined;
  }

  async networkManager(): Promise<'running' | 'absent'> {
    return (await this.nmDevices()) ? 'running' : 'absent';
  }

  /**
   * macOS: `ifconfig -a` (status: active = a link, media = speed) and `networksetup -listallhardwareports` (which
   * is Wi-Fi, which is hardware). Windows: Get-NetAdapter and Get-NetIPAddress as JSON. Written from their
   * documentation and sample output, not run on those systems; undefined when the tools fail.
   */
  private async listedByOsTools(): Promise<NetInterface[] | undefined> {
    let links: OsLink[];
    if (this.os.platform === 'darwin') {
      const [r, ports] = await Promise.all([this.os.exec('/sbin/ifconfig', ['-a'], { timeoutMs: 5000 }), this.os.exec('/usr/sbin/networksetup', ['-listallhardwareports'], { timeoutMs: 5000 })]);
      if (r.code !== 0) return undefined;
      links = parseIfconfig(r.stdout, ports.code === 0 ? parseHardwarePorts(ports.stdout) : new Map());
    } else {
      const r = await this.os.exec('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_LIST_SCRIPT], { timeoutMs: 20_000 });
      if (r.code !== 0) return undefined;
      links = parseWindowsList(r.stdout);
    }
    if (links.length === 0) return undefined;
    return links.map((l) => ({
      name: l.name,
      mac: l.mac,
      wired: !l.loopback && !l.wireless,
      wireless: l.wireless,
      virtual: l.virtual,
      loopback: l.loopback,
      up: l.up,
      carrier: l.carrier,
      ...(l.speedMbps ? { speedMbps: l.speedMbps } : {}),
      addresses: l.addresses.map((a) => a.cidr),
      dynamic: l.addresses.filter((a) => a.dynamic).map((a) => a.cidr),
    }));
  }

  /** Without the OS's tools (or on another OS): what Node sees. No link state: the OS is asked no further (see decision 0070). */
  private osInterfaces(): NetInterface[] {
    return this.os.osInterfaces().map((i) => ({
      name: i.name,
      mac: i.mac,
      wired: !i.internal && !/^(wi-?fi|wlan|wireless|awdl|llw|utun|bridge|vmnet|vEthernet)/i.test(i.name),
      wireless: /^(wi-?fi|wlan|wireless|awdl)/i.test(i.name),
      virtual: /^(utun|bridge|vmnet|vEthernet|docker|veth)/i.test(i.name),
      loopback: i.internal,
      up: true,
      carrier: i.cidrs.length > 0 ? true : null,
      addresses: i.cidrs,
      dynamic: [],
    }));
  }

  // ---------------------------------------------------------------- link watching

  /** Read every interface's link state (cheap: /sys on Linux) and tell listeners what changed. */
  private async readLinks(): Promise<Map<string, LinkState>> {
    const now = new Map<string, LinkState>();
    if (this.os.platform === 'linux') {
      const names = await this.os.listSys();
      await Promise.all(
        names.map(async (n) => {
          const [c, flags] = await Promise.all([this.os.readSys(`${n}/carrier`), this.os.readSys(`${n}/flags`)]);
          const up = flags !== undefined ? (parseInt(flags, 16) & 1) === 1 : c !== undefined;
          now.set(n, { carrier: c === '1' ? true : c === '0' ? false : up ? null : null, up });
        }),
      );
    } else for (const i of await this.interfaces()) now.set(i.name, { carrier: i.carrier, up: i.up });
    return now;
  }

  private lastFullRead = 0;

  private async tick(): Promise<void> {
    if (this.ticking) return;
    // Linux reads files in /sys; macOS and Windows run programs, so they look less often.
    const every = this.os.platform === 'win32' ? 2000 : this.os.platform === 'darwin' ? 1000 : 0;
    if (every > 0 && Date.now() - this.lastFullRead < every) return;
    this.lastFullRead = Date.now();
    this.ticking = true;
    try {
      const now = await this.readLinks();
      const before = this.links;
      this.links = now;
      for (const [name, st] of now) {
        const old = before.get(name);
        if (old && (old.carrier !== st.carrier || old.up !== st.up)) {
          this.events.link?.({ interface: name, carrier: st.carrier, up: st.up, at: Date.now() });
        }
        for (const l of [...this.linkListeners]) l(name, st, old);
      }
      for (const lease of this.active.values()) void this.watchLease(lease, now.get(lease.interface));
    } catch {
      /* a failed read is retried on the next tick */
    } finally {
      this.ticking = false;
    }
  }

  private ensurePolling(): void {
    if (this.timer || this.disposed) return;
    const loop = (): void => {
      if (this.linkListeners.size === 0 && this.active.size === 0 && this.slots.size === 0 && Date.now() > this.watchUntil) {
        this.timer = undefined;
        return;
      }
      void this.tick().finally(() => {
        if (this.timer) {
          this.timer = setTimeout(loop, this.pollMs);
          this.timer.unref?.();
        }
      });
    };
    // Unreferenced: watching never keeps a process alive by itself (whoever waits holds its own timer).
    this.timer = setTimeout(loop, 0);
    this.timer.unref?.();
  }

  /** Emit net.link events for `ms` from now (the technician's view keeps this alive while it is open). */
  watchLinks(ms: number): void {
    this.watchUntil = Math.max(this.watchUntil, Date.now() + ms);
    this.ensurePolling();
  }

  private onLink(fn: (name: string, now: LinkState, before: LinkState | undefined) => void): () => void {
    this.linkListeners.add(fn);
    this.ensurePolling();
    return () => this.linkListeners.delete(fn);
  }

  private waitFor<T>(what: (name: string, now: LinkState, before: LinkState | undefined) => T | undefined, opts: { timeoutMs: number; signal?: AbortSignal }, timeoutFault: () => RbFault): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(cancelled());
      const finish = (fn: () => void): void => {
        off();
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const off = this.onLink((name, now, before) => {
        const v = what(name, now, before);
        if (v !== undefined) finish(() => resolve(v));
      });
      const timer = setTimeout(() => finish(() => reject(timeoutFault())), opts.timeoutMs);
      const onAbort = (): void => finish(() => reject(cancelled()));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async waitForCarrier(iface: string, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<void> {
    const name = checkedInterface(this.os.platform, iface);
    if ((await this.readLinks()).get(name)?.carrier === true) return;
    await this.waitFor(
      (n, now) => (n === name && now.carrier === true ? true : undefined),
      opts,
      () =>
        fault('NET_NO_CARRIER', { iface: name, seconds: Math.round(opts.timeoutMs / 1000) }),
    );
  }

  async whichCable(opts: { timeoutMs: number; signal?: AbortSignal }): Promise<string> {
    const wired = new Set((await this.interfaces()).filter((i) => i.wired && !i.loopback).map((i) => i.name));
    const start = await this.readLinks();
    this.links = start;
    return this.waitFor(
      (n, now, before) => (wired.has(n) && now.carrier === true && (before ?? start.get(n))?.carrier !== true ? n : undefined),
      opts,
      () =>
        fault('NET_NO_CABLE_SEEN', { seconds: Math.round(opts.timeoutMs / 1000) }),
    );
  }

  // ---------------------------------------------------------------- probing

  /**
   * Does anything answer at `ip`: one ping, a TCP connect per port, and the neighbour (ARP) table afterwards.
   * `freshSince` (ms since the epoch): count the neighbour entry only when the OS says it was confirmed after that
   * moment (Linux; elsewhere it is not counted) — an entry from before a router restarted is not an answer now.
   * Ping and TCP are asked now, so they always count.
   * `localAddress` (a bench slot's own address, decision 0110; upgrade's wait on a slot): ping and every TCP connect
   * leave from it, so the slot's rule sends them through its card and they reach the router on that card even when
   * others share its address; the neighbour entry is read on the card that holds the address.
   */
  async probe(ip: string, opts: { interface?: string; localAddress?: string; tcpPorts?: number[]; timeoutMs?: number; freshSince?: number } = {}): Promise<ProbeResult> {
    const p = this.os.platform;
    let iface = opts.interface !== undefined ? checkedInterface(p, opts.interface) : undefined;
    let localAddress: string | undefined;
    if (opts.localAddress !== undefined) {
      if (!parseCidr(`${opts.localAddress}/32`)) throw fault('NET_BAD_ADDRESS', { kind: 'ip', value: String(opts.localAddress).slice(0, 80) });
      localAddress = opts.localAddress;
      iface ??= cardHolding(await this.interfaces(), localAddress);
    } else if (iface) {
      const itf = (await this.interfaces()).find((i) => i.name === iface);
      localAddress = itf?.addresses.map((a) => parseCidr(a)!).find((c) => c && sameSubnet(c.ip, ip, c.prefix))?.ip;
    }
    const ping = pingCommand(p, ip, iface, opts.localAddress);
    const ports = opts.tcpPorts ?? DEFAULT_TCP_PORTS;
    const timeoutMs = opts.timeoutMs ?? 1500;
    const [pingRun, tcpRuns] = await Promise.all([
      this.os.exec(ping[0], ping.slice(1), { timeoutMs: timeoutMs + 2000 }),
      Promise.all(ports.map(async (port) => [port, await this.os.tcp(ip, port, { timeoutMs, ...(localAddress ? { localAddress } : {}) })] as const)),
    ]);
    const tcp: Record<string, boolean> = {};
    const tcpRefused: number[] = [];
    for (const [port, o] of tcpRuns) {
      tcp[String(port)] = o === 'open';
      if (o === 'refused') tcpRefused.push(port);
    }
    const icmp = pingAnswered(p, pingRun.code, pingRun.stdout);
    const since = opts.freshSince;
    const n = await this.neighbour(ip, iface, since !== undefined);
    const counted = n !== undefined && (since === undefined ? neighbourAnswered(n) : neighbourAnsweredSince(n, since, Date.now()));
    const arpMac = counted ? n.mac : undefined;
    const arpStale = since !== undefined && !counted && n !== undefined && neighbourAnswered(n);
    return { ...(arpMac ? { arpMac } : {}), icmp, tcp, tcpRefused, answered: arpMac !== undefined || icmp || tcpRefused.length > 0 || Object.values(tcp).some(Boolean), ...(arpStale ? { arpStale } : {}) };
  }

  private async neighbour(ip: string, iface?: string, ages = false): Promise<Neighbour | undefined> {
    const q = neighbourQueryCommand(this.os.platform, ip, iface, ages);
    const r = await this.os.exec(q[0], q.slice(1), { timeoutMs: 5000 });
    if (r.code !== 0) return undefined;
    const list = this.os.platform === 'linux' ? parseIpNeighJson(r.stdout) : this.os.platform === 'darwin' ? parseBsdArp(r.stdout) : parseWindowsArp(r.stdout);
    return list.find((x) => x.ip === ip);
  }

  private async dhcpStatus(itf: NetInterface | undefined, subnetOf: (ip: string) => boolean): Promise<DhcpStatus> {
    if (!itf) return { state: 'unknown', how: 'none', ...dhcpNote('noCable') };
    const addrs = itf.addresses.map((a) => parseCidr(a)).filter((c): c is NonNullable<typeof c> => c !== undefined);
    const local = addrs.find((c) => subnetOf(c.ip)) ?? addrs[0];
    let note: ReturnType<typeof dhcpNote>;
    if (itf.carrier === false) note = dhcpNote('noLink', { iface: itf.name });
    else if (!local) note = dhcpNote('noAddress', { iface: itf.name });
    else if (!(await this.os.mayBindDhcpClientPort())) note = dhcpNote('noPermission');
    else {
      const r = await this.os.dhcpProbe({ localAddress: local.ip, mac: itf.mac, timeoutMs: this.dhcpTimeoutMs });
      if (r.ok) {
        const offer = r.replies.find((x) => x.type === 2) ?? r.replies[0];
        return offer ? { state: 'present', how: 'probe', ...(offer.server ? { server: offer.server } : {}), ...(offer.yiaddr !== '0.0.0.0' ? { offered: offer.yiaddr } : {}) } : { state: 'absent', how: 'probe' };
      }
      note = r.reason === 'in-use' ? dhcpNote('inUse') : r.reason === 'permission' ? dhcpNote('refused') : dhcpNote('failed', { detail: r.detail });
    }
    // Passive evidence: an address this computer got from a DHCP server on this cable.
    if (itf.dynamic.length > 0) return { state: 'present', how: 'lease', ...note };
    return { state: 'unknown', how: 'none', ...note };
  }

  /**
   * `localAddress` (a bench slot's own address): look on the card that holds it, and probe from it (decision 0110) —
   * the router on that card, not whichever card the main table picks.
   */
  async check(req: { target: string; need?: string; interface?: string; localAddress?: string; tcpPorts?: number[]; dhcp?: boolean }): Promise<NetCheck> {
    const target = req.target;
    if (!parseCidr(`${target}/32`))
      throw fault('NET_BAD_ADDRESS', { kind: 'target', value: String(target).slice(0, 80) });
    if (req.localAddress !== undefined && !parseCidr(`${req.localAddress}/32`)) throw fault('NET_BAD_ADDRESS', { kind: 'ip', value: String(req.localAddress).slice(0, 80) });
    const need = req.need !== undefined ? checkedCidr(req.need) : undefined;
    const asked = req.interface !== undefined ? checkedInterface(this.os.platform, req.interface) : req.localAddress !== undefined ? cardHolding(await this.interfaces(), req.localAddress) : undefined;
    if (need && need.ip === target)
      throw fault('NET_NEED_IS_TARGET', { ip: need.ip });
    const prefix = need?.prefix ?? 24;
    const subnetC = parseCidr(`${target}/${prefix}`)!;
    const subnet = `${subnetC.network}/${prefix}`;
    const inNet = (ip: string): boolean => sameSubnet(ip, target, prefix);
    const all = await this.interfaces();
    const mine = (i: NetInterface): { ip: string; prefix: number }[] => i.addresses.map((a) => parseCidr(a)).filter((c): c is NonNullable<typeof c> => c !== undefined);
    const inSubnet = all.filter((i) => !i.loopback && mine(i).some((c) => inNet(c.ip)));
    const onInterface = (asked !== undefined ? inSubnet.find((i) => i.name === asked) : undefined) ?? inSubnet[0];
    const needOn = need ? all.find((i) => mine(i).some((c) => c.ip === need.ip)) : undefined;
    const targetIsOurs = all.find((i) => mine(i).some((c) => c.ip === target));
    // The interface to look at: the one asked for; else the one in the router's network; else the only wired one with a link.
    const wiredWithLink = all.filter((i) => i.wired && i.carrier === true);
    const iface = asked !== undefined ? all.find((i) => i.name === asked) : (onInterface ?? (wiredWithLink.length === 1 ? wiredWithLink[0] : undefined));
    const alsoInSubnet = inSubnet.filter((i) => i.name !== (onInterface?.name ?? iface?.name)).map((i) => i.name);
    // Only probe a router that is on this computer's own cable: otherwise the packets would go out through the
    // default route, and whatever answers there (a home router with the same address) would be a false answer.
    const onLink = onInterface !== undefined && (asked === undefined || onInterface.name === asked);
    const probe = onLink && !targetIsOurs ? await this.probe(target, { interface: onInterface.name, ...(req.localAddress ? { localAddress: req.localAddress } : {}), ...(req.tcpPorts ? { tcpPorts: req.tcpPorts } : {}) }) : undefined;
    const dhcp: DhcpStatus = req.dhcp === false ? { state: 'unknown', how: 'none', ...dhcpNote('notAsked') } : await this.dhcpStatus(iface, inNet);
    const findings = checkFindings({
      target,
      ...(req.need ? { need: req.need } : {}),
      subnet,
      ...(iface ? { iface } : {}),
      ...(asked ? { askedInterface: asked } : {}),
      ...(onInterface ? { onInterface: onInterface.name } : {}),
      ...(needOn ? { needOn: needOn.name } : {}),
      alsoInSubnet,
      ...(!iface && asked === undefined ? { cablesWithLink: wiredWithLink.map((i) => i.name) } : {}),
      ...(targetIsOurs ? { targetIsOurs: targetIsOurs.name } : {}),
      ...(probe ? { probe } : {}),
      dhcp,
    });
    return {
      target,
      ...(req.need ? { need: req.need } : {}),
      subnet,
      ...(iface ? { interface: iface.name } : {}),
      inSubnet: onInterface !== undefined,
      ...(onInterface ? { onInterface: onInterface.name } : {}),
      hasNeed: needOn !== undefined,
      ...(needOn ? { needOn: needOn.name } : {}),
      ...(iface ? { carrier: iface.carrier } : {}),
      ...(probe ? { probe } : {}),
      dhcp,
      findings,
      ready: !findings.some((f) => f.level === 'bad' || f.level === 'warn'),
      at: Date.now(),
    };
  }

  // ---------------------------------------------------------------- privilege

  /**
   * Run `cmds` with the OS's permission (decision 0070): as root directly; Linux pkexec, then sudo -n; macOS
   * osascript; Windows UAC. A dismissed prompt is a fault; a way that is not available here falls through to the
   * next; the command's own failure is returned for the caller to judge.
   */
  private async privileged(cmds: Argv[], reason: Words, opts: { keepGoing?: boolean } = {}): Promise<{ via: Elevation; code: number | null; stdout: string; stderr: string }> {
    await this.loadPromptWords();
    const order = elevationOrder(this.os.platform, this.os.isRoot(), (p) => this.os.which(p) !== undefined);
    if (this.via && order.includes(this.via)) order.splice(order.indexOf(this.via), 1), order.unshift(this.via);
    const tried: string[] = [];
    for (const how of order) {
      const inv = elevate(this.os.platform, how, cmds, this.promptText(reason), { ...opts, resolve: (p) => this.os.which(p) });
      const r = await this.os.exec(inv.cmd, inv.args, { ...(inv.input !== undefined ? { input: inv.input } : {}), timeoutMs: how === 'root' ? 15_000 : 300_000 });
      const outcome = r.missing ? 'unavailable' : elevationOutcome(how, r.code, r.stderr);
      if (outcome === 'cancelled')
        throw fault('NET_PERMISSION_CANCELLED', {}, { details: `${how}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) });
      if (outcome === 'unavailable') {
        tried.push(`${how}: exit ${r.code} ${r.stderr.trim()}`);
        continue;
      }
      if (outcome === 'ok') this.via = how;
      return { via: how, code: r.code, stdout: r.stdout, stderr: r.stderr };
    }
    const typed = cmds.map((c) => this.typed(c)).join('\n');
    throw fault('NET_PERMISSION_UNAVAILABLE', { os: this.os.platform, typed }, { details: tried.join('\n').slice(0, 2000) || 'no pkexec or sudo on this computer' });
  }

  /** A command as a person types it in an administrator's terminal (the values passed the allow-lists). */
  private typed(c: Argv): string {
    return this.os.platform === 'win32' ? c.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ') : `sudo ${c.join(' ')}`;
  }

  /** nmcli as this user first (NetworkManager lets the desktop user do this without a password), else with permission. */
  private async nmSetManaged(iface: string, managed: boolean, reason: Words): Promise<boolean> {
    const cmd = nmManagedCommand(iface, managed);
    if (!this.os.isRoot()) {
      const r = await this.os.exec(cmd[0], cmd.slice(1), { timeoutMs: 10_000 });
      if (r.code === 0) return true;
    }
    const r = await this.privileged([cmd], reason);
    return r.code === 0;
  }

  // ---------------------------------------------------------------- leases

  leases(): NetLeaseInfo[] {
    return [...this.active.values()].map((l) => l.info());
  }

  async prepare(req: PrepareRequest): Promise<NetLease> {
    const p = this.os.platform;
    const name = checkedInterface(p, req.interface);
    const c = checkedCidr(req.address);
    const cidr = `${c.ip}/${c.prefix}`;
    const key = `${name} ${cidr}`;
    const existing = this.active.get(key);
    if (existing && existing.state !== 'released' && !existing.releasing) return this.handle(existing);
    const all = await this.interfaces();
    const itf = all.find((i) => i.name === name);
    if (!itf)
      throw fault('NET_NO_SUCH_INTERFACE', { iface: name });
    const elsewhere = all.find((i) => i.name !== name && i.addresses.some((a) => a.split('/')[0] === c.ip));
    if (elsewhere)
      throw fault('NET_ADDRESS_ELSEWHERE', { ip: c.ip, iface: elsewhere.name });
    const present = itf.addresses.some((a) => a.split('/')[0] === c.ip);
    const rec: LeaseRecord = { interface: name, address: cidr, added: false, unmanaged: false, broughtUp: false, arp: [], since: Date.now(), keep: req.keep === true, pid: process.pid };
    let via = 'none';
    if (p === 'linux' && itf.managedBy === 'NetworkManager' && !nmLeavesAlone(itf.managerState)) {
      rec.unmanaged = await this.nmSetManaged(name, false, req.reason);
      if (rec.unmanaged) this.saveRecord(rec);
    }
    if (!present) {
      const cmds: Argv[] = [];
      if (p === 'linux' && !itf.up) cmds.push(['ip', 'link', 'set', 'dev', name, 'up']);
      cmds.push(addAddressCommand(p, name, cidr));
      let r: Awaited<ReturnType<NetService['privileged']>>;
      try {
        r = await this.privileged(cmds, req.reason);
      } catch (e) {
        if (rec.unmanaged) await this.nmSetManaged(name, true, req.reason).catch(() => false);
        this.dropRecord(rec);
        throw e;
      }
      via = r.via;
      if (r.code !== 0 && !/File exists|already exists|object already exists/i.test(r.stderr)) {
        if (rec.unmanaged) await this.nmSetManaged(name, true, req.reason).catch(() => false);
        this.dropRecord(rec);
        throw fault('NET_ADDRESS_FAILED', { iface: name, ip: c.ip, command: this.typed(addAddressCommand(p, name, cidr)) }, { details: `${r.via}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) });
      }
      // "File exists": someone set it between our look and our command. Then it is not ours.
      rec.added = r.code === 0;
      rec.broughtUp = rec.added && cmds.length > 1;
    }
    const lease = new Lease(this, rec, via, req.reason);
    this.active.set(key, lease);
    this.saveRecord(rec);
    if (!rec.keep) lease.removeExitHook = this.os.onExit((sync) => (sync ? this.releaseSync(lease) : lease.release()));
    this.events.lease?.(lease.info());
    this.ensurePolling();
    return this.handle(lease);
  }

  /**
   * One holder's handle on a lease: several flows may ask for the same address on the same interface (a playbook,
   * the technician's view); the address goes when the last holder releases (or when the user removes it).
   */
  private handle(lease: Lease): NetLease {
    lease.holders++;
    let released = false;
    return {
      interface: lease.interface,
      address: lease.address,
      addStaticArp: (ip, mac) => lease.addStaticArp(ip, mac),
      release: async () => {
        if (released) return lease.releasing;
        released = true;
        lease.holders--;
        if (lease.holders <= 0) await lease.release();
      },
    };
  }

  /** Keep the address while the lease lives: when it has gone (link flap, a network manager), put it back. */
  private async watchLease(lease: Lease, link: LinkState | undefined): Promise<void> {
    if (lease.state === 'released' || lease.releasing || lease.verifying || !lease.rec.added) return;
    const carrier = link?.carrier ?? null;
    const cameBack = carrier === true && lease.lastCarrier !== true;
    lease.lastCarrier = carrier;
    const due = Date.now() - lease.lastVerify >= Math.max(1000, this.pollMs * 4);
    if (!cameBack && !due) return;
    lease.verifying = true;
    lease.lastVerify = Date.now();
    try {
      const itf = (await this.interfaces()).find((i) => i.name === lease.interface);
      if (!itf) {
        if (lease.state !== 'lost') {
          lease.state = 'lost';
          lease.error = toErrorShape(
            fault('NET_INTERFACE_GONE', { iface: lease.interface }),
          );
          this.events.lease?.(lease.info());
        }
        return;
      }
      if (itf.addresses.includes(lease.address) || lease.releasing) {
        if (lease.state === 'lost') {
          lease.state = 'active';
          delete lease.error;
          this.events.lease?.(lease.info());
        }
        return;
      }
      // Gone. Put it back only with a link (an address on a link-less interface would be taken again).
      if (carrier !== true && itf.carrier !== true) {
        if (lease.state !== 'lost') {
          lease.state = 'lost';
          this.events.lease?.(lease.info());
        }
        return;
      }
      try {
        const r = await this.privileged([addAddressCommand(this.os.platform, lease.interface, lease.address)], lease.reason);
        if (r.code === 0 || /File exists/i.test(r.stderr)) {
          lease.readded++;
          lease.state = 'active';
          delete lease.error;
        } else throw fault('NET_READD_FAILED', { address: lease.address, iface: lease.interface }, { details: r.stderr.slice(0, 2000) });
      } catch (e) {
        lease.state = 'lost';
        const shape = toErrorShape(e);
        // its own code and catalogue words (the screen says them in its language); why putting it back failed is
        // the details, in the words of the fault that said so
        lease.error = fault(
          'NET_ADDRESS_LOST',
          { address: lease.address.split('/')[0]!, iface: lease.interface, asked: shape.code === 'NET_PERMISSION_CANCELLED' ? 'cancelled' : 'no' },
          { details: [shape.code, shape.message, shape.fix, shape.details].filter(Boolean).join('\n').slice(0, 4000) },
        ).toShape();
      }
      this.events.lease?.(lease.info());
    } finally {
      lease.verifying = false;
    }
  }

  async addStaticArp(lease: Lease, ip: string, mac: string): Promise<void> {
    if (lease.state === 'released') throw fault('NET_LEASE_RELEASED');
    const cmd = addNeighbourCommand(this.os.platform, lease.interface, ip, mac);
    const r = await this.privileged([cmd], lease.reason);
    if (r.code !== 0)
      throw fault('NET_ARP_FAILED', { ip, mac }, { details: `${r.via}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) });
    if (!lease.rec.arp.some((a) => a.ip === ip)) lease.rec.arp.push({ ip, mac });
    else lease.rec.arp = lease.rec.arp.map((a) => (a.ip === ip ? { ip, mac } : a));
    this.saveRecord(lease.rec);
    this.events.lease?.(lease.info());
  }

  /** The undo commands of a record: exactly what it added. */
  private undoCommands(rec: LeaseRecord): { ip: Argv[]; nm: boolean } {
    const p = this.os.platform;
    const cmds: Argv[] = rec.arp.map((a) => removeNeighbourCommand(p, rec.interface, a.ip));
    if (rec.added) cmds.push(removeAddressCommand(p, rec.interface, rec.address));
    if (rec.broughtUp && p === 'linux') cmds.push(['ip', 'link', 'set', 'dev', rec.interface, 'down']);
    return { ip: cmds, nm: rec.unmanaged };
  }

  async releaseLease(lease: Lease): Promise<void> {
    if (lease.state === 'released') return;
    const { ip, nm } = this.undoCommands(lease.rec);
    const reason = said('net.prompt.removeTemporary', { address: lease.address.split('/')[0]!, iface: lease.interface });
    try {
      if (ip.length > 0) {
        const r = await this.privileged(ip, reason, { keepGoing: true });
        if (r.code !== 0 && !/Cannot assign requested address|No such process|not found|Cannot find device/i.test(r.stderr))
          throw fault(
            'NET_RELEASE_FAILED',
            { address: lease.address, iface: lease.interface, os: this.os.platform, command: `sudo ip addr del ${lease.address} dev ${lease.interface}` },
            { details: `${r.via}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) },
          );
      }
      if (nm && !(await this.nmSetManaged(lease.interface, true, reason)))
        // The address is gone; only NetworkManager's care of the connection is not back. Say so, and how.
        lease.error = fault('NET_NM_RESTORE_FAILED', { iface: lease.interface }).toShape();
    } catch (e) {
      lease.releasing = undefined;
      lease.error = toErrorShape(e);
      this.events.lease?.(lease.info());
      throw e;
    }
    lease.state = 'released';
    lease.removeExitHook();
    this.active.delete(`${lease.interface} ${lease.address}`);
    this.dropRecord(lease.rec);
    this.events.lease?.(lease.info());
  }

  /** While the process exits: synchronous, best effort (as root it is exact; otherwise the OS may ask once more). */
  private releaseSync(lease: Lease): void {
    if (lease.state === 'released' || lease.rec.keep) return;
    const { ip, nm } = this.undoCommands(lease.rec);
    const order = elevationOrder(this.os.platform, this.os.isRoot(), (p) => this.os.which(p) !== undefined);
    const how = this.via ?? order[0];
    if (!how) return;
    if (ip.length > 0) {
      const inv = elevate(this.os.platform, how, ip, this.promptText(lease.reason), { keepGoing: true, resolve: (p) => this.os.which(p) });
      this.os.execSync(inv.cmd, inv.args, { ...(inv.input !== undefined ? { input: inv.input } : {}), timeoutMs: how === 'root' ? 5000 : 120_000 });
    }
    if (nm) {
      const cmd = nmManagedCommand(lease.interface, true);
      this.os.execSync(cmd[0], cmd.slice(1), { timeoutMs: 5000 });
    }
    lease.state = 'released';
    this.active.delete(`${lease.interface} ${lease.address}`);
    this.dropRecord(lease.rec);
  }

  /**
   * Remove an address Rescue Bench set: the live lease, or the one `net address add` recorded in the data
   * folder. An address it did not set is never removed.
   */
  async removeAddress(iface: string, address: string): Promise<NetLeaseInfo> {
    const name = checkedInterface(this.os.platform, iface);
    const c = checkedCidr(address);
    const cidr = `${c.ip}/${c.prefix}`;
    const live = this.active.get(`${name} ${cidr}`);
    if (live) {
      await live.release();
      return live.info();
    }
    const rec = this.readRecords().find((r) => r.interface === name && r.address === cidr);
    if (rec) {
      const lease = new Lease(this, rec, 'record', `Rescue Bench removes the temporary address ${c.ip} it set on ${name}.`);
      this.active.set(`${name} ${cidr}`, lease);
      try {
        await lease.release();
      } catch (e) {
        this.active.delete(`${name} ${cidr}`);
        throw e;
      }
      return lease.info();
    }
    const itf = (await this.interfaces()).find((i) => i.name === name);
    if (itf?.addresses.includes(cidr) || itf?.addresses.some((a) => a.split('/')[0] === c.ip))
      throw fault('NET_NOT_OURS', { ip: c.ip, iface: name });
    throw fault('NET_NOT_SET', { why: 'remove', ip: c.ip, iface: name, prefix: c.prefix });
  }

  /** The lease of a given interface and address, live or recorded (for the arp command). */
  async leaseFor(iface: string, address: string): Promise<NetLease & { info(): NetLeaseInfo }> {
    const name = checkedInterface(this.os.platform, iface);
    const c = checkedCidr(address);
    const key = `${name} ${c.ip}/${c.prefix}`;
    const live = this.active.get(key);
    if (live) return live;
    const rec = this.readRecords().find((r) => r.interface === name && r.address === `${c.ip}/${c.prefix}`);
    if (!rec)
      throw fault('NET_NOT_SET', { why: 'arp', ip: c.ip, iface: name, prefix: c.prefix });
    // A recorded (kept) lease: adopt it without watching (its owner is the command line).
    const lease = new Lease(this, rec, 'record', `Rescue Bench adds a neighbour entry for the router recovery on ${name}.`);
    return lease;
  }

  // ---------------------------------------------------------------- slots (issue 17, decision 0110)

  /** Listen for slot events (carrier lost/back, released) besides the `slot` callback; returns the unsubscribe. */
  onSlot(fn: (e: SlotEvent) => void): () => void {
    this.slotListeners.add(fn);
    return () => this.slotListeners.delete(fn);
  }

  private emitSlot(slot: Slot, state: SlotEvent['state']): void {
    const e: SlotEvent = { interface: slot.interface, sourceAddress: slot.sourceAddress, routerIp: slot.rec.routerIp, state, at: Date.now() };
    this.events.slot?.(e);
    for (const fn of [...this.slotListeners]) {
      try {
        fn(e);
      } catch {
        /* a failing listener must not stop the others */
      }
    }
  }

  /** Slots set up and not released: interface and source address. */
  slotRoutes(): { interface: string; sourceAddress: string; routerIp: string; table?: number; carrier: boolean | null }[] {
    return [...this.slots.values()].map((s) => ({ interface: s.interface, sourceAddress: s.sourceAddress, routerIp: s.rec.routerIp, ...(s.table !== undefined ? { table: s.table } : {}), carrier: s.carrier }));
  }

  /**
   * Give card `iface` its own source address on the router's subnet and make traffic from that address leave
   * through this card only (Linux: a table and `ip rule from <src>`, per-card ARP/reverse-path sysctls; macOS and
   * Windows: see platform/slot-routes.ts). Undone by release(), on process exit, and on every failure here.
   * One slot per card: a second one on the same card is refused (NET_SLOT_CARD_TAKEN).
   */
  async slotRoute(iface: string, opts: { routerIp: string; prefix: number; signal?: AbortSignal }): Promise<SlotRoute> {
    const p = this.os.platform;
    const name = checkedInterface(p, iface);
    if (!isIpv4Text(opts.routerIp))
      throw fault('NET_BAD_ADDRESS', { kind: 'target', value: String(opts.routerIp).slice(0, 80) });
    if (opts.signal?.aborted) throw cancelled();
    const held = this.slots.get(name);
    if (held)
      throw new RbFault({
        code: 'NET_SLOT_CARD_TAKEN',
        message: `The network card ${name} already belongs to another router’s place on this station.`,
        meaning: `Two routers cannot share one card: each needs its own cable to its own card. The router on ${name} (reached from ${held.sourceAddress}) goes on undisturbed; nothing was changed for the new one.`,
        fix: 'Plug the new router into a free network card (or a USB network adapter) and choose that card, or finish the job on this card first.',
        values: { card: name, source: held.sourceAddress },
      });
    this.undoStaleSlots(name);
    const all = await this.interfaces();
    const itf = all.find((i) => i.name === name);
    if (!itf)
      throw fault('NET_NO_SUCH_INTERFACE', { iface: name });
    const taken = new Set<string>([...all.flatMap((i) => i.addresses.map((a) => a.split('/')[0]!)), ...[...this.slots.values()].map((s) => s.sourceAddress)]);
    const usedIdx = new Set([...this.slots.values()].map((s) => s.rec.table - SLOT_TABLE_BASE));
    let idx = 0;
    while (usedIdx.has(idx)) idx++;
    const source = slotSourceAddress(opts.routerIp, opts.prefix, 0, taken);
    if (!source) throw fault('NET_SLOT_NO_ADDRESS', { card: name, router: opts.routerIp, prefix: opts.prefix });
    const rec: SlotRecord = { interface: name, sourceAddress: source, routerIp: opts.routerIp, prefix: opts.prefix, table: SLOT_TABLE_BASE + idx, sysctlsBefore: {}, sysctlsSet: false, pid: process.pid, since: Date.now() };
    const plan = slotRoutePlan(p, rec);
    const reason = said('net.prompt.slot', { iface: name, address: source });
    if (p === 'linux') {
      const q = slotSysctlQuery(name);
      const r = await this.os.exec(q[0], q.slice(1), { timeoutMs: 5000 });
      const lines = r.code === 0 ? r.stdout.trim().split('\n') : [];
      (Object.keys(SLOT_SYSCTLS) as SlotSysctl[]).forEach((k, i) => {
        const v = lines[i]?.trim();
        if (v !== undefined && /^\d+$/.test(v)) rec.sysctlsBefore[k] = v;
      });
    }
    // Recorded before anything runs: a crash in the middle is undone at the next start for this card.
    const slot = new Slot(this, rec);
    this.slots.set(name, slot);
    this.saveSlotRecord(rec);
    const fail = async (e: unknown): Promise<never> => {
      await this.undoSlot(rec, reason).catch(() => undefined);
      this.slots.delete(name);
      this.dropSlotRecord(rec);
      throw e;
    };
    try {
      // The whole set-up in one privileged run, so one permission prompt per slot (decision 0120): on Linux the
      // ip batch and then the card's sysctls. Marked as set first: the undo then also puts the sysctls back
      // (to the values read above) when the run fails half-way.
      const cmds = [...plan.setup, ...(plan.sysctl ? [plan.sysctl] : [])];
      if (plan.sysctl) {
        rec.sysctlsSet = true;
        this.saveSlotRecord(rec);
      }
      for (const run of this.slotRuns(cmds)) {
        const r = await this.privileged(run, reason);
        if (r.code !== 0) throw fault('NET_SLOT_FAILED', { card: name, router: opts.routerIp }, { details: `${r.via}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) });
      }
      if (opts.signal?.aborted) throw cancelled();
    } catch (e) {
      return fail(e);
    }
    slot.removeExitHook = this.os.onExit((sync) => (sync ? this.undoSlotSync(slot) : slot.release()));
    slot.carrier = itf.carrier;
    slot.removeLinkListener = this.onLink((n, now) => {
      if (n !== name || slot.released) return;
      const c = now.carrier;
      if (c === slot.carrier) return;
      const was = slot.carrier;
      slot.carrier = c;
      if (c === false || (c === null && !now.up)) this.emitSlot(slot, 'no-carrier');
      else if (c === true && was !== true) this.emitSlot(slot, 'ready');
    });
    this.emitSlot(slot, 'ready');
    return slot;
  }

  /** Release the slot on `iface` (net.slot.close); false when there is none. */
  async closeSlot(iface: string): Promise<boolean> {
    const slot = this.slots.get(checkedInterface(this.os.platform, iface));
    if (!slot) return false;
    await slot.release();
    return true;
  }

  /** Undo a slot: the rule, the table, the address, the card's sysctls as they were; idempotent. */
  async releaseSlot(slot: Slot): Promise<void> {
    if (slot.released) return;
    const reason = said('net.prompt.slotRemove', { address: slot.sourceAddress, iface: slot.interface });
    try {
      await this.undoSlot(slot.rec, reason);
    } catch (e) {
      slot.releasing = undefined;
      throw e;
    }
    slot.released = true;
    slot.removeExitHook();
    slot.removeLinkListener();
    if (this.slots.get(slot.interface) === slot) this.slots.delete(slot.interface);
    this.dropSlotRecord(slot.rec);
    this.emitSlot(slot, 'released');
  }

  /**
   * How a slot's commands run (decision 0120): for a user who is not root, all of them in ONE privileged run (one
   * permission prompt; Linux: the ip batch and then the sysctls in one `sh -c`). As root nothing is asked, and
   * they run as before: the ip lines as one `ip -batch`, the sysctl on its own.
   */
  private slotRuns(cmds: Argv[]): Argv[][] {
    if (cmds.length === 0) return [];
    if (!this.os.isRoot() || this.os.platform !== 'linux') return [cmds];
    const ip = cmds.filter((c) => c[0] === 'ip');
    const rest = cmds.filter((c) => c[0] !== 'ip');
    return [...(ip.length ? [ip] : []), ...rest.map((c) => [c])];
  }

  /** The undo of a slot as one privileged run (one prompt): the rule, table and address, then the card's sysctls as they were. */
  private slotUndoCommands(rec: SlotRecord): Argv[] {
    const plan = slotRoutePlan(this.os.platform, rec);
    const restore = rec.sysctlsSet ? slotSysctlRestore(rec.interface, rec.sysctlsBefore) : undefined;
    return [...plan.undo, ...(restore ? [restore] : [])];
  }

  private async undoSlot(rec: SlotRecord, reason: Words): Promise<void> {
    const cmds = this.slotUndoCommands(rec);
    if (cmds.length === 0) return;
    let r = { via: 'root' as Elevation, code: 0 as number | null, stdout: '', stderr: '' };
    for (const run of this.slotRuns(cmds)) {
      const one = await this.privileged(run, reason, { keepGoing: true });
      if (one.code !== 0 && r.code === 0) r = one;
      else if (one.code !== 0) r = { ...r, stderr: r.stderr + one.stderr };
    }
    // Nothing left to undo (already gone, or a card that is gone has no settings left) is no failure.
    if (r.code !== 0 && !/Cannot assign requested address|No such process|No such file or directory|not found|Cannot find device|FIB table does not exist|cannot stat/i.test(r.stderr)) {
      throw fault(
        'NET_SLOT_RELEASE_FAILED',
        { address: rec.sourceAddress, iface: rec.interface, commands: this.os.platform === 'linux' ? cmds.map((c) => this.typed(c)).join('; ') : 'none' },
        { details: `${r.via}: exit ${r.code} ${r.stderr.trim()}`.slice(0, 2000) },
      );
    }
  }

  /** While the process exits: synchronous, best effort, like releaseSync for leases. */
  private undoSlotSync(slot: Slot): void {
    if (slot.released) return;
    const order = elevationOrder(this.os.platform, this.os.isRoot(), (p) => this.os.which(p) !== undefined);
    const how = this.via ?? order[0];
    if (!how) return;
    for (const run of this.slotRuns(this.slotUndoCommands(slot.rec))) {
      const inv = elevate(this.os.platform, how, run, this.promptText(said('net.prompt.placeRemove')), { keepGoing: true, resolve: (p) => this.os.which(p) });
      this.os.execSync(inv.cmd, inv.args, { ...(inv.input !== undefined ? { input: inv.input } : {}), timeoutMs: how === 'root' ? 5000 : 120_000 });
    }
    slot.released = true;
    this.slots.delete(slot.interface);
    this.dropSlotRecord(slot.rec);
  }

  /** A record left by a process that is gone (crash, power cut) for this card: undo exactly it first. */
  private undoStaleSlots(iface: string): void {
    for (const rec of this.readSlotRecords()) {
      if (rec.interface !== iface || rec.pid === process.pid || pidAlive(rec.pid)) continue;
      const stale = new Slot(this, rec);
      this.undoSlotSync(stale);
    }
  }

  private readSlotRecords(): SlotRecord[] {
    if (!this.slotsFile) return [];
    try {
      const v = JSON.parse(fs.readFileSync(this.slotsFile, 'utf8')) as unknown;
      return Array.isArray(v) ? (v as SlotRecord[]).filter((r) => r && typeof r.interface === 'string' && typeof r.sourceAddress === 'string' && typeof r.table === 'number') : [];
    } catch {
      return [];
    }
  }

  private writeSlotRecords(list: SlotRecord[]): void {
    if (!this.slotsFile) return;
    fs.mkdirSync(path.dirname(this.slotsFile), { recursive: true });
    const tmp = `${this.slotsFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list, null, 2) + '\n');
    fs.renameSync(tmp, this.slotsFile);
  }

  private saveSlotRecord(rec: SlotRecord): void {
    this.writeSlotRecords([...this.readSlotRecords().filter((r) => r.interface !== rec.interface), rec]);
  }

  private dropSlotRecord(rec: SlotRecord): void {
    const list = this.readSlotRecords();
    const rest = list.filter((r) => !(r.interface === rec.interface && r.sourceAddress === rec.sourceAddress));
    if (rest.length !== list.length) this.writeSlotRecords(rest);
  }

  // ---------------------------------------------------------------- records

  private readRecords(): LeaseRecord[] {
    if (!this.leasesFile) return [];
    try {
      const v = JSON.parse(fs.readFileSync(this.leasesFile, 'utf8')) as unknown;
      return Array.isArray(v) ? (v as LeaseRecord[]).filter((r) => r && typeof r.interface === 'string' && typeof r.address === 'string' && Array.isArray(r.arp)) : [];
    } catch {
      return [];
    }
  }

  private writeRecords(list: LeaseRecord[]): void {
    if (!this.leasesFile) return;
    fs.mkdirSync(path.dirname(this.leasesFile), { recursive: true });
    const tmp = `${this.leasesFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list, null, 2) + '\n');
    fs.renameSync(tmp, this.leasesFile);
  }

  private saveRecord(rec: LeaseRecord): void {
    this.writeRecords([...this.readRecords().filter((r) => !(r.interface === rec.interface && r.address === rec.address)), rec]);
  }

  private dropRecord(rec: LeaseRecord): void {
    const list = this.readRecords();
    const rest = list.filter((r) => !(r.interface === rec.interface && r.address === rec.address));
    if (rest.length !== list.length) this.writeRecords(rest);
  }

  /** Release every lease that does not outlive the process, stop watching. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const errors: unknown[] = [];
    for (const l of [...this.active.values()]) {
      if (l.rec.keep) continue;
      await l.release().catch((e: unknown) => errors.push(e));
    }
    for (const l of this.active.values()) l.removeExitHook();
    for (const s of [...this.slots.values()]) await s.release().catch((e: unknown) => errors.push(e));
    if (errors.length > 0) throw errors[0];
  }

  /** For the service's tests: one poll, now. */
  async pollOnce(): Promise<void> {
    await this.tick();
  }
}
