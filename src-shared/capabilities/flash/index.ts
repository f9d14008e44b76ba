import { defineCapability } from '../../contract/capability';
import { flashCommands, flashEvents } from './contract';

export * from './contract';
export { stageCheckOf, stageCheckCommand, type StageCheck } from './plan';

export const flashCapability = defineCapability({
  id: 'flash',
  summary: "Backup and restore of a router's flash partitions, with checksums and safety rules.",
  commands: flashCommands,
  events: flashEvents,
});
