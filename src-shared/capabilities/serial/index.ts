import { defineCapability } from '../../contract/capability';
import { serialCommands, serialEvents } from './contract';

export * from './watchers';

export * from './contract';
export * from './said';

export const serialCapability = defineCapability({
  id: 'serial',
  summary: "Serial console: open a router's serial port, recognise what it prints, stop autoboot.",
  commands: serialCommands,
  events: serialEvents,
});
