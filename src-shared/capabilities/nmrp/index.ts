import { defineCapability } from '../../contract/capability';
import { nmrpCommands, nmrpEvents } from './contract';

export * from './codec';
export * from './image';
export * from './contract';
export * from './said';

export const nmrpCapability = defineCapability({
  id: 'nmrp',
  summary: "Netgear recovery (NMRP): the router's bootloader asks this computer for the firmware over the cable.",
  commands: nmrpCommands,
  events: nmrpEvents,
});
