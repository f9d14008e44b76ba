import { describe, expect, it, vi } from 'vitest';
import { benchSocketUrl, createWsBridge, type ConnectionState } from '../../../src-renderer/api/ws-bridge';
import { english, loadCatalog, translator } from '../../../src-shared/i18n';

describe('bench socket URL', () => {
  it('takes the token out of the address bar, keeps it for reloads', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1');
    const url = benchSocketUrl(window.location, window.sessionStorage, window.history);
    expect(url).toBe(`ws://${window.location.host}/ws?token=abc123`);
    expect(window.location.search).toBe('?x=1');
    expect(benchSocketUrl(window.location, window.sessionStorage, window.history)).toBe(url);
  });
});

describe('the bridge when the connection closes', () => {
  /** A WebSocket the test opens and closes: the bridge's side of the bench server. */
  class FakeSocket {
    static OPEN = 1;
    static made: FakeSocket[] = [];
    readyState = 0;
    sent: string[] = [];
    onopen?: () => void;
    onclose?: (ev: { code: number }) => void;
    onmessage?: (m: { data: string }) => void;
    constructor(readonly url: string) {
      FakeSocket.made.push(this);
    }
    send(t: string): void {
      this.sent.push(t);
    }
    open(): void {
      this.readyState = 1;
      this.onopen?.();
    }
    close(code: number): void {
      this.readyState = 3;
      this.onclose?.({ code });
    }
  }

  it('says why (refused, fell behind, lost), answers pending calls with CONNECTION_LOST in its words, and reconnects', async () => {
    vi.useFakeTimers();
    const real = globalThis.WebSocket;
    globalThis.WebSocket = FakeSocket as unknown as typeof WebSocket;
    try {
      const states: ConnectionState[] = [];
      const bridge = createWsBridge('ws://127.0.0.1:1/ws?token=t', (s) => states.push(s));
      FakeSocket.made[0]!.open();
      const pending = bridge.invoke('serial.sessions', {});
      expect(FakeSocket.made[0]!.sent).toHaveLength(1);
      // the bench closed a screen too slow to keep up (decision 0189)
      FakeSocket.made[0]!.close(1013);
      expect(states.at(-1)).toEqual({ status: 'closed', why: 'behind', reason: 'closed (1013)' });
      await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CONNECTION_LOST', message: 'The screen lost its connection to the workstation.', details: 'closed (1013)' } });
      // it comes back by itself, and a call made meanwhile goes out once it is open
      const later = bridge.invoke('serial.ports', {});
      vi.advanceTimersByTime(500);
      expect(FakeSocket.made).toHaveLength(2);
      FakeSocket.made[1]!.open();
      expect(states.at(-1)).toEqual({ status: 'open' });
      expect(JSON.parse(FakeSocket.made[1]!.sent[0]!)).toMatchObject({ command: 'serial.ports' });
      FakeSocket.made[1]!.onmessage?.({ data: JSON.stringify({ type: 'reply', id: 2, result: { ok: true, value: { ports: [] } } }) });
      await expect(later).resolves.toEqual({ ok: true, value: { ports: [] } });
      FakeSocket.made[1]!.close(4401);
      expect(states.at(-1)).toMatchObject({ why: 'refused' });
      vi.advanceTimersByTime(1000);
      FakeSocket.made[2]!.close(1006);
      expect(states.at(-1)).toMatchObject({ why: 'lost', reason: 'closed (1006)' });
    } finally {
      globalThis.WebSocket = real;
      vi.useRealTimers();
    }
  });

  it('the connection line says each in words, in German too', async () => {
    const en = (id: 'app.conn.closed', v: Record<string, string>) => english(id, v);
    const de = translator('de', await loadCatalog('de'));
    expect(en('app.conn.closed', { why: 'behind' })).toBe('This screen fell behind. It reconnects and reads everything again…');
    expect(en('app.conn.closed', { why: 'lost' })).toBe('Not connected. Trying again…');
    expect(en('app.conn.closed', { why: 'refused' })).toMatch(/does not accept this link/);
    expect(de('app.conn.closed', { why: 'behind' })).toMatch(/^Dieser Bildschirm ist zurückgefallen/);
  });
});
