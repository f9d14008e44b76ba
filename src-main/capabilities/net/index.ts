import { defineMainCapability } from '../../core/capability';
import { netCapability } from '../../../src-shared/capabilities/net';
import { NetService } from './service';
import { netHandlers } from './handlers';
import { pickLocale } from '../../../src-shared/i18n';

export { NetService, type NetLease, type NetServiceOptions, type NetServiceEvents, type PrepareRequest, type SlotRoute, type SlotEvent } from './service';
export { defaultReason } from './handlers';
export type { NetInterface, NetCheck, ProbeResult, NetLeaseInfo } from '../../../src-shared/capabilities/net';

/** The network assistant every recovery starts with; other capabilities use it through ctx.use(netMain). */
export const netMain = defineMainCapability({
  id: 'net',
  contract: netCapability,
  service: ({ bus, dataDir, languages }) =>
    new NetService(
      {
        link: (e) => bus.emit('net.link', e),
        lease: (l) => bus.emit('net.lease', l),
        slot: (e) => bus.emit('net.slot', e),
      },
      // the OS's password prompt is said in the language of the person at this computer (decision 0171): the
      // system's languages (desktop app), --lang or LANG (command line), else this process's LANG (bench server)
      { dataDir, promptLocale: () => pickLocale(languages.length ? languages : [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG]) },
    ),
  handlers: (net, ctx) => netHandlers(net, ctx),
  cli: async () => {
    const m = await import('./cli');
    return [m.netList, m.netCheck, m.netAddressAdd, m.netAddressRemove];
  },
  dispose: (net) => net.dispose(),
});
