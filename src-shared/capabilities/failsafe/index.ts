import { defineCapability } from '../../contract/capability';
import { failsafeCommands, failsafeEvents } from './contract';

export * from './netmsg';

export * from './contract';

export const failsafeCapability = defineCapability({
  id: 'failsafe',
  summary: "Rescue mode (OpenWrt failsafe): hear the router's \"press now\" broadcast and get into failsafe.",
  commands: failsafeCommands,
  events: failsafeEvents,
});
