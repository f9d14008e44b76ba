import { defineCapability } from '../../contract/capability';
import { netCommands, netEvents } from './contract';

export * from './contract';
export * from './parsers';
export * from './meanings';

export const netCapability = defineCapability({
  id: 'net',
  summary: 'Network assistant: which cable the router is on, the address this computer needs, what answers, set and undo a temporary address.',
  commands: netCommands,
  events: netEvents,
});
