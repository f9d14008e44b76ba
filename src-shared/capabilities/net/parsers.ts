/**
 * Parsers of what the OS tools print about interfaces, neighbours and NetworkManager, and the DHCP packets of the
 * probe. Pure (no node: imports): the main process feeds them the tools' output; fuzzed in
 * test/shared/capabilities/net/. Nothing here throws on strange input: unknown shapes give empty results.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

export function ipToInt(a: string): number {
  const p = a.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
export function maskOf(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (~0 << (32 - bits)) >>> 0;
}

/** "192.168.0.66/24" → its parts, or undefined when it is not that shape. */
export function parseCidr(s: string): { ip: string; prefix: number; network: string; netmask: string; broadcast: string } | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s);
  if (!m || !isIpv4(m[1]!)) return undefined;
  const prefix = Number(m[2]);
  if (prefix < 1 || prefix > 32) return undefined;
  const mask = maskOf(prefix);
  const ipn = ipToInt(m[1]!);
  return { ip: m[1]!, prefix, network: intToIp((ipn & mask) >>> 0), netmask: intToIp(mask), broadcast: intToIp(((ipn & mask) | (~mask >>> 0)) >>> 0) };
}

export function sameSubnet(a: string, b: string, prefix: number): boolean {
  if (!isIpv4(a) || !isIpv4(b)) return false;
  const mask = maskOf(prefix);
  return ((ipToInt(a) & mask) >>> 0) === ((ipToInt(b) & mask) >>> 0);
}

/** A MAC in lower-case colon form, or undefined: accepts 00:11:22:33:44:55, 00-11-22-33-44-55 and macOS's 0:11:2:33:44:55. */
export function normalMac(s: string): string | undefined {
  const parts = s.trim().split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

export interface IpLink {
  name: string;
  mac: string;
  flags: string[];
  operstate: string;
  linkType: string;
  /** IPv4 addresses with prefix, and whether each is "dynamic" (from DHCP). */
  addresses: { cidr: string; dynamic: boolean }[];
}

/** `ip -j addr show` (iproute2 JSON). */
export function parseIpAddrJson(text: string): IpLink[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: IpLink[] = [];
  for (const raw of parsed) {
    if (!raw || typeof raw !== 'object') continue;
    const l = raw as Record<string, unknown>;
    if (typeof l.ifname !== 'string' || l.ifname.length === 0) continue;
    const flags = Array.isArray(l.flags) ? l.flags.filter((f): f is string => typeof f === 'string') : [];
    const addresses: IpLink['addresses'] = [];
    for (const a of Array.isArray(l.addr_info) ? l.addr_info : []) {
      if (!a || typeof a !== 'object') continue;
      const ai = a as Record<string, unknown>;
      if (ai.family !== 'inet' || typeof ai.local !== 'string' || !isIpv4(ai.local)) continue;
      const bits = typeof ai.prefixlen === 'number' && Number.isInteger(ai.prefixlen) && ai.prefixlen >= 0 && ai.prefixlen <= 32 ? ai.prefixlen : 32;
      addresses.push({ cidr: `${ai.local}/${bits}`, dynamic: ai.dynamic === true });
    }
    // A veth's name as seen from inside a namespace may carry "@ifN" in older iproute2 text output; JSON has link separately.
    out.push({
      name: l.ifname,
      mac: typeof l.address === 'string' ? l.address : '',
      flags,
      operstate: typeof l.operstate === 'string' ? l.operstate : 'UNKNOWN',
      linkType: typeof l.link_type === 'string' ? l.link_type : '',
      addresses,
    });
  }
  return out;
}

/**
 * `nmcli -t -f DEVICE,STATE device`: "eth0:connected". In terse mode nmcli escapes ':' and '\' inside values
 * with a backslash. A state may carry words in brackets ("connected (externally)").
 */
export function parseNmcliDevices(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const fields: string[] = [];
    let cur = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\' && i + 1 < line.length) {
        cur += line[++i];
      } else if (c === ':') {
        fields.push(cur);
        cur = '';
      } else cur += c;
    }
    fields.push(cur);
    if (fields.length !== 2 || !fields[0] || !fields[1]) continue;
    out.set(fields[0], fields[1]);
  }
  return out;
}

/** NetworkManager states in which it does not touch the device. */
export function nmLeavesAlone(state: string | undefined): boolean {
  return state === undefined || state.startsWith('unmanaged');
}

