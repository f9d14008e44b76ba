import { defineMainCapability } from '../../core/capability';
import { firmwareCapability } from '../../../src-shared/capabilities/firmware';
import { FirmwareService } from './service';
import { firmwareHandlers } from './handlers';

export * from './service';

export { FirmwareService, inspectFile } from './service';

/** Firmware check: inspection, verdicts, and uploads from a browser into the data folder. */
export const firmwareMain = defineMainCapability({
  id: 'firmware',
  contract: firmwareCapability,
  service: ({ dataDir }) => new FirmwareService(dataDir),
  handlers: (firmware, ctx) => firmwareHandlers(firmware, ctx),
  cli: async () => [(await import('./cli')).inspect],
  dispose: (firmware) => firmware.dispose(),
});
