import { defineCapability } from '../../contract/capability';
import { upgradeCommands, upgradeEvents } from './contract';

export * from './contract';
export * from './facts';
export * from './sysupgrade';
export * from './hashes';
export * from './linksys';
export * from './playbook';
export * from './refusals';

export const upgradeCapability = defineCapability({
  id: 'upgrade',
  summary: 'Put firmware on a running router, and bring a Linksys dual-slot router back to its factory firmware.',
  commands: upgradeCommands,
  events: upgradeEvents,
});
