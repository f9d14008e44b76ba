import { defineCapability } from '../../contract/capability';
import { firmwareCommands, firmwareEvents } from './contract';

export * from './contract';
/** The TP-Link v1 header reader, for the vendor recovery (it cuts stock up_boot images by this header). */
export { readTplinkV1Header, TPLINK_SALT_NORMAL, type TplinkV1Header } from './image/formats/vendor';
export { SYSUPGRADE, verdictFor, type DeviceFacts, type Verdict } from './verdict';

export const firmwareCapability = defineCapability({
  id: 'firmware',
  summary: "Firmware check: what an image is, whether its checksums hold, whether it fits the router.",
  commands: firmwareCommands,
  events: firmwareEvents,
});
