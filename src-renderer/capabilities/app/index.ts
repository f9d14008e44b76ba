import { defineRendererCapability } from '../../app/capability';
import { appCapability } from '../../../src-shared/capabilities/app';
import { useApp } from '../../app/store';
import { useLocale } from '../../i18n/store';

/** This computer: version and network interfaces, read once per connection (no events). */
export const appView = defineRendererCapability({
  id: 'app',
  contract: appCapability,
  events: {},
  async resync(api) {
    const [info, nets] = await Promise.all([api.invoke('app.info', {}), api.invoke('net.interfaces', {})]);
    useApp.getState().setInfo(info);
    // the desktop app: Chromium's navigator.languages is the app's locale, the system's own list is better
    if (info.languages?.length) await useLocale.getState().followSystem(info.languages);
    useApp.getState().setInterfaces(nets.interfaces);
  },
});