export interface Neighbour {
  ip: string;
  mac?: string;
  dev?: string;
  /** REACHABLE, STALE, DELAY, PROBE, FAILED, INCOMPLETE, PERMANENT, NOARP (Linux); "permanent" or "" elsewhere. */
  state: string;
  /** Seconds since the neighbour last confirmed its address (Linux `ip -s neigh`: whole seconds, rounded down). */
  confirmedAgoS?: number;
}

/** `ip -j neigh show ...` */
export function parseIpNeighJson(text: string): Neighbour[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: Neighbour[] = [];
  for (const raw of parsed) {
    if (!raw || typeof raw !== 'object') continue;
    const n = raw as Record<string, unknown>;
    if (typeof n.dst !== 'string' || !isIpv4(n.dst)) continue;
    const mac = typeof n.lladdr === 'string' ? normalMac(n.lladdr) : undefined;
    const state = Array.isArray(n.state) ? n.state.filter((s): s is string => typeof s === 'string').join(',') : typeof n.state === 'string' ? n.state : '';
    const confirmed = typeof n.confirmed === 'number' && Number.isFinite(n.confirmed) && n.confirmed >= 0 ? n.confirmed : undefined;
    out.push({ ip: n.dst, ...(mac ? { mac } : {}), ...(typeof n.dev === 'string' ? { dev: n.dev } : {}), state, ...(confirmed !== undefined ? { confirmedAgoS: confirmed } : {}) });
  }
  return out;
}

/** A neighbour entry that says the host answered (or was set by hand), i.e. its MAC is real. */
export function neighbourAnswered(n: Neighbour): boolean {
  return n.mac !== undefined && !/FAILED|INCOMPLETE/.test(n.state);
}

/**
 * A neighbour entry that says the host answered AFTER `since` (ms): the table keeps an entry from before a router
 * restarted, which says nothing about the router now. Only an age the OS gives counts (Linux `ip -s neigh`,
 * whole seconds rounded down, so the earliest the confirmation can have been is ago+1 s before `now`); a
 * hand-set (PERMANENT) entry never answers anything.
 */
export function neighbourAnsweredSince(n: Neighbour, since: number, now: number): boolean {
  if (!neighbourAnswered(n) || /PERMANENT|NOARP/.test(n.state) || n.confirmedAgoS === undefined) return false;
  return now - (n.confirmedAgoS + 1) * 1000 >= since;
}

/** macOS `arp -n IP` / `arp -an`: "? (192.168.0.1) at 0:11:22:33:44:55 on en0 ifscope [ethernet]", or "(incomplete)". */
export function parseBsdArp(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /\((\d+\.\d+\.\d+\.\d+)\) at (\S+)(?: on (\S+))?(.*)$/.exec(line);
    if (!m || !isIpv4(m[1]!)) continue;
    const mac = normalMac(m[2]!);
    out.push({ ip: m[1]!, ...(mac ? { mac } : {}), ...(m[3] ? { dev: m[3] } : {}), state: mac ? (/permanent/.test(m[4] ?? '') ? 'PERMANENT' : 'REACHABLE') : 'INCOMPLETE' });
  }
  return out;
}

/** Windows `arp -a [IP]`: "  192.168.0.1           00-11-22-33-44-55     dynamic" under "Interface: 192.168.0.66 --- 0x7". */
export function parseWindowsArp(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  let dev: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const itf = /^\S.*?:\s+(\d+\.\d+\.\d+\.\d+)\s+---/.exec(line);
    if (itf) {
      dev = itf[1];
      continue;
    }
    const m = /^\s+(\d+\.\d+\.\d+\.\d+)\s+([0-9a-fA-F-]{17})\s+(\S+)/.exec(line);
    if (!m || !isIpv4(m[1]!)) continue;
    const mac = normalMac(m[2]!);
    if (!mac || mac === 'ff:ff:ff:ff:ff:ff') continue;
    out.push({ ip: m[1]!, mac, ...(dev ? { dev } : {}), state: /static/i.test(m[3]!) ? 'PERMANENT' : 'REACHABLE' });
  }
  return out;
}

// ---- DHCP (RFC 2131/2132): just enough to ask "is there a server?" ----

export const DHCP_MAGIC = 0x63825363;

