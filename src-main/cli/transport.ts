/**
 * The command line as the contract's third transport (docs/decisions/0043-cli-is-a-transport.md), beside
 * Electron IPC and the browser server: a command builds contract requests from its flags, sends them through
 * the same dispatcher (`dispatch(handlers, name, payload, { transport: 'cli' })`), and the services report on
 * the same bus. One printer turns what happens into output:
 *
 * - with --json, one envelope per line on stdout, `{"event","at","payload"}` (src-shared/contract/cli.ts): each
 *   contract event the command cares about, the CLI's own lines, and last `cli.result`;
 * - without it, plain sentences (the command says which, per event).
 *
 * A failure is always also told in three parts on stderr. Exit status: 0 done, 1 the work failed, 2 a usage
 * mistake (UsageError, thrown before anything starts).
 */
import type { AnyEvent } from '../core/bus';
import { dispatch, type Handlers } from '../core/dispatch';
import type { LooseMainCapability } from '../core/capability';
import type { Services } from '../core/services';
import type { Container } from '../core/container';
import type { CommandInput, CommandName, CommandReply, EventName, EventPayload, InvokeResult } from '../../src-shared/contract';
import type { CliCommandName, CliLineName, CliLinePayload, CliResult, CliValue } from '../../src-shared/contract/cli';
import { RbFault, toErrorShape, type RbErrorShape } from '../../src-shared/errors';
import { UsageError, type CliIo } from './types';
import { PromptCancelled } from './secret-prompt';
import { CliPrinter, type Said } from './printer';

export type { Said } from './printer';

/** How a command ended: its cli.result, and the sentence that says it without --json. */
export type Outcome<C extends CliCommandName> =
  | { ok: true; value: CliValue<C>; text?: string }
  | { ok: false; error: RbErrorShape; value?: CliValue<C>; text?: string };

export interface ContractRunOptions<C extends CliCommandName> {
  command: C;
  json: boolean;
  /** The contract events this command prints; others on the bus are not its business. */
  events?: readonly EventName[];
  /** Of those, the ones worth a line (e.g. tftp.transfer progress only with --progress). */
  filter?: (e: AnyEvent) => boolean;
  /** Plain words for an event without --json (nothing when undefined). */
  describe?: (e: AnyEvent) => Said | undefined;
  /**
   * Start only these capabilities instead of every one (createServices): a quick command (inspect) must not
   * load ssh2, serialport or ws (decision 0041).
   */
  capabilities?: () => Promise<readonly LooseMainCapability[]>;
  /** Settings of this process that no request carries (tftp serve --engine, --poll-us): applied before any command. */
  configure?: (services: Services) => void;
}

export interface ContractSession {
  readonly json: boolean;
  readonly io: CliIo;
  readonly dataDir: string;
  /** Send a contract command through the dispatcher: its reply, or its three-part error thrown as RbFault. */
  invoke<K extends CommandName>(name: K, payload: CommandInput<K>): Promise<CommandReply<K>>;
  /** The first event `name` (the last few already seen included) that matches. */
  waitFor<K extends EventName>(name: K, match: (p: EventPayload<K>) => boolean): Promise<EventPayload<K>>;
  /** Every contract event on the bus, after it was printed. */
  on(listener: (e: AnyEvent) => void): () => void;
  /** Runs `fn` when the user asks to stop (Ctrl-C, SIGTERM) while the command still runs. */
  whenStopped(fn: () => unknown): void;
  line<L extends Exclude<CliLineName, 'cli.result'>>(name: L, payload: CliLinePayload<L>): void;
  say(said: Said): void;
  /** The process's services, for what the contract has no command for (see decision 0043). */
  readonly services: Services;
}

/** What a command runs on: the container, and with every capability the services it made (for `configure`). */
interface Started {
  container: Container;
  services?: Services;
}

/**
 * Only the listed capabilities (makeContainer, the descriptors' own factories in their order), or every one
 * (createServices, the same container the Electron shell and the browser server build). Imported when needed,
 * so a quick command loads only what it lists.
 */
