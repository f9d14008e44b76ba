import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { recoverCommands } from '../../../src-shared/capabilities/recover';
import { allowHostPath } from '../../core/host-paths';
import type { RecoverService } from './service';

export function recoverHandlers(recover: RecoverService, ctx: MainContext): CapabilityHandlers<typeof recoverCommands> {
  return {
    'recover.check': async (a) => (await recover.check({ ...a, file: await allowHostPath(ctx, a.file, 'image-to-send') })).plan,
    'recover.start': async (a) => {
      const { writeSeconds, fetchTimeoutS, verifyTimeoutS, connectWaitS, tftpPort, practice, ...req } = a;
      const tuning = Object.fromEntries(Object.entries({ writeSeconds, fetchTimeoutS, verifyTimeoutS, connectWaitS, tftpPort }).filter(([, v]) => v !== undefined));
      return recover.start({ ...req, file: await allowHostPath(ctx, a.file, 'image-to-send') }, tuning, practice);
    },
    'recover.status': () => recover.status(),
  };
}