/** A DHCPDISCOVER with the broadcast flag set (so the server's OFFER is broadcast and reaches a socket bound to 0.0.0.0:68). */
export function buildDhcpDiscover(xid: number, mac: string): Uint8Array {
  const p = new Uint8Array(300);
  const v = new DataView(p.buffer);
  p[0] = 1; // BOOTREQUEST
  p[1] = 1; // Ethernet
  p[2] = 6;
  v.setUint32(4, xid >>> 0);
  v.setUint16(10, 0x8000); // broadcast flag
  const hw = (normalMac(mac) ?? '02:00:00:00:00:00').split(':').map((x) => parseInt(x, 16));
  p.set(hw, 28);
  v.setUint32(236, DHCP_MAGIC);
  let o = 240;
  p.set([53, 1, 1], o); // DHCPDISCOVER
  o += 3;
  p.set([55, 3, 1, 3, 6], o); // ask for subnet mask, router, DNS
  o += 5;
  p[o] = 255;
  return p;
}

export interface DhcpReply {
  xid: number;
  /** 2 OFFER, 5 ACK, 6 NAK, ... */
  type: number;
  yiaddr: string;
  /** Option 54 (server identifier), else siaddr. */
  server?: string;
}

/** A BOOTREPLY from a DHCP server, or undefined for anything else. */
export function parseDhcpReply(buf: Uint8Array): DhcpReply | undefined {
  if (buf.length < 241 || buf[0] !== 2) return undefined;
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (v.getUint32(236) !== DHCP_MAGIC) return undefined;
  const ip = (o: number): string => `${buf[o]}.${buf[o + 1]}.${buf[o + 2]}.${buf[o + 3]}`;
  let type = 0;
  let server: string | undefined;
  let o = 240;
  while (o < buf.length) {
    const code = buf[o]!;
    if (code === 255) break;
    if (code === 0) {
      o++;
      continue;
    }
    if (o + 1 >= buf.length) break;
    const len = buf[o + 1]!;
    if (o + 2 + len > buf.length) break;
    if (code === 53 && len >= 1) type = buf[o + 2]!;
    if (code === 54 && len === 4) server = ip(o + 2);
    o += 2 + len;
  }
  if (type === 0) return undefined;
  const siaddr = ip(20);
  return { xid: v.getUint32(4), type, yiaddr: ip(16), ...(server ? { server } : siaddr !== '0.0.0.0' ? { server: siaddr } : {}) };
}

// ---- macOS and Windows interface lists (written from their documentation and sample output; untested there) ----

export interface OsLink {
  name: string;
  mac: string;
  up: boolean;
  carrier: boolean | null;
  speedMbps?: number;
  loopback: boolean;
  wireless: boolean;
  virtual: boolean;
  addresses: { cidr: string; dynamic: boolean }[];
}

