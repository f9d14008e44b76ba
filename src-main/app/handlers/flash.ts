import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { flashCommands } from '../../../src-shared/contract/flash';

export function flashHandlers(s: Services): CapabilityHandlers<typeof flashCommands> {
  return {
    'device.inspect': (a) => s.flash.inspect(a.target),
    'device.forgetHostKey': (a) => s.flash.forgetHostKey(a.host, a.port),
    'flash.backup.start': (a) => {
      const { backupId, dir } = s.flash.startBackup({ target: a.target, retryFailed: a.retryFailed, routerHash: a.routerHash, ...(a.outDir ? { outDir: a.outDir } : {}), ...(a.partitions ? { partitions: a.partitions } : {}) });
      return { backupId, dir };
    },
    'flash.backup.cancel': (a) => s.flash.cancelBackup(a.backupId),
    'flash.backup.status': () => s.flash.status(),
    'flash.backup.list': () => s.flash.listBackups(),
    'flash.restore.plan': (a) => s.flash.plan(a),
    'flash.restore.run': (a) => s.flash.restore(a),
  };
}
