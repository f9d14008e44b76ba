import { defineRendererCapability } from '../../app/capability';
import { deviceCapability } from '../../../src-shared/capabilities/device';

export { ConnectPanel } from './ConnectPanel';

/** Device discovery: the connect form the backup section shows (ConnectPanel); no events. */
export const deviceView = defineRendererCapability({
  id: 'device',
  contract: deviceCapability,
  events: {},
});
