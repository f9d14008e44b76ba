import { defineRendererCapability } from '../../app/capability';
import { appCapability } from '../../../src-shared/capabilities/app';
import { useApp } from '../../app/store';

/** This computer: version and network interfaces, read once per connection (no events). */
export const appView = defineRendererCapability({
  id: 'app',
  contract: appCapability,
  events: {},
  async resync(api) {
    const [info, nets] = await Promise.all([api.invoke('app.info', {}), api.invoke('net.interfaces', {})]);
    useApp.getState().setInfo(info);
    useApp.getState().setInterfaces(nets.interfaces);
  },
});
