import { EventBus } from './bus';
import { dataDir } from '../platform';
import { resolveAllowedFolders } from './host-paths';
import type { LooseMainCapability, MainContext, ServiceOf } from './capability';
import type { RegisteredPlaybook } from '../capabilities/playbook';
import { mainCapabilities, type MainCapabilities } from '../capabilities';

export type { HostKind } from './capability';
import type { HostKind } from './capability';

export interface ServiceOptions {
  host: HostKind;
  /** Folder for journals, logs and backups; defaults to the platform's user data folder. */
  dataDir?: string;
  /**
   * Bench server: folders besides the data folder whose files the screen may use (`serve --allow-folder`).
   * Checked here (host-paths.ts): a folder that must not be exposed throws RbFault ALLOW_FOLDER_*.
   */
  allowedFolders?: readonly string[];
}

/** Every capability's service by its id (`services.tftp`, `services.flash`…). */
export type ServiceMap = { [C in MainCapabilities as C['id']]: ServiceOf<C> };

/**
 * Every capability's service, made once per process from the descriptors in src-main/capabilities/index.ts
 * and shared by whichever transports run in it. Services report through the bus; they never know which
 * transport (if any) is listening. A service that builds on another gets it through `ctx.use(...)`.
 */
export function createServices(opts: ServiceOptions) {
  const list = mainCapabilities as readonly LooseMainCapability[];
  const bus = new EventBus();
  const dir = opts.dataDir ?? dataDir();
  const allowedFolders = resolveAllowedFolders(opts.allowedFolders ?? [], dir);
  const made = new Map<string, unknown>();
  const making = new Set<string>();
  const ctx: MainContext = {
    host: opts.host,
    dataDir: dir,
    allowedFolders,
    bus,
    use<S>(capability: { id: string; service(c: MainContext): S }): S {
      if (made.has(capability.id)) return made.get(capability.id) as S;
      if (making.has(capability.id)) throw new Error(`capability ${capability.id} needs itself while it is made (a cycle between services)`);
      making.add(capability.id);
      const service = capability.service(ctx);
      making.delete(capability.id);
      made.set(capability.id, service);
      return service;
    },
    playbooks() {
      const out: Record<string, RegisteredPlaybook> = {};
      for (const c of list) if (c.playbooks) Object.assign(out, (c.playbooks as (s: unknown, x: MainContext) => Record<string, RegisteredPlaybook>)(ctx.use(c), ctx));
      return out;
    },
  };
  for (const c of list) ctx.use(c);
  const services = Object.fromEntries(list.map((c) => [c.id, made.get(c.id)])) as ServiceMap;
  return {
    ...services,
    host: opts.host,
    dataDir: dir,
    /** Real paths of the folders allowed besides the data folder (bench server; see host-paths.ts). */
    allowedFolders,
    bus,
    /** The context every capability was made with (handlers are built with it). */
    context: ctx,
    async dispose(): Promise<void> {
      for (const c of [...list].reverse()) {
        if (!c.dispose) continue;
        try {
          await (c.dispose as (s: unknown) => Promise<void> | void)(made.get(c.id));
        } catch {
          // one capability failing to stop must not leave the others running
        }
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
