/**
 * A capability's main-process descriptor: how its service is made, which handlers answer its contract
 * commands, its CLI commands, and how it is disposed. One per capability, in
 * `src-main/capabilities/<id>/index.ts`; src-main/capabilities/index.ts lists them and core/services.ts
 * builds the container from that list. Handlers are typed by the shared descriptor's commands, so a missing
 * or extra handler is a compile error; the registry is checked against the shared list (registry.ts).
 */
import type { SharedCapability, CommandMap, EventMap } from '../../src-shared/contract/capability';
import type { CapabilityHandlers } from './dispatch';
import type { EventBus } from './bus';
import type { CliCommand } from '../cli/types';
import type { RegisteredPlaybook } from '../capabilities/playbook';

export type HostKind = 'electron' | 'bench-server' | 'cli';

/** What every capability's service factory and handlers may use. */
export interface MainContext {
  host: HostKind;
  dataDir: string;
  /** Real paths of the folders allowed besides the data folder (bench server; core/host-paths.ts). */
  allowedFolders: readonly string[];
  /**
   * The person's languages where the host knows them: the system's preferred ones (Electron's
   * app.getPreferredSystemLanguages()), or the command line's --lang / LANG; empty where unknown (bench server).
   */
  languages: readonly string[];
  bus: EventBus;
  /** The service of a capability this one builds on (made first, once; a cycle is refused at start-up). */
  use<S>(capability: { id: string; service(ctx: MainContext): S }): S;
  /** Every playbook the capabilities contribute (the playbook capability runs them). */
  playbooks(): Record<string, RegisteredPlaybook>;
}

export interface MainCapability<Id extends string, S, C extends CommandMap> {
  id: Id;
  /** The shared descriptor: its commands type the handlers. */
  contract: SharedCapability<Id, C, EventMap>;
  service(ctx: MainContext): S;
  handlers(service: S, ctx: MainContext): CapabilityHandlers<C>;
  /**
   * Command-line commands, loaded on demand (src-main/cli/registry.ts): a CLI command drives the services
   * through the dispatcher, so importing it eagerly here would make every capability import the container.
   */
  cli?: () => Promise<readonly CliCommand[]>;
  /** Playbooks this capability contributes to the timeline engine. */
  playbooks?(service: S, ctx: MainContext): Record<string, RegisteredPlaybook>;
  /** Stop what the service runs (servers, sessions, timers) when the process ends. */
  dispose?(service: S): Promise<unknown> | void;
}

export function defineMainCapability<const Id extends string, S, C extends CommandMap>(d: MainCapability<Id, S, C>): MainCapability<Id, S, C> {
  return d;
}

/** Any descriptor, as the container walks the list (it calls each with the service that descriptor made). */
export interface LooseMainCapability {
  id: string;
  contract: { id: string; commands: object };
  service(ctx: MainContext): unknown;
  handlers(service: never, ctx: MainContext): object;
  cli?: () => Promise<readonly CliCommand[]>;
  playbooks?(service: never, ctx: MainContext): Record<string, RegisteredPlaybook>;
  dispose?(service: never): Promise<unknown> | void;
}

export type ServiceOf<D> = D extends { service(ctx: MainContext): infer S } ? S : never;
