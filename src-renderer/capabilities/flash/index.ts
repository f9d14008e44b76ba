import { defineRendererCapability } from '../../app/capability';
import { flashCapability } from '../../../src-shared/capabilities/flash';
import { useFlash } from './store';
import { FlashView } from './View';

export * from './store';

export const flashView = defineRendererCapability({
  id: 'flash',
  contract: flashCapability,
  section: { id: 'flash', label: 'Backup & restore', hint: "Copy the router's memory to this computer", View: FlashView },
  events: {
    'flash.backup.progress': (p) => useFlash.getState().onProgress(p),
    'flash.backup.partition': (x) => useFlash.getState().onPartition(x.backupId, x.partition),
    'flash.backup.done': (r) => useFlash.getState().onDone(r),
    'flash.restore.progress': (p) => useFlash.getState().onRestoreProgress(p),
  },
  async resync(api) {
    useFlash.getState().resync(await api.invoke('flash.backup.status', {}));
  },
});
