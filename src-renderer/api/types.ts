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

declare global {
  interface Window {
    rescueBench?: RawBridge;
  }
}
