/**
 * The one typed contract between the UI and the workstation. Every command (request + reply) and every
 * event stream is named here with a zod schema; both transports (Electron IPC and the bench server's
 * WebSocket) register exactly these names, and test/shared/contract-surface.test.ts proves it.
 *
 * To add a capability: write src-shared/contract/<capability>.ts exporting `<cap>Commands` and `<cap>Events`,
 * spread them in below, then implement the handlers in src-main/app/handlers.ts (the compiler lists what is missing).
 */
import { z } from 'zod';
import { RbErrorSchema } from './common';
import { appCommands, appEvents } from '../capabilities/app/contract';
import { failsafeCommands, failsafeEvents } from '../capabilities/failsafe/contract';
import { tftpCommands, tftpEvents } from '../capabilities/tftp/contract';
import { serialCommands, serialEvents } from '../capabilities/serial/contract';
import { flashCommands, flashEvents } from '../capabilities/flash/contract';
import { firmwareCommands, firmwareEvents } from '../capabilities/firmware/contract';
import { playbookCommands, playbookEvents } from '../capabilities/playbook/contract';

export const commands = {
  ...appCommands,
  ...failsafeCommands,
  ...tftpCommands,
  ...serialCommands,
  ...flashCommands,
  ...firmwareCommands,
  ...playbookCommands,
} as const;

export const events = {
  ...appEvents,
  ...failsafeEvents,
  ...tftpEvents,
  ...serialEvents,
  ...flashEvents,
  ...firmwareEvents,
  ...playbookEvents,
} as const;

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
