import { defineCapability } from '../../contract/capability';
import { playbookCommands, playbookEvents } from './contract';

export * from './journal';
export * from './model';
export * from './updates';

export * from './contract';

export const playbookCapability = defineCapability({
  id: 'playbook',
  summary: "Recovery timelines: a playbook run step by step, with a journal that survives a restart.",
  commands: playbookCommands,
  events: playbookEvents,
});
