import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { stationCommands } from '../../../src-shared/capabilities/station/contract';
import { RunOptionsSchema } from '../../../src-shared/capabilities/playbook';
import { allowSerialPath } from '../../core/host-paths';
import type { StationService } from './service';

export function stationHandlers(station: StationService, ctx: MainContext, listPorts: () => Promise<{ path: string }[]>): CapabilityHandlers<typeof stationCommands> {
  return {
    'station.list': () => station.list(),
    'station.add': async (a) => {
      const req: { name?: string; interface?: string; serialPath?: string } = {};
      if (a.name !== undefined) req.name = a.name;
      if (a.interface !== undefined) req.interface = a.interface;
      if (a.serialPath !== undefined) req.serialPath = await allowSerialPath(ctx, a.serialPath, listPorts);
      return station.add(req);
    },
    'station.remove': (a) => station.remove(a.slotId),
    'station.start': async (a) => {
      const options = RunOptionsSchema.parse(a.options);
      if (options.serialPath) options.serialPath = await allowSerialPath(ctx, options.serialPath, listPorts);
      return station.start(a.slotId, a.playbookId, options);
    },
    'station.respond': (a) => station.respond(a.slotId, a.promptId, a.choice, a.input),
    'station.stop': (a) => station.stop(a.slotId),
  };
}
