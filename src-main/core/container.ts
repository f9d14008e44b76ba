import { EventBus } from './bus';
import { dataDir } from '../platform';
import { resolveAllowedFolders } from './host-paths';
import type { HostKind, LooseMainCapability, MainContext } from './capability';
import type { Handlers } from './dispatch';
import type { RegisteredPlaybook } from '../capabilities/playbook';

export interface ServiceOptions {
  host: HostKind;
  /** Folder for journals, logs and backups; defaults to the platform's user data folder. */
  dataDir?: string;
  /**
   * Bench server: folders besides the data folder whose files the screen may use (`serve --allow-folder`).
   * Checked here (host-paths.ts): a folder that must not be exposed throws RbFault ALLOW_FOLDER_*.
   */
  allowedFolders?: readonly string[];
  /**
   * The person's languages, where the host knows them: the system's (Electron; the screen's first language) or the
   * command line's --lang / LANG (the words of the OS's password prompt, decision 0171).
   */
  languages?: readonly string[];
}

export interface Container {
  context: MainContext;
  bus: EventBus;
  /** The service each listed capability made, by its id. */
  made: ReadonlyMap<string, unknown>;
  /** The handlers of the listed capabilities' commands (all of them only for the full list; see handlers.ts). */
  handlers(): Partial<Handlers>;
  dispose(): Promise<void>;
}

/**
 * Make the services of the given capability descriptors, once each, in list order. A service that builds on
 * another gets it through `ctx.use(...)` (made on first use; a cycle is refused). Used with every capability
 * by createServices (app, browser server, CLI) and with a few by a quick CLI command that must not load the
 * rest (inspect: decision 0041). Imports no descriptor itself, so any capability may be listed.
 */
export function makeContainer(list: readonly LooseMainCapability[], opts: ServiceOptions): Container {
  const bus = new EventBus();
  const dir = opts.dataDir ?? dataDir();
  const allowedFolders = resolveAllowedFolders(opts.allowedFolders ?? [], dir);
  const made = new Map<string, unknown>();
  const making = new Set<string>();
  const context: MainContext = {
    host: opts.host,
    dataDir: dir,
    allowedFolders,
    languages: opts.languages ?? [],
    bus,
    use<S>(capability: { id: string; service(c: MainContext): S }): S {
      if (made.has(capability.id)) return made.get(capability.id) as S;
      if (making.has(capability.id)) throw new Error(`capability ${capability.id} needs itself while it is made (a cycle between services)`);
      making.add(capability.id);
      try {
        const service = capability.service(context);
        made.set(capability.id, service);
        return service;
      } finally {
        making.delete(capability.id);
      }
    },
    playbooks() {
      const out: Record<string, RegisteredPlaybook> = {};
      for (const c of list) if (c.playbooks) Object.assign(out, (c.playbooks as (s: unknown, x: MainContext) => Record<string, RegisteredPlaybook>)(context.use(c), context));
      return out;
    },
  };
  for (const c of list) context.use(c);
  return {
    context,
    bus,
    made,
    handlers() {
      const out: Partial<Handlers> = {};
      for (const c of list) Object.assign(out, (c.handlers as (service: unknown, ctx: MainContext) => object)(made.get(c.id), context));
      return out;
    },
    async dispose() {
      for (const c of [...list].reverse()) {
        if (!c.dispose) continue;
        try {
          await (c.dispose as (s: unknown) => Promise<unknown> | void)(made.get(c.id));
        } catch {
          // one capability failing to stop must not leave the others running
        }
      }
    },
  };
}
