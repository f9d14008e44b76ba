import { defineCapability } from '../../contract/capability';
import { deviceCommands, deviceEvents } from './contract';

export * from './danger';
export { splitSections } from './sysfs-dump';

export * from './contract';

export const deviceCapability = defineCapability({
  id: 'device',
  summary: "What is on a running router: log in, read its partitions, identity and tools, then log out.",
  commands: deviceCommands,
  events: deviceEvents,
});
