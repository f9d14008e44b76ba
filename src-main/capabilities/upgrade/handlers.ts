import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { upgradeCommands } from '../../../src-shared/capabilities/upgrade/contract';
import { allowHostPath, allowTarget } from '../../core/host-paths';
import { playbookMain } from '../playbook';
import type { UpgradeService } from './service';

export function upgradeHandlers(upgrade: UpgradeService, ctx: MainContext): CapabilityHandlers<typeof upgradeCommands> {
  return {
    'upgrade.start': async (a) => {
      const req = { ...a, target: await allowTarget(ctx, a.target), file: await allowHostPath(ctx, a.file, 'image-to-send') };
      if (a.intermediate) req.intermediate = await allowHostPath(ctx, a.intermediate, 'image-to-send');
      return upgrade.start(req, ctx.use(playbookMain));
    },
    'upgrade.plan': async (a) => {
      const req = { ...a, target: await allowTarget(ctx, a.target), file: await allowHostPath(ctx, a.file, 'image-to-send') };
      if (a.intermediate) req.intermediate = await allowHostPath(ctx, a.intermediate, 'image-to-send');
      return upgrade.planOnly(req);
    },
    'upgrade.outcome': () => upgrade.outcome(ctx.use(playbookMain).status().run),
    'upgrade.bootSlot': async (a) => upgrade.bootSlot(await allowTarget(ctx, a.target), a.slot, a.confirm, a.preview ?? false),
  };
}
