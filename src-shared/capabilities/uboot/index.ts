import { defineCapability } from '../../contract/capability';
import { ubootCommands, ubootEvents } from './contract';

export * from './parser';

export * from './contract';

export const ubootCapability = defineCapability({
  id: 'uboot',
  summary: "U-Boot automation: stop autoboot, fetch a file over TFTP, verify it and boot it.",
  commands: ubootCommands,
  events: ubootEvents,
});
