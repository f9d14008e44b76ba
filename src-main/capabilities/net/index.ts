import { defineMainCapability } from '../../core/capability';
import { netCapability } from '../../../src-shared/capabilities/net';
import { NetService } from './service';
import { netHandlers } from './handlers';

export { NetService, type NetLease, type NetServiceOptions, type NetServiceEvents, type PrepareRequest, type SlotRoute, type SlotEvent } from './service';
export { defaultReason } from './handlers';
export type { NetInterface, NetCheck, ProbeResult, NetLeaseInfo } from '../../../src-shared/capabilities/net';

/** The network assistant every recovery starts with; other capabilities use it through ctx.use(netMain). */
export const netMain = defineMainCapability({
  id: 'net',
  contract: netCapability,
  service: ({ bus, dataDir }) =>
    new NetService(
      {
        link: (e) => bus.emit('net.link', e),
        lease: (l) => bus.emit('net.lease', l),
        slot: (e) => bus.emit('net.slot', e),
      },
      { dataDir },
    ),
  handlers: (net, ctx) => netHandlers(net, ctx),
  cli: async () => {
    const m = await import('./cli');
    return [m.netList, m.netCheck, m.netAddressAdd, m.netAddressRemove];
  },
  dispose: (net) => net.dispose(),
});
