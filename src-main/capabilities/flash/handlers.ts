import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { FlashService } from './service';
import type { flashCommands } from '../../../src-shared/capabilities/flash/contract';
import { allowHostPath, allowTarget } from '../../core/host-paths';

export function flashHandlers(flash: FlashService, ctx: MainContext): CapabilityHandlers<typeof flashCommands> {
  return {
    'flash.backup.start': async (a) => {
      const target = await allowTarget(ctx, a.target);
      const outDir = a.outDir ? await allowHostPath(ctx, a.outDir, 'backup-folder') : undefined;
      const { backupId, dir } = flash.startBackup({ target, retryFailed: a.retryFailed, routerHash: a.routerHash, ...(outDir ? { outDir } : {}), ...(a.partitions ? { partitions: a.partitions } : {}) });
      return { backupId, dir };
    },
    'flash.backup.cancel': (a) => flash.cancelBackup(a.backupId),
    'flash.backup.status': () => flash.status(),
    'flash.backup.list': () => flash.listBackups(),
    'flash.restore.plan': async (a) => flash.plan({ ...a, target: await allowTarget(ctx, a.target), from: await allowHostPath(ctx, a.from, 'backup-to-restore') }),
    'flash.restore.run': async (a) => flash.restore({ ...a, target: await allowTarget(ctx, a.target), from: await allowHostPath(ctx, a.from, 'backup-to-restore') }),
  };
}
