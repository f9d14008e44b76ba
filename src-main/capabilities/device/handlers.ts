import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { deviceCommands } from '../../../src-shared/capabilities/device/contract';
import { allowTarget } from '../../core/host-paths';
import type { DeviceService } from './service';

export function deviceHandlers(device: DeviceService, ctx: MainContext): CapabilityHandlers<typeof deviceCommands> {
  return {
    'device.inspect': async (a) => device.inspect(await allowTarget(ctx, a.target)),
    'device.forgetHostKey': (a) => device.forgetHostKey(a.host, a.port),
  };
}
