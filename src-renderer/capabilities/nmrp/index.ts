import { defineRendererCapability } from '../../app/capability';
import { nmrpCapability } from '../../../src-shared/capabilities/nmrp';
import { useNmrp } from './store';
import { NmrpView } from './View';

export { useNmrp } from './store';

export const nmrpView = defineRendererCapability({
  id: 'nmrp',
  contract: nmrpCapability,
  section: { id: 'nmrp', label: 'Netgear recovery', hint: 'NMRP: the router asks this computer for its firmware', View: NmrpView },
  events: {
    'nmrp.stage': (s) => useNmrp.getState().onStage(s),
    'nmrp.progress': (p) => useNmrp.getState().onProgress(p),
  },
  resync: async (api) => useNmrp.getState().replace(await api.invoke('nmrp.status', {})),
});