async function start(list: readonly LooseMainCapability[] | undefined, io: CliIo): Promise<Started> {
  // the person's language (--lang, LANG): the words the OS's password prompt shows (decision 0171)
  const languages = io.locale ? [io.locale] : [];
  if (list) {
    const { makeContainer } = await import('../core/container');
    return { container: makeContainer(list, { host: 'cli', languages }) };
  }
  const { createServices } = await import('../core/services');
  const services = createServices({ host: 'cli', languages });
  return { container: services.container, services };
}

const RECENT_EVENTS = 256;

/**
 * Run one command over the contract: make the services (host 'cli'), print the events it cares about as they
 * come, run `work`, then print its result. Returns the exit status (0 done, 1 failed). A UsageError (or any
 * error that is not a fault of the work, e.g. a cancelled password prompt) is thrown on to main.ts.
 */
export async function runOnContract<C extends CliCommandName>(io: CliIo, opts: ContractRunOptions<C>, work: (s: ContractSession) => Promise<Outcome<C>>): Promise<number> {
  const printer = new CliPrinter(io, opts.json, opts.command);
  let started: Started | undefined;
  let outcome: Outcome<C>;
  let running = true;
  const recent: AnyEvent[] = [];
  const listeners = new Set<(e: AnyEvent) => void>();
  const wanted = opts.events ? new Set<string>(opts.events) : undefined;
  let unsubscribe = (): void => undefined;
  try {
    started = await start(opts.capabilities ? await opts.capabilities() : undefined, io);
    const c = started;
    const handlers = c.container.handlers() as Handlers;
    unsubscribe = c.container.bus.subscribe((e) => {
      if (!running) return;
      if (wanted?.has(e.name) && (!opts.filter || opts.filter(e))) {
        printer.event(e);
        if (!opts.json && opts.describe) printer.say(opts.describe(e));
      }
      recent.push(e);
      if (recent.length > RECENT_EVENTS) recent.shift();
      for (const l of listeners) l(e);
    });
    if (opts.configure) {
      if (!c.services) throw new Error('configure needs every capability');
      opts.configure(c.services);
    }
    const session: ContractSession = {
      json: opts.json,
      io,
      dataDir: c.container.context.dataDir,
      async invoke<K extends CommandName>(name: K, payload: CommandInput<K>): Promise<CommandReply<K>> {
        const r = (await dispatch(handlers, name, payload, { transport: 'cli' })) as InvokeResult<K>;
        if (!r.ok) throw new RbFault(r.error);
        return r.value;
      },
      waitFor(name, match) {
        return new Promise((resolve) => {
          const hit = (e: AnyEvent): boolean => e.name === name && match(e.payload as EventPayload<typeof name>);
          const seen = recent.find(hit);
          if (seen) return resolve(seen.payload as EventPayload<typeof name>);
          const l = (e: AnyEvent): void => {
            if (!hit(e)) return;
            listeners.delete(l);
            resolve(e.payload as EventPayload<typeof name>);
          };
          listeners.add(l);
        });
      },
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      whenStopped(fn) {
        void io.stopped.then(() => {
          if (running) void Promise.resolve().then(fn).catch(() => undefined);
        });
      },
      line: (name, payload) => printer.line(name, payload),
      say: (said) => printer.say(said),
      get services(): Services {
        if (!c.services) throw new Error('this command started only some capabilities');
        return c.services;
      },
    };
    outcome = await work(session);
  } catch (err) {
    if (err instanceof UsageError || err instanceof PromptCancelled) {
      running = false;
      unsubscribe();
      await started?.container.dispose().catch(() => undefined);
      throw err;
    }
    outcome = { ok: false, error: toErrorShape(err) };
  }
  // nothing is printed after the result: events of the shutdown below are not this command's output
  running = false;
  unsubscribe();
  listeners.clear();
  const { text, ...rest } = outcome;
  printer.result({ command: opts.command, ...rest } as CliResult<C>, text);
  await started?.container.dispose().catch(() => undefined);
  return outcome.ok ? 0 : 1;
}
