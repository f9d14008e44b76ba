import { defineMainCapability } from '../../core/capability';
import { stationCapability } from '../../../src-shared/capabilities/station';
import { playbookMain } from '../playbook';
import { netMain } from '../net';
import { serialMain } from '../serial';
import { StationService } from './service';
import { stationHandlers } from './handlers';
import { cardNetwork } from './net-adapter';

export { StationService, type SlotNetwork, type SlotRoute, type SlotRunner, type StationEvents } from './service';
export { cardNetwork, isLoopbackCard } from './net-adapter';

/**
 * The bench station: slots (a network card and/or a serial port each), one guide run per slot at once through
 * the playbook engine; each run writes its own journal, so the jobs capability makes each one a job (it hears
 * station.slot's run like playbook.run: see jobs/index.ts).
 */
export const stationMain = defineMainCapability({
  id: 'station',
  contract: stationCapability,
  service: (ctx) =>
    new StationService(
      ctx.dataDir,
      ctx.use(playbookMain),
      {
        slot: (s) => ctx.bus.emit('station.slot', s),
        progress: (p) => ctx.bus.emit('station.progress', p),
        removed: (slotId) => ctx.bus.emit('station.removed', { slotId }),
      },
      { network: cardNetwork(ctx.use(netMain), ctx.bus) },
    ),
  handlers: (station, ctx) => stationHandlers(station, ctx, async () => (await ctx.use(serialMain).listPorts()).ports),
  cli: async () => [(await import('./cli')).stationSlots],
  dispose: (station) => station.dispose(),
});
