/**
 * The one typed contract between the UI and the workstation. Every command (request + reply) and every
 * event stream is named with a zod schema in its capability's `contract.ts`; this file merges the shared
 * descriptors listed in src-shared/capabilities/index.ts. All three transports (Electron IPC, the browser
 * server's WebSocket, the CLI) dispatch exactly these names; test/shared/contract-surface.test.ts proves it.
 *
 * To add a capability, follow CONTRIBUTING.md: the compiler then lists what each layer is missing.
 */
import { z } from 'zod';
import { RbErrorSchema } from './common';
import { mergeMaps, type UnionToIntersection } from './capability';
import { sharedCapabilities, type SharedCapabilities } from '../capabilities';

export const commands = mergeMaps<UnionToIntersection<SharedCapabilities['commands']>>(sharedCapabilities.map((c) => ({ id: c.id, map: c.commands })));
export const events = mergeMaps<UnionToIntersection<SharedCapabilities['events']>>(sharedCapabilities.map((c) => ({ id: c.id, map: c.events })));

export type Commands = typeof commands;
export type Events = typeof events;
export type CommandName = keyof Commands & string;
export type EventName = keyof Events & string;
/** What a caller may send (defaults still optional). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['request']>;
/** What a handler receives after validation (defaults filled in). */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['request']>;
export type CommandReply<K extends CommandName> = z.output<Commands[K]['reply']>;
export type EventPayload<K extends EventName> = z.output<Events[K]['payload']>;

export const commandNames = Object.keys(commands).sort() as CommandName[];
export const eventNames = Object.keys(events).sort() as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The result of one command as it crosses a transport. */
export type InvokeResult<K extends CommandName> =
  | { ok: true; value: CommandReply<K> }
  | { ok: false; error: z.infer<typeof RbErrorSchema> };

export const InvokeResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RbErrorSchema }),
]);

/** Bench-server WebSocket frames. */
export const ClientFrameSchema = z.object({
  type: z.literal('invoke'),
  id: z.union([z.number().int(), z.string().max(64)]),
  command: z.string().max(128),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.union([z.number(), z.string()]), result: InvokeResultSchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  /** A frame the server could not attribute to a request (malformed JSON, no id). */
  z.object({ type: z.literal('error'), error: RbErrorSchema }),
  z.object({ type: z.literal('hello'), server: z.string(), commands: z.array(z.string()), events: z.array(z.string()) }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;

export { RbErrorSchema } from './common';
export type RbError = z.infer<typeof RbErrorSchema>;

export { ipcChannel, IPC_EVENT_CHANNEL, IPC_COMMAND_PREFIX } from './channels';
