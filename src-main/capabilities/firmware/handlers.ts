import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { FirmwareService } from './service';
import type { firmwareCommands } from '../../../src-shared/capabilities/firmware/contract';
import { allowHostPath } from '../../core/host-paths';

export function firmwareHandlers(firmware: FirmwareService, ctx: MainContext): CapabilityHandlers<typeof firmwareCommands> {
  return {
    'firmware.inspect': async (a) => firmware.inspect(await allowHostPath(ctx, a.path, 'firmware-file')),
    'firmware.verdict': (a) => firmware.verdict(a.inspection as Parameters<FirmwareService['verdict']>[0], a.device),
    'firmware.upload.begin': (a) => firmware.beginUpload(a.fileName, a.size),
    'firmware.upload.chunk': (a) => firmware.chunk(a.uploadId, a.offset, a.data),
    'firmware.upload.finish': (a) => firmware.finish(a.uploadId),
    'firmware.upload.cancel': (a) => firmware.cancel(a.uploadId),
  };
}
