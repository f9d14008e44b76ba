import { defineMainCapability } from '../../core/capability';
import { appCapability } from '../../../src-shared/capabilities/app';
import { appHandlers } from './handlers';

/** This computer: version, data folder, network interfaces. No service of its own. */
export const appMain = defineMainCapability({
  id: 'app',
  contract: appCapability,
  service: () => undefined,
  handlers: (_none, ctx) => appHandlers(ctx),
});
