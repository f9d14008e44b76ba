/**
 * A bench station in namespaces (issue 17): one "station" namespace with N veth cards, each cable to its own
 * "router" namespace where the router is 192.168.1.1/24 — N identical networks side by side, as on a repair
 * shop's bench. Each router's card has its own MAC (02:52:42:00:00:NN). The station's cards start with no
 * address (net slotRoute gives them theirs). Everything is deleted by destroy() and on process exit; needs root.
 * Each card is also a RescueLan (router, station, routerIf, stationIf), so the stand-in router runs on it as is.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createNetns, type Netns, type RescueLan } from './netns';

export interface StationLan {
  station: Netns;
  cards: (RescueLan & { routerMac: string })[];
  /** Pull the cable of card i (the router's end goes down: the station's card loses carrier) or put it back. */
  cable(i: number, plugged: boolean): void;
  destroy(): void;
}

export function routerMacOf(i: number): string {
  return `02:52:42:00:00:${(i + 1).toString(16).padStart(2, '0')}`;
}

export function createStationLan(tag: string, n: number, routerCidr = '192.168.1.1/24'): StationLan {
  const station = createNetns(`${tag}-s`);
  const routers: (Netns & { destroy(): void })[] = [];
  const destroy = (): void => {
    for (const r of routers) r.destroy();
    station.destroy();
  };
  const cards: StationLan['cards'] = [];
  try {
    const id = crypto.randomBytes(2).toString('hex');
    execFileSync('ip', ['-n', station.name, 'link', 'set', 'lo', 'up']);
    for (let i = 0; i < n; i++) {
      const router = createNetns(`${tag}-r${i}`);
      routers.push(router);
      const routerIf = `rbr${id}c${i}`;
      const stationIf = `rbs${id}c${i}`;
      const mac = routerMacOf(i);
      execFileSync('ip', ['link', 'add', routerIf, 'address', mac, 'type', 'veth', 'peer', 'name', stationIf]);
      execFileSync('ip', ['link', 'set', routerIf, 'netns', router.name]);
      execFileSync('ip', ['link', 'set', stationIf, 'netns', station.name]);
      execFileSync('ip', ['-n', router.name, 'addr', 'add', routerCidr, 'brd', '+', 'dev', routerIf]);
      for (const [ns, itf] of [[router.name, routerIf], [station.name, stationIf]] as const) execFileSync('ip', ['-n', ns, 'link', 'set', itf, 'up']);
      execFileSync('ip', ['-n', router.name, 'link', 'set', 'lo', 'up']);
      cards.push({ router, station, routerIf, stationIf, routerMac: mac, destroy: () => router.destroy() });
    }
  } catch (err) {
    destroy();
    throw err;
  }
  return {
    station,
    cards,
    cable: (i, plugged) => execFileSync('ip', ['-n', cards[i]!.router.name, 'link', 'set', cards[i]!.routerIf, plugged ? 'up' : 'down']),
    destroy,
  };
}
