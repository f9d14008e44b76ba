import { defineRendererCapability } from '../../app/capability';
import { upgradeCapability } from '../../../src-shared/capabilities/upgrade';
import { useUpgrade } from './store';
import { UpgradeView } from './View';

export * from './store';

export const upgradeView = defineRendererCapability({
  id: 'upgrade',
  contract: upgradeCapability,
  section: { id: 'upgrade', label: 'New firmware', hint: 'Put firmware on a running router, or return a Linksys to factory firmware', View: UpgradeView },
  events: {
    'upgrade.progress': (p) => useUpgrade.getState().onProgress(p),
  },
  async resync(api) {
    await useUpgrade.getState().refreshOutcome(api);
  },
});
