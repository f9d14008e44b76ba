import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { nmrpCommands } from '../../../src-shared/capabilities/nmrp/contract';
import { allowHostPath } from '../../core/host-paths';
import type { NmrpService } from './service';

export function nmrpHandlers(nmrp: NmrpService, ctx: MainContext): CapabilityHandlers<typeof nmrpCommands> {
  return {
    // the image goes to a router: the same host-path rules as any firmware file the screen names
    'nmrp.check': async (a) => nmrp.check(await allowHostPath(ctx, a.file, 'firmware-file')),
    'nmrp.start': async (a) => nmrp.start({ ...a, file: await allowHostPath(ctx, a.file, 'image-to-send') }),
    'nmrp.cancel': () => nmrp.cancel(),
    'nmrp.status': () => nmrp.status(),
    'nmrp.grant': () => nmrp.grant(),
  };
}
