import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { ubootCommands } from '../../../src-shared/capabilities/uboot/contract';
import { allowHostPath } from '../../core/host-paths';
import type { UbootService } from './service';

export function ubootHandlers(uboot: UbootService, ctx: MainContext): CapabilityHandlers<typeof ubootCommands> {
  return {
    'uboot.run': async (a) => uboot.start({ ...a, file: await allowHostPath(ctx, a.file, 'image-to-send') }),
    'uboot.cancel': (a) => {
      uboot.cancel(a.runId);
      return { ok: true as const };
    },
    'uboot.status': () => ({ runs: uboot.status() }),
  };
}
