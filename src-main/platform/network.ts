/**
 * This computer's network interfaces and how UDP sockets must be bound on this OS: which addresses it has (also on
 * cables without a link yet), where a socket hears broadcasts, and whether two sockets may share a port.
 */
import os from 'node:os';
import type { HostInterface } from '../../src-shared/capabilities/app';
import { currentPlatform, type PlatformName } from './host';
import { broadcastOf, intToIpv4, prefixLength, prefixMask } from './ipv4';

export function listIpv4Interfaces(): HostInterface[] {
  const out: HostInterface[] = [];
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4') continue;
      out.push({ name, address: a.address, netmask: a.netmask, cidr: a.cidr ?? `${a.address}/${prefixLength(a.netmask)}`, mac: a.mac, internal: a.internal });
    }
  }
  return out;
}

/**
 * Which local addresses a UDP socket must bind so that it hears broadcasts arriving on the interface that
 * owns `address`. Linux and macOS (BSD sockets) deliver a broadcast only to sockets bound to the wildcard
 * or to the broadcast address itself, so we bind both the unicast and the directed-broadcast address.
 * Windows delivers broadcasts to a socket bound to the interface's unicast address and refuses to bind a
 * broadcast address, so one socket is right there.
 */
export function broadcastListenAddresses(address: string, interfaces: HostInterface[], platform: PlatformName = currentPlatform()): string[] {
  if (address === '0.0.0.0') return ['0.0.0.0'];
  if (platform === 'win32') return [address];
  const itf = interfaces.find((i) => i.address === address);
  if (!itf) return [address];
  const bcast = broadcastOf(itf.address, itf.netmask);
  return bcast === address ? [address] : [address, bcast];
}

/**
 * Whether a connected UDP socket and an unconnected one may share a local port (both with reuseAddr) such that
 * the connected one still gets every datagram from its peer and the unconnected one gets the rest. The TFTP
 * server uses that to answer a stray packet to a transfer's port with ERROR 5 (decision 0012). Linux scores the
 * connected socket higher for its peer (verified by test/integration/tftp-hostile.test.ts). On Windows,
 * SO_REUSEADDR lets either socket receive a datagram (documented as non-deterministic), which would break the
 * transfer; macOS maps reuseAddr to SO_REUSEPORT and is not verified here. Both keep one socket per transfer.
 */
export function udpSharedPortForStrays(platform: PlatformName = currentPlatform()): boolean {
  return platform === 'linux';
}

/**
 * IPv4 addresses configured on this computer's interfaces, including interfaces without a link (cable in, router
 * still switched off). Node's os.networkInterfaces() leaves those out, but the rescue address is set before the
 * router is powered on. Linux: iproute2's JSON output. Elsewhere: only what os.networkInterfaces() reports
 * (Windows and macOS hide addresses of disconnected adapters in the same way; the check is repeated later).
 */
export async function configuredIpv4(platform: PlatformName = currentPlatform()): Promise<HostInterface[]> {
  const up = listIpv4Interfaces();
  if (platform !== 'linux') return up;
  const { execFile } = await import('node:child_process');
  const text = await new Promise<string>((resolve) => execFile('ip', ['-j', '-4', 'addr', 'show'], { timeout: 3000 }, (err, out) => resolve(err ? '' : String(out))));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return up;
  }
  if (!Array.isArray(parsed)) return up;
  const out = [...up];
  for (const link of parsed as { ifname?: string; address?: string; flags?: string[]; addr_info?: { local?: string; prefixlen?: number; family?: string }[] }[]) {
    for (const a of link.addr_info ?? []) {
      if (a.family !== 'inet' || !a.local || !link.ifname || out.some((i) => i.name === link.ifname && i.address === a.local)) continue;
      const bits = a.prefixlen ?? 32;
      const netmask = intToIpv4(prefixMask(bits));
      out.push({ name: link.ifname, address: a.local, netmask, cidr: `${a.local}/${bits}`, mac: link.address ?? '', internal: (link.flags ?? []).includes('LOOPBACK') });
    }
  }
  return out;
}
