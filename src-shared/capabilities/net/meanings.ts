/**
 * The plain meaning of each network check (ux-voice.md: what it is, what it means, what to do). Pure: the main
 * process gathers the facts, this turns them into findings the seller's step and the technician's table show.
 */
import type { DhcpStatus, Finding, NetInterface, ProbeResult } from './contract';
import { parseCidr } from './parsers';
import { english, knownId } from '../../i18n';

export interface CheckFacts {
  target: string;
  need?: string;
  subnet: string;
  /** The interface looked at (asked for, or found), and whether it exists. */
  iface?: NetInterface;
  askedInterface?: string;
  onInterface?: string;
  needOn?: string;
  /** Other interfaces with an address in the router's network (besides `onInterface`). */
  alsoInSubnet: string[];
  /** The router's address is one of this computer's own. */
  targetIsOurs?: string;
  probe?: ProbeResult;
  dhcp: DhcpStatus;
  /** No interface was asked for or found: the wired connections that have a link (none, or several to choose from). */
  cablesWithLink?: string[];
  /** A DHCP server is expected in recovery (most bootloaders have none). */
  dhcpExpected?: boolean;
}

type Values = Record<string, string | number>;

/** A finding in our words: its English from the catalogue (`net.find.<key>.title|meaning`), its ids and values beside. */
function said(id: Finding['id'], level: Finding['level'], key: string, values: Values = {}, meaningAsIs?: string, meaningAsIsMsg?: Finding['meaningMsg']): Finding {
  const tid = knownId(`net.find.${key}.title`)!;
  const mid = knownId(`net.find.${key}.meaning`)!;
  const v = Object.keys(values).length ? { values } : {};
  const out: Finding = { id, level, title: english(tid, values), meaning: meaningAsIs ?? english(mid, values), titleMsg: { id: tid, ...v } };
  if (meaningAsIs === undefined) out.meaningMsg = { id: mid, ...v };
  else if (meaningAsIsMsg) out.meaningMsg = meaningAsIsMsg;
  return out;
}

export function checkFindings(f: CheckFacts): Finding[] {
  const out: Finding[] = [];
  const need = f.need ? parseCidr(f.need) : undefined;
  const needIp = need?.ip;
  if (f.askedInterface && !f.iface) out.push(said('interface', 'bad', 'noSuchInterface', { name: f.askedInterface }));
  if (!f.iface && !f.askedInterface && f.cablesWithLink) {
    if (f.cablesWithLink.length === 0) out.push(said('carrier', 'warn', 'noCableLink'));
    else out.push(said('interface', 'info', 'severalLinks', { names: f.cablesWithLink.join(', ') }));
  }
  if (f.iface) {
    const i = f.iface;
    if (i.wireless) out.push(said('interface', 'warn', 'wifi', { name: i.name }));
    if (i.carrier === false) out.push(said('carrier', 'warn', 'linkDown', { name: i.name }));
    else if (i.carrier === true)
      out.push(said('carrier', 'ok', 'linkUp', { name: i.name, speed: i.speedMbps ? (i.speedMbps >= 1000 ? `${i.speedMbps / 1000} Gbit/s` : `${i.speedMbps} Mbit/s`) : 'none' }));
    if (i.managedBy === 'NetworkManager' && !/^unmanaged/.test(i.managerState ?? '')) out.push(said('manager', 'info', 'manager', { name: i.name }));
  }
  if (f.targetIsOurs) out.push(said('conflict', 'bad', 'targetOurs', { target: f.target, on: f.targetIsOurs }));
  if (needIp && f.needOn) out.push(said('address', 'ok', 'hasAddress', { ip: needIp, on: f.needOn }));
  else if (needIp) out.push(said('address', 'warn', 'noAddress', { ip: needIp }));
  if (f.onInterface) out.push(said('subnet', 'ok', 'inSubnet', { subnet: f.subnet, on: f.onInterface, target: f.target }));
  else out.push(said('subnet', needIp ? 'info' : 'warn', 'notInSubnet', { subnet: f.subnet, ip: needIp ?? 'none', target: f.target }));
  if (f.alsoInSubnet.length > 0) out.push(said('conflict', 'warn', 'alsoInSubnet', { names: f.alsoInSubnet.join(', '), subnet: f.subnet, count: f.alsoInSubnet.length }));
  if (f.probe) {
    const p = f.probe;
    if (p.answered) {
      const ports = Object.entries(p.tcp).filter(([, open]) => open).map(([port]) => port);
      const parts = [p.arpMac, p.icmp, ports.length > 0];
      const n = parts.filter(Boolean).length;
      out.push(
        said('target', 'info', 'answers', {
          target: f.target,
          mac: p.arpMac || 'none',
          ping: p.icmp ? 'yes' : 'no',
          ports: ports.length ? ports.join(', ') : 'none',
          // the "; " between the parts that are there
          sep1: p.arpMac && n > 1 ? 'yes' : 'no',
          sep2: p.icmp && ports.length > 0 ? 'yes' : 'no',
          any: n > 0 ? 'yes' : 'no',
        }),
      );
    } else out.push(said('target', 'info', 'nothingAnswers', { target: f.target }));
  } else if (!f.onInterface) out.push(said('target', 'info', 'notTried', { target: f.target, subnet: f.subnet }));
  const d = f.dhcp;
  if (d.state === 'present')
    out.push(said('dhcp', f.dhcpExpected === false ? 'info' : 'ok', 'dhcpPresent', { server: d.server || 'none', offered: d.offered || 'none', how: d.how === 'lease' ? 'lease' : 'other' }));
  else if (d.state === 'absent') out.push(said('dhcp', 'info', 'dhcpAbsent'));
  // the reason the check could not run: our words by their id (decision 0152), or the platform's as it said them
  else out.push(said('dhcp', 'info', 'dhcpUnknown', {}, d.note, d.noteMsg));
  return out;
}
