/**
 * The station's network layer (decisions 0110, 0113, 0120): a slot's route is the network assistant's per-card
 * source routing (NetService.slotRoute: the card's own source address on the router's subnet, a routing table
 * and `ip rule` per card, the card's ARP settings; all undone on release, on exit and after a crash), so two
 * slots on two cards whose routers are both 192.168.1.1 each reach their own router. A card's link comes from
 * the assistant's link watching (net.link events).
 */
import type { EventBus } from '../../core/bus';
import { fault } from '../../../src-shared/errors';
import type { NetService } from '../net';
import type { SlotNetwork, SlotRoute } from './service';

/** This computer's own loopback card (Linux lo, macOS lo0, Windows "Loopback Pseudo-Interface 1"). */
export function isLoopbackCard(iface: string): boolean {
  return /^lo\d*$/.test(iface) || /loopback/i.test(iface);
}

export function cardNetwork(net: NetService, bus: EventBus): SlotNetwork {
  const listeners = new Set<{ iface: string; fn: (carrier: boolean, at: number) => void }>();
  let keepAlive: NodeJS.Timeout | undefined;
  bus.subscribe((e) => {
    if (e.name !== 'net.link' || e.payload.carrier === null) return;
    for (const l of [...listeners]) if (l.iface === e.payload.interface) l.fn(e.payload.carrier, e.payload.at);
  });
  return {
    async slotRoute(iface, opts): Promise<SlotRoute> {
      // the router on this computer's loopback (the practice router, a stand-in): nothing to route
      if (opts.routerIp.startsWith('127.')) return { interface: iface, sourceAddress: '127.0.0.1', release: async () => undefined };
      // this computer's own loopback is no cable to a router: never put a router's network on it
      if (isLoopbackCard(iface)) throw fault('SLOT_LOOPBACK_CARD', { card: iface, address: opts.routerIp });
      return net.slotRoute(iface, opts);
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
