/**
 * The station's network layer as it exists today (decision 0113): a slot's route is a lease from the network
 * assistant (NetService.prepare: an address of this computer on the slot's card, in the router's network,
 * undone on release), and a card's link comes from its link watching (net.link events). The per-card source
 * routing with policy tables (NetService.slotRoute, issue 17's network half) replaces `slotRoute` here at merge.
 */
import type { EventBus } from '../../core/bus';
import { RbFault } from '../../../src-shared/errors';
import type { NetService } from '../net';
import type { SlotNetwork, SlotRoute } from './service';

/** This computer's address for slot `n` in the router's /24: .200 + n (routers and DHCP pools rarely use it). */
export function sourceFor(routerIp: string, index: number): string {
  const p = routerIp.split('.');
  const host = 200 + (index % 50);
  return `${p[0]}.${p[1]}.${p[2]}.${String(host) === p[3] ? host + 1 : host}`;
}

export function leaseNetwork(net: NetService, bus: EventBus): SlotNetwork {
  const cards = new Map<string, number>();
  const listeners = new Set<{ iface: string; fn: (carrier: boolean, at: number) => void }>();
  let keepAlive: NodeJS.Timeout | undefined;
  bus.subscribe((e) => {
    if (e.name !== 'net.link' || e.payload.carrier === null) return;
    for (const l of [...listeners]) if (l.iface === e.payload.interface) l.fn(e.payload.carrier, e.payload.at);
  });
  return {
    async slotRoute(iface, opts): Promise<SlotRoute> {
      // the router on this computer's loopback (the practice router, a stand-in): no address to set
      if (opts.routerIp.startsWith('127.')) return { interface: iface, sourceAddress: '127.0.0.1', release: async () => undefined };
      // this computer's own loopback is no cable to a router: never put a router's network on it
      if (iface === 'lo' || /^lo\d*$/.test(iface) || /loopback/i.test(iface))
        throw new RbFault({
          code: 'SLOT_LOOPBACK_CARD',
          message: `${iface} is this computer's own loopback, not a cable to a router.`,
          meaning: `Only a router on this computer itself (the practice router, at 127.0.0.x) is reached through it; ${opts.routerIp} is not.`,
          fix: 'Give the slot the network card the router’s cable is plugged into.',
          values: { card: iface, address: opts.routerIp },
        });
      if (!cards.has(iface)) cards.set(iface, cards.size);
      const address = sourceFor(opts.routerIp, cards.get(iface)!);
      const lease = await net.prepare({ interface: iface, address: `${address}/${opts.prefix}`, reason: `Rescue Bench gives the network card ${iface} the address ${address} to reach the router of this bench slot.` });
      return { interface: iface, sourceAddress: address, release: () => lease.release() };
    },
    watchCarrier(iface, fn) {
      const l = { iface, fn };
      listeners.add(l);
      net.watchLinks(60_000);
      // link watching lasts a minute at a time: renewed while any slot listens
      keepAlive ??= setInterval(() => (listeners.size ? net.watchLinks(60_000) : undefined), 30_000);
      keepAlive.unref();
      return () => {
        listeners.delete(l);
        if (!listeners.size && keepAlive) {
          clearInterval(keepAlive);
          keepAlive = undefined;
        }
      };
    },
  };
}
