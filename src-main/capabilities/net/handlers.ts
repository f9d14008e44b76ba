import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { netCommands } from '../../../src-shared/capabilities/net/contract';
import type { NetService } from './service';
import { said, type Said } from '../../../src-shared/i18n/said';

/** The plain reason the permission prompt is for, when the caller gives none: said in the person's language (decision 0171). */
export function defaultReason(iface: string, address: string): Said {
  return said('net.prompt.add', { iface, address: address.split('/')[0]! });
}

/** How long net.link events keep coming after the interface list was asked for (the view asks again while open). */
export const LINK_WATCH_MS = 10 * 60_000;

export function netHandlers(net: NetService, _ctx: MainContext): CapabilityHandlers<typeof netCommands> {
  return {
    'net.list': async () => {
      net.watchLinks(LINK_WATCH_MS);
      const [interfaces, networkManager] = await Promise.all([net.interfaces(), net.networkManager()]);
      return {
        interfaces,
        platform: net.platform,
        networkManager,
        ...(net.platform !== 'linux' ? { note: 'On this system the list comes from ifconfig (macOS) or Get-NetAdapter (Windows), written from their documentation and not yet tested here.' } : {}),
      };
    },
    'net.check': (a) => net.check(a),
    'net.which-cable': async (a) => ({ interface: await net.whichCable({ timeoutMs: a.timeoutMs }) }),
    'net.address.add': async (a) => {
      const lease = await net.prepare({ interface: a.interface, address: a.address, reason: a.reason ?? defaultReason(a.interface, a.address), keep: a.keep });
      return net.leases().find((l) => l.interface === lease.interface && l.address === lease.address)!;
    },
    'net.address.remove': (a) => net.removeAddress(a.interface, a.address),
    'net.arp.add': async (a) => {
      const lease = await net.leaseFor(a.interface, a.address);
      await lease.addStaticArp(a.ip, a.mac);
      return lease.info();
    },
    'net.leases': () => ({ leases: net.leases() }),
    'net.slot.open': async (a) => {
      const slot = await net.slotRoute(a.interface, { routerIp: a.routerIp, prefix: a.prefix });
      return net.slotRoutes().find((s) => s.interface === slot.interface)!;
    },
    'net.slot.close': async (a) => ({ released: await net.closeSlot(a.interface) }),
    'net.slots': () => ({ slots: net.slotRoutes() }),
  };
}
