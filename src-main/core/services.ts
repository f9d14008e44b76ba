import type { LooseMainCapability, ServiceOf } from './capability';
import { makeContainer, type ServiceOptions } from './container';
import { mainCapabilities, type MainCapabilities } from '../capabilities';

export type { HostKind } from './capability';
export type { ServiceOptions } from './container';

/** Every capability's service by its id (`services.tftp`, `services.flash`…). */
export type ServiceMap = { [C in MainCapabilities as C['id']]: ServiceOf<C> };

/**
 * Every capability's service, made once per process from the descriptors in src-main/capabilities/index.ts
 * and shared by whichever transports run in it. Services report through the bus; they never know which
 * transport (if any) is listening. A service that builds on another gets it through `ctx.use(...)`.
 */
export function createServices(opts: ServiceOptions) {
  const container = makeContainer(mainCapabilities as readonly LooseMainCapability[], opts);
  const services = Object.fromEntries(container.made) as ServiceMap;
  return {
    ...services,
    host: opts.host,
    dataDir: container.context.dataDir,
    /** Real paths of the folders allowed besides the data folder (bench server; see host-paths.ts). */
    allowedFolders: container.context.allowedFolders,
    bus: container.bus,
    /** The context every capability was made with (handlers are built with it). */
    context: container.context,
    container,
    dispose: () => container.dispose(),
  };
}

export type Services = ReturnType<typeof createServices>;
