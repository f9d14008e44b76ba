import { defineCapability } from '../../contract/capability';
import { appCommands, appEvents } from './contract';

export * from './contract';

export const appCapability = defineCapability({
  id: 'app',
  summary: "This computer: the workstation's version, data folder and network interfaces.",
  commands: appCommands,
  events: appEvents,
});
