import { ServerFrameSchema, type RbError } from '../../src-shared/contract';
import type { RawBridge } from './types';
import { fault } from '../../src-shared/errors';

/**
 * `why` is what the screen says (refused: the link's token is not accepted; behind: the bench closed a screen too
 * slow to keep up, decision 0189; lost: anything else); `reason` is the close code, for Details and logs.
 */
export type ConnectionState = { status: 'connecting' | 'open' | 'closed'; why?: 'refused' | 'behind' | 'lost'; reason?: string };

/**
 * The bench-server transport: one WebSocket, JSON frames, automatic reconnect. Pending calls fail with a
 * plain error if the connection drops; events resume after reconnect (views re-read status on 'open').
 */
export function createWsBridge(url: string, onState: (s: ConnectionState) => void): RawBridge {
  let ws: WebSocket | undefined;
  let nextId = 1;
  let retry = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void }>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const queue: string[] = [];

  // said in the person's language by the error card (error.CONNECTION_LOST in the catalogue)
  const lost = (reason: string): RbError => fault('CONNECTION_LOST', {}, { details: reason }).toShape();

  const connect = (): void => {
    onState({ status: 'connecting' });
    ws = new WebSocket(url);
    ws.onopen = () => {
      retry = 0;
      onState({ status: 'open' });
      for (const f of queue.splice(0)) ws!.send(f);
    };
    ws.onmessage = (m) => {
      let frame;
      try {
        frame = ServerFrameSchema.parse(JSON.parse(String(m.data)));
      } catch {
        return;
      }
      if (frame.type === 'reply' && typeof frame.id === 'number') {
        pending.get(frame.id)?.resolve(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event') {
        for (const l of listeners.get(frame.name) ?? []) l(frame.payload);
      }
    };
    ws.onclose = (ev) => {
      const why = ev.code === 1008 || ev.code === 4401 ? 'refused' : ev.code === 1013 ? 'behind' : 'lost';
      const reason = why === 'refused' ? 'access refused' : `closed (${ev.code})`;
      onState({ status: 'closed', why, reason });
      for (const [, p] of pending) p.resolve({ ok: false, error: lost(reason) });
      pending.clear();
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * 2 ** retry);
    };
  };
  connect();

  return {
    transport: 'websocket',
    invoke(command, payload) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'invoke', id, command, payload });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(text);
        else queue.push(text);
      });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set!.delete(listener);
    },
  };
}

/** The bench server prints a link with ?token=…; keep it for reloads and take it out of the address bar. */
export function benchSocketUrl(loc: Location, storage: Storage, history: History): string {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem('rb_token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', loc.pathname + (rest ? `?${rest}` : '') + loc.hash);
  }
  const token = fromUrl ?? storage.getItem('rb_token') ?? '';
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/ws?token=${encodeURIComponent(token)}`;
}