/** "(1000baseT <full-duplex>)" → 1000; "10Gbase-T" → 10000; "100baseTX" → 100. */
function mediaSpeed(media: string): number | undefined {
  const m = /\((\d+)(G?)base/i.exec(media) ?? /\b(\d+)(G?)base/i.exec(media);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

/** `networksetup -listallhardwareports`: device → hardware port name ("Wi-Fi", "Ethernet", "Thunderbolt Bridge", "USB 10/100/1000 LAN"). */
export function parseHardwarePorts(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let port: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const p = /^Hardware Port:\s*(.+)$/.exec(line);
    if (p) port = p[1]!.trim();
    const d = /^Device:\s*(\S+)/.exec(line);
    if (d && port !== undefined) out.set(d[1]!, port);
  }
  return out;
}

/** macOS `ifconfig -a`. `ports` from parseHardwarePorts says which are Wi-Fi and which are real hardware. */
export function parseIfconfig(text: string, ports: Map<string, string> = new Map()): OsLink[] {
  const out: OsLink[] = [];
  let cur: (OsLink & { flags: string[]; status?: string }) | undefined;
  const finish = (): void => {
    if (!cur) return;
    const port = ports.get(cur.name);
    cur.wireless = port !== undefined && /wi-?fi|airport/i.test(port);
    cur.virtual = !cur.loopback && (port === undefined || /bridge/i.test(port));
    cur.up = cur.flags.includes('UP');
    cur.carrier = cur.status === 'active' ? true : cur.status === 'inactive' ? false : cur.loopback ? true : null;
    if (!cur.carrier) delete cur.speedMbps;
    const { flags: _f, status: _s, ...link } = cur;
    out.push(link);
    cur = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    const head = /^([A-Za-z][\w.]*): flags=[0-9a-fA-F]+<([^>]*)>/.exec(line);
    if (head) {
      finish();
      const flags = head[2]!.split(',').filter(Boolean);
      cur = { name: head[1]!, mac: '', up: false, carrier: null, loopback: flags.includes('LOOPBACK'), wireless: false, virtual: false, addresses: [], flags };
      continue;
    }
    if (!cur) continue;
    const ether = /^\s+ether\s+(\S+)/.exec(line);
    if (ether) cur.mac = normalMac(ether[1]!) ?? '';
    const inet = /^\s+inet\s+(\d+\.\d+\.\d+\.\d+)\s+netmask\s+0x([0-9a-fA-F]{8})/.exec(line);
    if (inet && isIpv4(inet[1]!)) {
      const bits = (parseInt(inet[2]!, 16) >>> 0).toString(2).replace(/0/g, '').length;
      cur.addresses.push({ cidr: `${inet[1]}/${bits}`, dynamic: false });
    }
    const media = /^\s+media:\s+(.*)$/.exec(line);
    if (media) {
      const sp = mediaSpeed(media[1]!);
      if (sp) cur.speedMbps = sp;
    }
    const status = /^\s+status:\s+(\w+)/.exec(line);
    if (status) cur.status = status[1]!;
  }
  finish();
  return out;
}

/** The PowerShell that lists adapters and IPv4 addresses as one JSON object (enums turned into their names). */
export const WINDOWS_LIST_SCRIPT =
  "$a = @(Get-NetAdapter -IncludeHidden:$false | Select-Object Name, MacAddress, @{n='Status';e={\"$($_.Status)\"}}, LinkSpeed, PhysicalMediaType, Virtual, HardwareInterface); " +
  "$i = @(Get-NetIPAddress -AddressFamily IPv4 | Select-Object InterfaceAlias, IPAddress, PrefixLength, @{n='Origin';e={\"$($_.PrefixOrigin)\"}}); " +
  '@{ adapters = $a; addresses = $i } | ConvertTo-Json -Depth 4 -Compress';

/** "1 Gbps" → 1000, "100 Mbps" → 100, "2.5 Gbps" → 2500. */
function windowsSpeed(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^([\d.]+)\s*([KMG])bps$/i.exec(s.trim());
  if (!m) return undefined;
  const v = Number(m[1]) * ({ K: 0.001, M: 1, G: 1000 } as Record<string, number>)[m[2]!.toUpperCase()]!;
  return v >= 1 ? Math.round(v) : undefined;
}

/** The output of WINDOWS_LIST_SCRIPT. A single adapter may come as an object instead of an array (ConvertTo-Json). */
export function parseWindowsList(text: string): OsLink[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
  const p = parsed as Record<string, unknown>;
  const addrs = arr(p.addresses);
  const out: OsLink[] = [];
  for (const a of arr(p.adapters)) {
    if (typeof a.Name !== 'string' || !a.Name) continue;
    // a field that is not a string (an object, even one with a broken toString) reads as empty, never throws
    const status = typeof a.Status === 'string' ? a.Status : '';
    const media = typeof a.PhysicalMediaType === 'string' ? a.PhysicalMediaType : '';
    const carrier = status === 'Up' ? true : status === 'Disconnected' ? false : null;
    const speed = carrier ? windowsSpeed(a.LinkSpeed) : undefined;
    out.push({
      name: a.Name,
      mac: typeof a.MacAddress === 'string' ? (normalMac(a.MacAddress) ?? '') : '',
      up: status !== 'Disabled' && status !== 'Not Present',
      carrier,
      ...(speed ? { speedMbps: speed } : {}),
      loopback: false,
      wireless: /802\.11|wireless/i.test(media),
      virtual: a.Virtual === true || a.HardwareInterface === false,
      addresses: addrs
        .filter((x) => x.InterfaceAlias === a.Name && typeof x.IPAddress === 'string' && isIpv4(x.IPAddress) && typeof x.PrefixLength === 'number')
        .map((x) => ({ cidr: `${x.IPAddress}/${x.PrefixLength}`, dynamic: typeof x.Origin === 'string' && /dhcp/i.test(x.Origin) })),
    });
  }
  return out;
}
