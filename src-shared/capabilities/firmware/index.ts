import { defineCapability } from '../../contract/capability';
import { firmwareCommands, firmwareEvents } from './contract';

export * from './contract';
export { SYSUPGRADE, verdictFor, type DeviceFacts, type Verdict } from './verdict';

export const firmwareCapability = defineCapability({
  id: 'firmware',
  summary: "Firmware check: what an image is, whether its checksums hold, whether it fits the router.",
  commands: firmwareCommands,
  events: firmwareEvents,
});
