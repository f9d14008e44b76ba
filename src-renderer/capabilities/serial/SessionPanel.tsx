import { lazy, Suspense, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { clockTime } from '../../format';
import { useSerial, type Banner } from './store';
import { describeMatch, type WatchMatch } from '../../../src-shared/capabilities/serial/watchers';
import type { RbError } from '../../../src-shared/contract';
import type { SerialSession } from '../../../src-shared/capabilities/serial/contract';
import { BAUD_CHOICES } from './ConnectPanel';

/** xterm.js is loaded when a console is first shown, not with the rest of the app. */
const Terminal = lazy(() => import('./Terminal').then((m) => ({ default: m.Terminal })));

const NO_BANNERS: Banner[] = [];

/** With auto-stop on, the countdown banner says what Rescue Bench is doing about it. */
function bannerText(m: WatchMatch, autoStop: boolean): string {
  if (m.kind === 'uboot-autoboot' && autoStop) return `U-Boot is counting down — stopping autoboot (${m.stopWith && m.stopWith !== 'any' ? `typing "${m.stopWith}"` : 'pressing a key'} for you).`;
  return describeMatch(m);
}
const URGENT = new Set(['uboot-autoboot', 'preinit-failsafe-prompt', 'kernel-panic']);

/** One open port: its real settings, recognition banners, speed and line controls, and the console. */
export function SessionPanel({ session }: { session: SerialSession }) {
  const api = useApi();
  const banners = useSerial((s) => s.banners[session.id] ?? NO_BANNERS);
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [autobaud, setAutobaud] = useState<string | undefined>();
  const connected = session.state === 'open';

  const act = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    setBusy(what);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(undefined);
    }
  };
  const r = session.requested;
  const mismatch = session.actual.baud !== undefined && session.actual.baud !== r.baud;

  return (
    <section className="card console-session" aria-labelledby={`console-${session.id}-title`} data-testid="console-session" data-state={session.state}>
      <div className="card-head">
        <h2 id={`console-${session.id}-title`}>
          {session.path} <span className={connected ? 'tag ok' : 'tag warn'}>{connected ? 'connected' : session.state}</span>
        </h2>
        <button type="button" className="btn" onClick={() => void act('close', () => api.invoke('serial.close', { id: session.id }))} disabled={!!busy}>
          Close
        </button>
      </div>
      <p className="console-settings" data-testid="console-settings">
        Asked for <strong className="mono">{r.baud} baud {r.dataBits}{r.parity[0]!.toUpperCase()}{r.stopBits}</strong>
        {r.flow !== 'none' ? `, flow ${r.flow}` : ''} · the port runs at{' '}
        <strong className="mono">{session.actual.baud !== undefined ? `${session.actual.baud} baud` : 'an unknown speed'}</strong>
        {mismatch && <span className="tag warn">differs</span>}
        {session.actual.note && !mismatch && session.actual.baud === undefined ? ` (${session.actual.note})` : ''}
        {session.reconnects ? ` · reconnected ${session.reconnects}×` : ''}
      </p>
      {session.state === 'unplugged' && session.error && <ErrorCard error={session.error} />}
      <div className="console-banners" aria-live="assertive">
        {banners.map((b) => (
          <div key={b.id} className={URGENT.has(b.match.kind) ? 'console-banner urgent' : 'console-banner'} data-testid="console-banner" data-kind={b.match.kind}>
            <span>
              <strong>{bannerText(b.match, session.autoStop)}</strong> <span className="muted">at {clockTime(b.at)}</span>
            </span>
            <button type="button" className="btn small" onClick={() => useSerial.getState().dismissBanner(session.id, b.id)} aria-label="Dismiss">
              ✕
            </button>
          </div>
        ))}
      </div>
      <div className="controls console-line-controls">
        <label>
          Speed
          <select value={r.baud} disabled={!connected || !!busy} onChange={(e) => void act('baud', () => api.invoke('serial.configure', { id: session.id, baud: Number(e.target.value) }))} data-testid="console-live-baud">
            {BAUD_CHOICES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={!connected || !!busy}
          onClick={() =>
            void act('autobaud', async () => {
              setAutobaud('Trying each speed — switch the router off and on now so it talks…');
              const res = await api.invoke('serial.autobaud', { id: session.id, listenMs: 800 });
              setAutobaud(res.message);
            })
          }
          title="When the console shows garbage: try the common speeds and keep the one that reads as text"
        >
          {busy === 'autobaud' ? 'Finding the speed…' : 'Find speed'}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={session.autoStop} onChange={(e) => void act('autostop', () => api.invoke('serial.autostop', { id: session.id, enabled: e.target.checked }))} /> Stop U-Boot's countdown for me
        </label>
        <button type="button" className="btn" disabled={!connected || !!busy} onClick={() => void act('ctrlc', () => api.invoke('serial.write', { id: session.id, data: '\u0003', encoding: 'utf8' }))} title="Ctrl-C: a fresh U-Boot prompt without running anything">
          Send Ctrl-C
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('break', () => api.invoke('serial.signals', { id: session.id, breakMs: 250 }))}>
          Send break
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('dtr', () => api.invoke('serial.signals', { id: session.id, dtr: !(session.signals.dtr ?? true) }))}>
          DTR {session.signals.dtr === false ? 'off' : 'on'}
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('rts', () => api.invoke('serial.signals', { id: session.id, rts: !(session.signals.rts ?? true) }))}>
          RTS {session.signals.rts === false ? 'off' : 'on'}
        </button>
      </div>
      {session.signals.note && <p className="muted">{session.signals.note}</p>}
      {autobaud && <p className="status" aria-live="polite">{autobaud}</p>}
      {error && <ErrorCard error={error} />}
      <Suspense fallback={<p className="muted">Loading the console…</p>}>
        <Terminal sessionId={session.id} label={session.path} connected={connected} />
      </Suspense>
      <p className="muted console-logpath">
        Everything is also saved with times to <span className="mono">{session.logPath}</span>. Ctrl+C in the console goes to the router; copy with Ctrl+Shift+C.
      </p>
    </section>
  );
}
