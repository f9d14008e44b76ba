import { defineRendererCapability } from '../../app/capability';
import { upgradeCapability } from '../../../src-shared/capabilities/upgrade';
import { useUpgrade } from './store';

export * from './store';

export const upgradeView = defineRendererCapability({
  id: 'upgrade',
  contract: upgradeCapability,
  events: {
    'upgrade.progress': (p) => useUpgrade.getState().onProgress(p),
  },
  async resync(api) {
    await useUpgrade.getState().refreshOutcome(api);
  },
});
