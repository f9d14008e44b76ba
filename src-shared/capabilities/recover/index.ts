import { defineCapability } from '../../contract/capability';
import { recoverCommands, recoverEvents } from './contract';

export * from './contract';
export * from './image';
export * from './http';
export * from './playbooks';

export const recoverCapability = defineCapability({
  id: 'recover',
  summary: "Vendor bootloader recovery (TP-Link, ASUS, Ubiquiti, D-Link): send a firmware file to a router's own recovery mode, step by step.",
  commands: recoverCommands,
  events: recoverEvents,
});
export type { VendorFlow, RecoveryCues } from '../../profiles/profiles';
