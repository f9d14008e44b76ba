import { defineMainCapability } from '../../core/capability';
import { flashCapability } from '../../../src-shared/capabilities/flash';
import { FlashService } from './service';
import { flashHandlers } from './handlers';

export * from './backup';
export * from './sink';
export { hashIn, stagedHash } from './restore';
export { targetWithPassword } from './cli-target';

export { FlashService, type BackupSummary } from './service';

/** Flash backup (every partition, checksummed) and guarded restore. */
export const flashMain = defineMainCapability({
  id: 'flash',
  contract: flashCapability,
  service: ({ bus, dataDir }) =>
    new FlashService(dataDir, {
      progress: (p) => bus.emit('flash.backup.progress', p),
      partition: (backupId, partition) => bus.emit('flash.backup.partition', { backupId, partition }),
      done: (r) => bus.emit('flash.backup.done', r),
      restoreProgress: (p) => bus.emit('flash.restore.progress', p),
    }),
  handlers: (flash, ctx) => flashHandlers(flash, ctx),
  cli: async () => [(await import('./cli-backup')).backup, (await import('./cli-restore')).restore],
  dispose: (flash) => flash.dispose(),
});
