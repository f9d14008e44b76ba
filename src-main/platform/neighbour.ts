/**
 * Which router answered at an address: its hardware (MAC) address from this computer's neighbour (ARP) table,
 * looked up on the card that holds our source address. On a station (issue 17) every router is 192.168.1.1, so
 * the MAC is what tells them apart: remembered SSH host keys are keyed by it (session/known-hosts.ts).
 * Linux: `ip -j neigh show to IP dev CARD` (verified in the station namespaces). macOS: `arp -a -n -i CARD`
 * (arp(8)); Windows: `arp -a IP -N SOURCE` (the table of the adapter with that address) — both written from their
 * documentation, UNVERIFIED. No permission is needed anywhere.
 */
import { execFile } from 'node:child_process';
import { isIpv4, neighbourAnswered, parseBsdArp, parseIpNeighJson, parseWindowsArp, type Neighbour } from '../../src-shared/capabilities/net';
import { currentPlatform, type PlatformName } from './host';
import { listIpv4Interfaces } from './network';
import type { Argv } from './net-commands';
import { safeInterfaceName } from './privilege';

/** The command that lists the neighbour entry for `ip` on the card `iface` (or on every card); `source`: our address on it (Windows). */
export function neighbourOnCardCommand(platform: PlatformName, ip: string, iface?: string, source?: string): Argv | undefined {
  if (!isIpv4(ip)) return undefined;
  const name = iface !== undefined ? safeInterfaceName(platform, iface) : undefined;
  if (iface !== undefined && name === undefined) return undefined;
  if (platform === 'win32') return ['arp', '-a', ip, ...(source && isIpv4(source) ? ['-N', source] : [])];
  if (platform === 'darwin') return name ? ['/usr/sbin/arp', '-a', '-n', '-i', name] : ['/usr/sbin/arp', '-n', ip];
  return ['ip', '-j', 'neigh', 'show', 'to', ip, ...(name ? ['dev', name] : [])];
}

/** The one MAC that answered for `ip` in a neighbour listing; undefined when none or when several cards disagree. */
export function oneRouterMac(platform: PlatformName, ip: string, text: string): string | undefined {
  const list: Neighbour[] = platform === 'linux' ? parseIpNeighJson(text) : platform === 'darwin' ? parseBsdArp(text) : parseWindowsArp(text);
  const macs = new Set(list.filter((n) => n.ip === ip && neighbourAnswered(n) && !/PERMANENT|NOARP/.test(n.state)).map((n) => n.mac!));
  return macs.size === 1 ? [...macs][0] : undefined;
}

/** The card that holds `localAddress` on this computer, if any. */
export function cardOf(localAddress: string | undefined): string | undefined {
  if (!localAddress) return undefined;
  return listIpv4Interfaces().find((i) => i.address === localAddress && !i.internal)?.name;
}

/**
 * The MAC of whatever answered at `ip` on the card holding `localAddress` (after a connection the entry is
 * fresh). Without a local address: only when exactly one card knows `ip`. Never throws.
 */
export function lookupRouterMac(ip: string, localAddress?: string, platform: PlatformName = currentPlatform()): Promise<string | undefined> {
  const cmd = neighbourOnCardCommand(platform, ip, cardOf(localAddress), localAddress);
  if (!cmd) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(cmd[0], cmd.slice(1), { timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : oneRouterMac(platform, ip, String(stdout))));
  });
}
