import { defineMainCapability } from '../../core/capability';
import { upgradeCapability } from '../../../src-shared/capabilities/upgrade';
import { openTarget } from '../device';
import { flashMain } from '../flash';
import { netMain } from '../net';
import { UpgradeService } from './service';
import { upgradeHandlers } from './handlers';

export { UpgradeService } from './service';
/** The copy into the router's /tmp (SSH stream, telnet nc or wget), for the upload benchmark. */
export { uploadImage } from './router-ops';

/** Firmware onto a running router (sysupgrade, checked before and after), and the Linksys return to factory firmware. */
export const upgradeMain = defineMainCapability({
  id: 'upgrade',
  contract: upgradeCapability,
  service: (ctx) =>
    new UpgradeService(
      { progress: (p) => ctx.bus.emit('upgrade.progress', p) },
      { dataDir: ctx.dataDir, open: (t) => openTarget(t, ctx.dataDir), flash: () => ctx.use(flashMain), net: () => ctx.use(netMain) },
    ),
  handlers: (upgrade, ctx) => upgradeHandlers(upgrade, ctx),
  playbooks: (upgrade) => upgrade.playbooks(),
  cli: async () => {
    const c = await import('./cli');
    return [c.firmwareFlash, c.returnToStock, c.bootSlot];
  },
});
