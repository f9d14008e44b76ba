/**
 * Electron IPC for the contract: one channel per command (so the registered surface is visible and
 * testable), one event channel to the window. Every call checks the sender frame is our own UI and
 * validates the payload with the contract schema (dispatch()).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { commandNames, ipcChannel, IPC_EVENT_CHANNEL, type InvokeResult, type CommandName } from '../../src-shared/contract';
import { fault } from '../../src-shared/errors';
import { dispatch, type Handlers } from '../core/dispatch';
import type { EventBus } from '../core/bus';
import { isAppUrl } from './window';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export function senderIsTrusted(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, mainFrameOnly = true): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (mainFrameOnly && frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers): { channels: string[]; dispose(): void } {
  const channels: string[] = [];
  for (const name of commandNames) {
    const channel = ipcChannel(name);
    ipcMain.handle(channel, async (event, payload: unknown): Promise<InvokeResult<CommandName>> => {
      if (!senderIsTrusted(event)) {
        return { ok: false, error: fault('UNTRUSTED_SENDER').toShape() };
      }
      return dispatch(handlers, name, payload, { transport: 'electron' });
    });
    channels.push(channel);
  }
  return {
    channels,
    dispose() {
      for (const c of channels) ipcMain.removeHandler(c);
    },
  };
}

/** Forward every service event (but the local ones) to one window's main frame; stops when the window goes away. */
export function forwardEvents(bus: EventBus, contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>): () => void {
  const unsubscribe = bus.subscribe((e) => {
    // a local event: the screen heard it another way (bus.ts)
    if (!e.local && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, { name: e.name, payload: e.payload });
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}
