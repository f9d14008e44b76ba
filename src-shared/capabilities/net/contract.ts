import { z } from 'zod';
import { command, event, Empty, Ipv4Schema, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

/** "192.168.0.66/24": an IPv4 address with its prefix length (1–32). */
export const CidrSchema = z.string().regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/([1-9]|[12]\d|3[0-2])$/, 'an address with its prefix, like 192.168.0.66/24');
/** An interface name as the OS shows it (checked again by the platform's allow-list before it goes into a command). */
export const InterfaceNameSchema = z.string().min(1).max(256);

export const NetInterfaceSchema = z.object({
  name: z.string(),
  mac: z.string(),
  /** Ethernet (a cable), not Wi-Fi, not loopback. Virtual Ethernet (veth, bridges) counts: `virtual` says which. */
  wired: z.boolean(),
  wireless: z.boolean(),
  /** No hardware behind it (veth, bridge, tunnel, loopback). */
  virtual: z.boolean(),
  loopback: z.boolean(),
  /** Switched on by this computer (administratively up). */
  up: z.boolean(),
  /** Something is plugged in and switched on at the other end; null when the OS cannot say. */
  carrier: z.boolean().nullable(),
  speedMbps: z.number().int().positive().optional(),
  /** IPv4 addresses with prefix, e.g. "192.168.0.66/24". */
  addresses: z.array(z.string()),
  /** Of `addresses`, those a DHCP server handed out (Linux: the kernel's "dynamic" flag). */
  dynamic: z.array(z.string()),
  /** The program that configures this interface, when one does (it may take a manually set address away). */
  managedBy: z.enum(['NetworkManager']).optional(),
  /** NetworkManager's own word for the device's state ("connected", "unavailable", "unmanaged", ...). */
  managerState: z.string().optional(),
});
export type NetInterface = z.infer<typeof NetInterfaceSchema>;

