import { commands, events, InvokeResultSchema, type CommandName, type EventName } from '../../src-shared/contract';
import { ApiError, type RawBridge, type RbApi } from './types';

/**
 * Wrap either bridge (Electron preload or WebSocket) in the typed API. Replies and events are checked
 * against the contract here too, so a view only ever sees data of the declared shape.
 */
export function createApi(bridge: RawBridge): RbApi {
  return {
    transport: bridge.transport,
    async invoke(command, payload) {
      const raw = await bridge.invoke(command, payload);
      const result = InvokeResultSchema.safeParse(raw);
      if (!result.success) throw new ApiError({ code: 'BAD_REPLY', message: 'The workstation sent an answer the screen cannot read.' });
      if (!result.data.ok) throw new ApiError(result.data.error);
      const spec = commands[command as CommandName];
      const value = spec.reply.safeParse(result.data.value);
      if (!value.success) throw new ApiError({ code: 'BAD_REPLY', message: 'The workstation sent an answer the screen cannot read.', details: command });
      return value.data as never;
    },
    on(name, listener) {
      const spec = events[name as EventName];
      return bridge.on(name, (payload) => {
        const parsed = spec.payload.safeParse(payload);
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}
