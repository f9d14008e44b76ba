import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { firmwareCommands } from '../../../src-shared/capabilities/firmware/contract';
import { allowHostPath } from '../../core/host-paths';

export function firmwareHandlers(s: Services): CapabilityHandlers<typeof firmwareCommands> {
  return {
    'firmware.inspect': async (a) => s.firmware.inspect(await allowHostPath(s, a.path, 'firmware-file')),
    'firmware.verdict': (a) => s.firmware.verdict(a.inspection as Parameters<Services['firmware']['verdict']>[0], a.device),
    'firmware.upload.begin': (a) => s.firmware.beginUpload(a.fileName, a.size),
    'firmware.upload.chunk': (a) => s.firmware.chunk(a.uploadId, a.offset, a.data),
    'firmware.upload.finish': (a) => s.firmware.finish(a.uploadId),
    'firmware.upload.cancel': (a) => s.firmware.cancel(a.uploadId),
  };
}
