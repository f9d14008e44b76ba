/**
 * Sandboxed preload, bundled to one self-contained CommonJS file. It exposes exactly one narrow API,
 * window.rescueBench: invoke a contract command by name, listen to contract events. Never ipcRenderer.
 * The Electron event object is stripped before listeners run. It imports no schema library: main
 * registers only the contract's channels and validates every payload (src-main/electron/ipc.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel, IPC_EVENT_CHANNEL } from '../../src-shared/contract/channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_e: IpcRendererEvent, msg: { name: string; payload: unknown }) => {
  const set = typeof msg?.name === 'string' ? listeners.get(msg.name) : undefined;
  if (!set) return;
  for (const l of set) {
    try {
      l(msg.payload);
    } catch (err) {
      console.error(err);
    }
  }
});

const api = {
  transport: 'electron' as const,
  async invoke(command: string, payload: unknown): Promise<unknown> {
    if (typeof command !== 'string' || !/^[a-z][a-zA-Z0-9.]{0,127}$/.test(command)) {
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'The workstation does not know that command.' } };
    }
    try {
      return await ipcRenderer.invoke(ipcChannel(command), payload);
    } catch {
      // No handler on that channel: not a contract command.
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'The workstation does not know that command.', details: command } };
    }
  },
  on(name: string, listener: Listener): () => void {
    if (typeof name !== 'string' || typeof listener !== 'function') return () => {};
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  },
};

contextBridge.exposeInMainWorld('rescueBench', api);
