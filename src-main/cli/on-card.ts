import type { SessionTarget } from '../../src-shared/capabilities/device';
import type { ContractSession } from './transport';
import { english } from '../../src-shared/i18n/translate';

/**
 * `--interface IF` of a network command (a station with several routers at one address; issue 17, decision
 * 0121): give the card its router place (net.slot.open: its own source address, table and rule, in one permission
 * prompt), run `work` with that address to send from, and undo the place again afterwards — when `work` ends,
 * fails or is stopped (the net capability's exit hook undoes it too if the process is killed). Without a card,
 * `work` runs as before, with no address of its own.
 */
export async function onCard<T>(t: ContractSession, iface: string | undefined, routerIp: string, work: (localAddress: string | undefined) => Promise<T>): Promise<T> {
  if (iface === undefined) return work(undefined);
  const slot = await t.invoke('net.slot.open', { interface: iface, routerIp, prefix: 24 });
  t.say((t.io.t ?? english)('cli.onCard.reaching', { router: routerIp, card: slot.interface, from: slot.sourceAddress }));
  try {
    return await work(slot.sourceAddress);
  } finally {
    await t.invoke('net.slot.close', { interface: iface }).catch(() => undefined);
  }
}

/** `onCard` for a command that logs in to the router: the target connects from the card's own address. */
export function onInterface<T>(t: ContractSession, iface: string | undefined, target: SessionTarget, work: (target: SessionTarget) => Promise<T>): Promise<T> {
  return onCard(t, iface, target.host, (localAddress) => work(localAddress ? { ...target, localAddress } : target));
}
