import { defineRendererCapability } from '../../app/capability';
import { recoverCapability } from '../../../src-shared/capabilities/recover';
import { useRecover } from './store';
import { RecoverView } from './View';

export { useRecover } from './store';

export const recoverView = defineRendererCapability({
  id: 'recover',
  contract: recoverCapability,
  section: { id: 'recover', label: 'Vendor recovery', hint: "The maker's own rescue mode: TP-Link, ASUS, Ubiquiti, D-Link", View: RecoverView },
  events: {
    'recover.progress': (p) => useRecover.getState().setProgress(p),
  },
  async resync(api) {
    useRecover.getState().replace(await api.invoke('recover.status', {}));
  },
});
