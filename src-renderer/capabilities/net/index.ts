import { defineRendererCapability } from '../../app/capability';
import { netCapability } from '../../../src-shared/capabilities/net';
import { useNet } from './store';

export { useNet } from './store';

export const netView = defineRendererCapability({
  id: 'net',
  contract: netCapability,
  events: {
    'net.link': (e) => useNet.getState().onLink(e),
    'net.lease': (l) => useNet.getState().onLease(l),
  },
  async resync(api) {
    useNet.getState().setLeases((await api.invoke('net.leases', {})).leases);
  },
});
