import { defineRendererCapability } from '../../app/capability';
import { netCapability } from '../../../src-shared/capabilities/net';
import { useNet } from './store';
import { NetView } from './View';

export { useNet } from './store';
/** Every recovery playbook's first step (for a seller): cable, address, checks. */
export { NetworkStep, type NetworkStepProps } from './NetworkStep';

export const netView = defineRendererCapability({
  id: 'net',
  contract: netCapability,
  section: { id: 'net', label: 'Network', hint: 'Which cable the router is on, and the address this computer needs', View: NetView },
  events: {
    'net.link': (e) => useNet.getState().onLink(e),
    'net.lease': (l) => useNet.getState().onLease(l),
    'net.slot': (e) => useNet.getState().onSlot(e),
  },
  async resync(api) {
    useNet.getState().setLeases((await api.invoke('net.leases', {})).leases);
  },
});
