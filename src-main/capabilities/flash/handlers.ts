import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { flashCommands } from '../../../src-shared/capabilities/flash/contract';
import { allowHostPath, allowTarget } from '../../core/host-paths';

export function flashHandlers(s: Services): CapabilityHandlers<typeof flashCommands> {
  return {
    'device.inspect': async (a) => s.flash.inspect(await allowTarget(s, a.target)),
    'device.forgetHostKey': (a) => s.flash.forgetHostKey(a.host, a.port),
    'flash.backup.start': async (a) => {
      const target = await allowTarget(s, a.target);
      const outDir = a.outDir ? await allowHostPath(s, a.outDir, 'backup-folder') : undefined;
      const { backupId, dir } = s.flash.startBackup({ target, retryFailed: a.retryFailed, routerHash: a.routerHash, ...(outDir ? { outDir } : {}), ...(a.partitions ? { partitions: a.partitions } : {}) });
      return { backupId, dir };
    },
    'flash.backup.cancel': (a) => s.flash.cancelBackup(a.backupId),
    'flash.backup.status': () => s.flash.status(),
    'flash.backup.list': () => s.flash.listBackups(),
    'flash.restore.plan': async (a) => s.flash.plan({ ...a, target: await allowTarget(s, a.target), from: await allowHostPath(s, a.from, 'backup-to-restore') }),
    'flash.restore.run': async (a) => s.flash.restore({ ...a, target: await allowTarget(s, a.target), from: await allowHostPath(s, a.from, 'backup-to-restore') }),
  };
}
