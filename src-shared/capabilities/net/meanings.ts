/**
 * The plain meaning of each network check (ux-voice.md: what it is, what it means, what to do). Pure: the main
 * process gathers the facts, this turns them into findings the seller's step and the technician's table show.
 */
import type { DhcpStatus, Finding, NetInterface, ProbeResult } from './contract';
import { parseCidr } from './parsers';

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

export function checkFindings(f: CheckFacts): Finding[] {
  const out: Finding[] = [];
  const need = f.need ? parseCidr(f.need) : undefined;
  const needIp = need?.ip;
  if (f.askedInterface && !f.iface)
    out.push({ id: 'interface', level: 'bad', title: `There is no network connection called ${f.askedInterface} on this computer.`, meaning: 'Pick the wired connection the router’s cable is plugged into from the list.' });
  if (!f.iface && !f.askedInterface && f.cablesWithLink) {
    if (f.cablesWithLink.length === 0)
      out.push({ id: 'carrier', level: 'warn', title: 'No cable connection of this computer has a link.', meaning: 'Plug the cable into a LAN port of the router and into this computer, and switch the router on.' });
    else
      out.push({ id: 'interface', level: 'info', title: `Several cable connections have a link (${f.cablesWithLink.join(', ')}).`, meaning: 'Say which one the router is on, or unplug and plug the router’s cable so Rescue Bench sees which one it is.' });
  }
  if (f.iface) {
    const i = f.iface;
    if (i.wireless)
      out.push({ id: 'interface', level: 'warn', title: `${i.name} is Wi-Fi.`, meaning: 'Router recovery needs a cable. Plug a network cable into a LAN port of the router and into this computer, and use that connection.' });
    if (i.carrier === false)
      out.push({
        id: 'carrier',
        level: 'warn',
        title: `No link on ${i.name}.`,
        meaning: 'Either the cable is not plugged in at both ends, or the router is switched off. A router in recovery mode usually shows the link only while it waits; check both plugs and that the router is on.',
      });
    else if (i.carrier === true)
      out.push({ id: 'carrier', level: 'ok', title: `${i.name} has a link${i.speedMbps ? ` (${i.speedMbps >= 1000 ? `${i.speedMbps / 1000} Gbit/s` : `${i.speedMbps} Mbit/s`})` : ''}.`, meaning: 'The cable is plugged in at both ends and the other end is switched on.' });
    if (i.managedBy === 'NetworkManager' && !/^unmanaged/.test(i.managerState ?? ''))
      out.push({
        id: 'manager',
        level: 'info',
        title: `NetworkManager looks after ${i.name}.`,
        meaning: 'When the router restarts, the link drops and NetworkManager would take a hand-set address away. While Rescue Bench sets the address, it asks NetworkManager to leave this connection alone, and gives it back afterwards.',
      });
  }
  if (f.targetIsOurs)
    out.push({
      id: 'conflict',
      level: 'bad',
      title: `${f.target} is this computer’s own address (on ${f.targetIsOurs}).`,
      meaning: `The router needs that address for itself. Remove ${f.target} from this computer’s ${f.targetIsOurs} connection, then check again.`,
    });
  if (needIp && f.needOn)
    out.push({ id: 'address', level: 'ok', title: `This computer has the address ${needIp} (on ${f.needOn}).`, meaning: 'That is the address the router looks for in recovery mode.' });
  else if (needIp)
    out.push({
      id: 'address',
      level: 'warn',
      title: `This computer does not have the address ${needIp} yet.`,
      meaning: `The router only talks to ${needIp} in recovery mode. Rescue Bench can set it for the time of the recovery; your computer will ask for permission.`,
    });
  if (f.onInterface)
    out.push({ id: 'subnet', level: 'ok', title: `This computer is in the router’s network ${f.subnet} on ${f.onInterface}.`, meaning: `It can reach ${f.target} directly over that cable.` });
  else
    out.push({
      id: 'subnet',
      level: needIp ? 'info' : 'warn',
      title: `This computer is not in the router’s network ${f.subnet}.`,
      meaning: needIp ? `Setting the address ${needIp} puts it there.` : `It cannot reach ${f.target} until it has an address in ${f.subnet}.`,
    });
  if (f.alsoInSubnet.length > 0)
    out.push({
      id: 'conflict',
      level: 'warn',
      title: `Another connection (${f.alsoInSubnet.join(', ')}) is also in ${f.subnet}.`,
      meaning: `This computer may send the router’s traffic out of the wrong connection. Disconnect ${f.alsoInSubnet.length === 1 ? 'it' : 'them'} (often Wi-Fi at home uses the same numbers) during the recovery.`,
    });
  if (f.probe) {
    const p = f.probe;
    if (p.answered) {
      const how = [p.arpMac ? `its hardware address is ${p.arpMac}` : '', p.icmp ? 'it answers ping' : '', Object.entries(p.tcp).filter(([, open]) => open).length ? `port ${Object.entries(p.tcp).filter(([, open]) => open).map(([port]) => port).join(', ')} open` : ''].filter(Boolean);
      out.push({
        id: 'target',
        level: 'info',
        title: `Something answers at ${f.target}${how.length ? ` (${how.join('; ')})` : ''}.`,
        meaning: 'That can be the router already waiting in recovery mode, the router running normally, or another device using that address. If the router is not switched on yet, another device has this address: unplug it from the cable.',
      });
    } else
      out.push({
        id: 'target',
        level: 'info',
        title: `Nothing answers at ${f.target} yet.`,
        meaning: 'That is normal until the router is in recovery mode (many recovery modes answer nothing at all, not even ping, until the file arrives).',
      });
  } else if (!f.onInterface)
    out.push({ id: 'target', level: 'info', title: `${f.target} was not tried.`, meaning: `This computer has no address in ${f.subnet} yet, so it would not reach the router directly. The check runs once the address is set.` });
  const d = f.dhcp;
  if (d.state === 'present')
    out.push({
      id: 'dhcp',
      level: f.dhcpExpected === false ? 'info' : 'ok',
      title: `A DHCP server answers on this cable${d.server ? ` (${d.server}${d.offered ? `, offering ${d.offered}` : ''})` : ''}.`,
      meaning:
        d.how === 'lease'
          ? 'This computer got its address from it: something on this cable hands out addresses, usually a router running normally (not in recovery mode).'
          : 'Something on this cable hands out addresses, usually a router running normally (not in recovery mode). Bootloader recovery modes have none.',
    });
  else if (d.state === 'absent')
    out.push({ id: 'dhcp', level: 'info', title: 'No DHCP server answered on this cable.', meaning: 'That is normal for a router in recovery mode: it gives out no addresses, which is why this computer needs a fixed one.' });
  else out.push({ id: 'dhcp', level: 'info', title: 'Whether a DHCP server is on this cable could not be checked.', meaning: d.note ?? 'This does not stop the recovery.' });
  return out;
}
