/**
 * Which router answered at an address: its hardware (MAC) address from this computer's neighbour (ARP) table,
 * looked up on the card that holds our source address. On a station (issue 17) every router is 192.168.1.1, so
 * the MAC is what tells them apart: remembered SSH host keys are keyed by it (session/known-hosts.ts).
 * Linux: the kernel's ARP table, /proc/net/arp (no child process: see lookupRouterMac), else `ip -j neigh show
 * to IP dev CARD` (verified in the station namespaces). macOS: `arp -a -n -i CARD`
 * (arp(8)); Windows: `arp -a IP -N SOURCE` (the table of the adapter with that address) — both written from their
 * documentation, UNVERIFIED. No permission is needed anywhere.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs';
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
 * Linux's /proc/net/arp ("IP address  HW type  Flags  HW address  Mask  Device", hex flags): the MAC that answered
 * for `ip` on `card` (on any card when none is given), the same rule as oneRouterMac: a completed entry (ATF_COM,
 * 0x2) that is not hand-set (ATF_PERM, 0x4), and only when exactly one MAC answered. Undefined also for a text
 * that is not that table.
 */
export function procArpRouterMac(text: string, ip: string, card?: string): string | undefined {
  const lines = text.split('\n');
  if (!/^IP address\s+HW type\s+Flags\s+HW address\s+Mask\s+Device/.test(lines[0] ?? '')) return undefined;
  const macs = new Set<string>();
  for (const line of lines.slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || f[0] !== ip || (card !== undefined && f[5] !== card)) continue;
    const flags = parseInt(f[2]!, 16);
    if (!(flags & 0x2) || flags & 0x4 || !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(f[3]!) || f[3] === '00:00:00:00:00:00') continue;
    macs.add(f[3]!.toLowerCase());
  }
  return macs.size === 1 ? [...macs][0] : undefined;
}

/**
 * The MAC of whatever answered at `ip` on the card holding `localAddress` (after a connection the entry is
 * fresh). Without a local address: only when exactly one card knows `ip`. Never throws.
 * On Linux this reads /proc/net/arp instead of running `ip`: every SSH login looks its router up, and starting a
 * child process forks this (large) process — page tables copied, then every page it writes next faults once —
 * which cost more main-thread time per login than the login itself on an eight-router station (decision 0125).
 * `ip` stays the fallback when the table cannot be read (no /proc).
 */
export function lookupRouterMac(ip: string, localAddress?: string, platform: PlatformName = currentPlatform()): Promise<string | undefined> {
  const card = cardOf(localAddress);
  const cmd = neighbourOnCardCommand(platform, ip, card, localAddress);
  if (!cmd) return Promise.resolve(undefined);
  const viaCommand = (): Promise<string | undefined> =>
    new Promise((resolve) => {
      execFile(cmd[0], cmd.slice(1), { timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : oneRouterMac(platform, ip, String(stdout))));
    });
  if (platform !== 'linux') return viaCommand();
  return new Promise((resolve) => {
    readFile('/proc/net/arp', 'utf8', (err, text) => {
      if (err || !/^IP address/.test(text)) return void viaCommand().then(resolve);
      resolve(procArpRouterMac(text, ip, card));
    });
  });
}
