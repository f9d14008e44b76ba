import type { CommandInput, CommandName, CommandReply, EventName, EventPayload, RbError } from '../../src-shared/contract';

/** What window.rescueBench (Electron preload) and the WebSocket bridge both provide: untyped at the edge. */
export interface RawBridge {
  transport: 'electron' | 'websocket';
  invoke(command: string, payload: unknown): Promise<unknown>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

/** The typed API every view uses. */
export interface RbApi {
  transport: 'electron' | 'websocket';
  invoke<K extends CommandName>(command: K, payload: CommandInput<K>): Promise<CommandReply<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** A failed command, carrying the three-part error the workstation sent. */
export class ApiError extends Error {
  constructor(readonly error: RbError) {
    super(error.message);
  }
}

/**
 * Any thrown value as the three-part error the panels show: an ApiError's own error, else a 'UI' error —
 * worded as `message` with the thrown value as details when given, else as the thrown value itself.
 */
export function asRbError(err: unknown, message?: string): RbError {
  if (err instanceof ApiError) return err.error;
  return message === undefined ? { code: 'UI', message: String((err as Error)?.message ?? err) } : { code: 'UI', message, details: String(err) };
}

declare global {
  interface Window {
    rescueBench?: RawBridge;
  }
}
