import { defineRendererCapability } from '../../app/capability';
import { firmwareCapability } from '../../../src-shared/capabilities/firmware';
import { FirmwareView } from './View';

export { useFirmware } from './store';

/** Firmware check: answers come as command replies (no events). */
export const firmwareView = defineRendererCapability({
  id: 'firmware',
  contract: firmwareCapability,
  section: { id: 'firmware', label: 'Firmware check', hint: 'What an image is and whether it fits', View: FirmwareView },
  events: {},
});
