import { defineMainCapability } from '../../core/capability';
import { deviceCapability } from '../../../src-shared/capabilities/device';
import { DeviceService } from './service';
import { deviceHandlers } from './handlers';

export * from './discover';

export { DeviceService } from './service';
export { inspectDevice } from './discover';
export { knownHostsFile, openTarget, targetSessionOptions } from './target';

/** Device discovery: a running router's partitions, identity and tools. */
export const deviceMain = defineMainCapability({
  id: 'device',
  contract: deviceCapability,
  service: ({ dataDir }) => new DeviceService(dataDir),
  handlers: (device, ctx) => deviceHandlers(device, ctx),
});
