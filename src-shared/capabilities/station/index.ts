import { defineCapability } from '../../contract/capability';
import { stationCommands, stationEvents } from './contract';

export * from './contract';
export * from './words';

export const stationCapability = defineCapability({
  id: 'station',
  summary: 'The bench station: several routers at once, one per network card or serial port, each with its own guide, progress and job.',
  commands: stationCommands,
  events: stationEvents,
});
