import { defineCapability } from '../../contract/capability';
import { tftpCommands, tftpEvents } from './contract';

export * from './codec';

export * from './contract';

export const tftpCapability = defineCapability({
  id: 'tftp',
  summary: "File server (TFTP): the simple transfer bootloaders use, jailed to one folder.",
  commands: tftpCommands,
  events: tftpEvents,
});