export const FindingSchema = z.object({
  id: z.enum(['interface', 'carrier', 'subnet', 'address', 'conflict', 'target', 'dhcp', 'manager']),
  /** ok: as it should be; info: worth knowing, not a problem; warn: will likely break the recovery; bad: it cannot work like this. */
  level: z.enum(['ok', 'info', 'warn', 'bad']),
  /** What was found, in one sentence. */
  title: z.string(),
  /** What it means for the recovery, and what to do when something is to be done. */
  meaning: z.string(),
  /** The title's and the meaning's catalogue ids and values (decision 0138): the screen says them in its language. */
  titleMsg: SaidMessageSchema.optional(),
  meaningMsg: SaidMessageSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ProbeResultSchema = z.object({
  /** The hardware address the neighbour table holds for the target (it answered ARP), when it does. */
  arpMac: z.string().optional(),
  icmp: z.boolean(),
  /** Port → open (a connection was accepted). */
  tcp: z.record(z.string(), z.boolean()),
  /** Ports that refused the connection: something is at the address, but no program listens there. */
  tcpRefused: z.array(z.number().int()),
  /** Anything at all answered (ARP, ping, a TCP accept or refusal). */
  answered: z.boolean(),
  /**
   * Asked for answers since a moment (`freshSince`): the neighbour table had an entry for the target that was not
   * confirmed since then (or the OS does not say when), so it was not counted — it may be from before a restart.
   */
  arpStale: z.boolean().optional(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const DhcpStatusSchema = z.object({
  state: z.enum(['present', 'absent', 'unknown']),
  /** How it was found: our own DHCPDISCOVER, or this computer's address having come from a DHCP server, or not at all. */
  how: z.enum(['probe', 'lease', 'none']),
  server: z.string().optional(),
  offered: z.string().optional(),
  /** Why it could not be checked, in plain words (state unknown). */
  note: z.string().optional(),
  /** The note as catalogue id + values when the words are ours (decision 0152); absent for the platform's own words. */
  noteMsg: SaidMessageSchema.optional(),
});
export type DhcpStatus = z.infer<typeof DhcpStatusSchema>;

export const NetCheckRequestSchema = z.object({
  /** The router's address (in recovery mode). */
  target: Ipv4Schema,
  /** The address this computer must have for the recovery, e.g. "192.168.0.66/24". */
  need: CidrSchema.optional(),
  interface: InterfaceNameSchema.optional(),
  tcpPorts: z.array(z.number().int().min(1).max(65535)).max(8).optional(),
  /** Look for a DHCP server on the link (default true). */
  dhcp: z.boolean().optional(),
});
export type NetCheckRequest = z.infer<typeof NetCheckRequestSchema>;

export const NetCheckSchema = z.object({
  target: z.string(),
  need: z.string().optional(),
  /** The network the router is in, e.g. "192.168.0.0/24". */
  subnet: z.string(),
  /** The interface the check looked at: the one asked for, or the one in the router's network, or the only cable. */
  interface: z.string().optional(),
  /** This computer has an address in the router's network (and on which interface). */
  inSubnet: z.boolean(),
  onInterface: z.string().optional(),
  /** The needed address is set (on which interface). */
  hasNeed: z.boolean(),
  needOn: z.string().optional(),
  carrier: z.boolean().nullable().optional(),
  probe: ProbeResultSchema.optional(),
  dhcp: DhcpStatusSchema,
  findings: z.array(FindingSchema),
  /** Nothing stands in the way of the recovery's network step. */
  ready: z.boolean(),
  at: z.number(),
});
export type NetCheck = z.infer<typeof NetCheckSchema>;

export const NetLeaseInfoSchema = z.object({
  interface: z.string(),
  address: z.string(),
  /** We added the address (false: it was there already and stays when the lease ends). */
  added: z.boolean(),
  /** NetworkManager was told to leave the interface alone and will get it back. */
  unmanaged: z.boolean(),
  arp: z.array(z.object({ ip: z.string(), mac: z.string() })),
  state: z.enum(['active', 'lost', 'released']),
  /** Times the address was put back after it disappeared (link flaps). */
  readded: z.number().int().nonnegative(),
  /** How the OS gave permission: root, pkexec, sudo, osascript (macOS), uac (Windows), or none needed. */
  via: z.string(),
  since: z.number(),
  /** The lease outlives this process (CLI `net address add`); `net address remove` ends it. */
  keep: z.boolean(),
  error: RbErrorSchema.optional(),
});
export type NetLeaseInfo = z.infer<typeof NetLeaseInfoSchema>;

export const NetLinkEventSchema = z.object({
  interface: z.string(),
  carrier: z.boolean().nullable(),
  up: z.boolean(),
  at: z.number(),
});
export type NetLinkEvent = z.infer<typeof NetLinkEventSchema>;

/** A router's place on a station: its card and this computer's own address on the router's subnet through it (issue 17, decision 0110). */
export const NetSlotInfoSchema = z.object({
  interface: z.string(),
  sourceAddress: z.string(),
  routerIp: z.string(),
  /** Linux: the routing table that holds the card's route. */
  table: z.number().int().optional(),
  carrier: z.boolean().nullable(),
});
export type NetSlotInfo = z.infer<typeof NetSlotInfoSchema>;

export const NetSlotEventSchema = z.object({
  interface: z.string(),
  sourceAddress: z.string(),
  routerIp: z.string(),
  /** ready: set up (or the link came back); no-carrier: the card lost its link; released: undone. */
  state: z.enum(['ready', 'no-carrier', 'released']),
  at: z.number(),
});
export type NetSlotEvent = z.infer<typeof NetSlotEventSchema>;

export const netCommands = {
  'net.list': command(
    "This computer's network interfaces: cable, link, speed, addresses, who manages them; link changes then arrive as net.link events for a while",
    Empty,
    z.object({ interfaces: z.array(NetInterfaceSchema), platform: z.string(), networkManager: z.enum(['running', 'absent']), note: z.string().optional() }),
  ),
  'net.check': command('Check the network for a recovery: the router’s network, the address this computer needs, what answers, a DHCP server', NetCheckRequestSchema, NetCheckSchema),
  'net.which-cable': command(
    'Wait for a cable to be plugged in (or the router switched on) and say which interface it is',
    z.object({ timeoutMs: z.number().int().min(1000).max(600_000).default(60_000) }),
    z.object({ interface: z.string() }),
  ),
  'net.address.add': command(
    'Give an interface a temporary address through the OS’s permission prompt (NetworkManager leaves it alone meanwhile)',
    z.object({ interface: InterfaceNameSchema, address: CidrSchema, reason: z.string().min(1).max(300).optional(), keep: z.boolean().default(false) }),
    NetLeaseInfoSchema,
  ),
  'net.address.remove': command(
    'Remove an address Rescue Bench added (never one it did not add) and give the interface back to NetworkManager',
    z.object({ interface: InterfaceNameSchema, address: CidrSchema }),
    NetLeaseInfoSchema,
  ),
  'net.arp.add': command(
    'Add a permanent neighbour (ARP) entry on an interface whose address Rescue Bench set; removed with the address',
    z.object({ interface: InterfaceNameSchema, address: CidrSchema, ip: Ipv4Schema, mac: z.string().regex(/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/, 'a hardware address like 00:11:22:33:44:55') }),
    NetLeaseInfoSchema,
  ),
  'net.leases': command('Addresses Rescue Bench set and has not removed yet', Empty, z.object({ leases: z.array(NetLeaseInfoSchema) })),
  'net.slot.open': command(
    'Give a card its own address on the router’s network and route that address through the card only, so several routers at one address can be reached side by side',
    z.object({ interface: InterfaceNameSchema, routerIp: Ipv4Schema.default('192.168.1.1'), prefix: z.number().int().min(16).max(26).default(24) }),
    NetSlotInfoSchema,
  ),
  'net.slot.close': command('Undo a card’s router place: its route, address and settings', z.object({ interface: InterfaceNameSchema }), z.object({ released: z.boolean() })),
  'net.slots': command('The cards that have a router place now', Empty, z.object({ slots: z.array(NetSlotInfoSchema) })),
};

export const netEvents = {
  'net.link': event('An interface’s link changed: a cable plugged in or out, the router switched on or off', NetLinkEventSchema),
  'net.lease': event('An address Rescue Bench set was added, lost, put back or removed', NetLeaseInfoSchema),
  'net.slot': event('A router place on a card was set up, lost its link, got it back, or was undone', NetSlotEventSchema),
};
