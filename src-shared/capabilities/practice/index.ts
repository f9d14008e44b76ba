import { defineCapability } from '../../contract/capability';
import { practiceCommands, practiceEvents } from './contract';

export * from './contract';
export * from './model';

export const practiceCapability = defineCapability({
  id: 'practice',
  summary: 'A practice router on this computer (loopback only) to try every flow without a real router.',
  commands: practiceCommands,
  events: practiceEvents,
});
