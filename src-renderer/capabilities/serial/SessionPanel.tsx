import { lazy, Suspense, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { clockTime } from '../../format';
import { useSerial, type Banner } from './store';
import type { WatchMatch } from '../../../src-shared/capabilities/serial/watchers';
import type { RbError } from '../../../src-shared/contract';
import type { SerialSession } from '../../../src-shared/capabilities/serial/contract';
import { BAUD_CHOICES } from './ConnectPanel';
import { useT, type T } from '../../i18n';
import { sayIn } from '../../../src-shared/i18n';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { autobaudSaid, matchSaid } from '../../../src-shared/capabilities/serial/said';
import { place } from '../../i18n/place';

/** xterm.js is loaded when a console is first shown, not with the rest of the app. */
const Terminal = lazy(() => import('./Terminal').then((m) => ({ default: m.Terminal })));

const NO_BANNERS: Banner[] = [];

/** What a recognised line means (the words of describeMatch in src-shared, in the language shown). */
export function matchText(t: T, m: WatchMatch): string {
  const said = matchSaid(m);
  return sayIn(t, said.msg, said.text);
}

/** With auto-stop on, the countdown banner says what Rescue Bench is doing about it. */
function bannerText(t: T, m: WatchMatch, autoStop: boolean): string {
  if (m.kind === 'uboot-autoboot' && autoStop) return m.stopWith && m.stopWith !== 'any' ? t('serial.banner.stoppingWith', { word: m.stopWith }) : t('serial.banner.stopping');
  return matchText(t, m);
}

/** The result of "Find speed", said from what was found (the workstation's English is the same words). */
function autobaudText(t: T, r: { baud?: number | undefined; tried: ReadonlyArray<{ bytes: number }>; message?: string; messageMsg?: SaidMessage | undefined }): string {
  const said = autobaudSaid(r);
  return r.message !== undefined && r.messageMsg ? sayIn(t, r.messageMsg, r.message) : sayIn(t, said.msg, said.text);
}

/** The port's own note about its speed: by its id (decision 0164), or from the numbers it is about (an older workstation). */
function speedNote(t: T, s: SerialSession): string | undefined {
  const a = s.actual;
  if (!a.note) return undefined;
  if (a.noteMsg) return sayIn(t, a.noteMsg, a.note);
  if (a.baud === undefined) return t('serial.note.noSpeed');
  if (a.baud !== s.requested.baud) return t('serial.note.otherSpeed', { baud: String(a.baud), asked: String(s.requested.baud) });
  return a.note;
}
const URGENT = new Set(['uboot-autoboot', 'preinit-failsafe-prompt', 'kernel-panic']);

/** One open port: its real settings, recognition banners, speed and line controls, and the console. */
export function SessionPanel({ session }: { session: SerialSession }) {
  const api = useApi();
  const t = useT();
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
          {session.path} <span className={connected ? 'tag ok' : 'tag warn'}>{t('serial.state', { state: session.state })}</span>
        </h2>
        <button type="button" className="btn" onClick={() => void act('close', () => api.invoke('serial.close', { id: session.id }))} disabled={!!busy}>
          {t('serial.close')}
        </button>
      </div>
      <p className="console-settings" data-testid="console-settings">
        {t('serial.settings.asked')} <strong className="mono">{t('serial.settings.line', { baud: String(r.baud), frame: `${r.dataBits}${r.parity[0]!.toUpperCase()}${r.stopBits}` })}</strong>
        {r.flow !== 'none' ? t('serial.settings.flow', { flow: r.flow }) : ''}
        {t('serial.settings.runsAt')}
        <strong className="mono">{session.actual.baud !== undefined ? t('serial.settings.line', { baud: String(session.actual.baud), frame: '' }).trim() : t('serial.settings.unknownSpeed')}</strong>
        {mismatch && <span className="tag warn">{t('serial.settings.differs')}</span>}
        {session.actual.note && !mismatch && session.actual.baud === undefined ? ` (${speedNote(t, session)})` : ''}
        {session.reconnects ? t('serial.settings.reconnected', { count: session.reconnects }) : ''}
      </p>
      {session.state === 'unplugged' && session.error && <ErrorCard error={session.error} />}
      <div className="console-banners" aria-live="assertive">
        {banners.map((b) => (
          <div key={b.id} className={URGENT.has(b.match.kind) ? 'console-banner urgent' : 'console-banner'} data-testid="console-banner" data-kind={b.match.kind}>
            <span>
              <strong>{bannerText(t, b.match, session.autoStop)}</strong> <span className="muted">{t('serial.banner.at', { time: clockTime(b.at) })}</span>
            </span>
            <button type="button" className="btn small" onClick={() => useSerial.getState().dismissBanner(session.id, b.id)} aria-label={t('serial.banner.dismiss')}>
              ✕
            </button>
          </div>
        ))}
      </div>
      <div className="controls console-line-controls">
        <label>
          {t('serial.speed')}
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
              setAutobaud(t('serial.findSpeed.trying'));
              const res = await api.invoke('serial.autobaud', { id: session.id, listenMs: 800 });
              setAutobaud(autobaudText(t, res));
            })
          }
          title={t('serial.findSpeed.why')}
        >
          {busy === 'autobaud' ? t('serial.findSpeed.busy') : t('serial.findSpeed')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={session.autoStop} onChange={(e) => void act('autostop', () => api.invoke('serial.autostop', { id: session.id, enabled: e.target.checked }))} /> {t('serial.autoStop')}
        </label>
        <button type="button" className="btn" disabled={!connected || !!busy} onClick={() => void act('ctrlc', () => api.invoke('serial.write', { id: session.id, data: '\u0003', encoding: 'utf8' }))} title={t('serial.ctrlc.why')}>
          {t('serial.ctrlc')}
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('break', () => api.invoke('serial.signals', { id: session.id, breakMs: 250 }))}>
          {t('serial.break')}
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('dtr', () => api.invoke('serial.signals', { id: session.id, dtr: !(session.signals.dtr ?? true) }))}>
          {t('serial.line', { line: 'DTR', on: String(session.signals.dtr !== false) })}
        </button>
        <button type="button" className="btn" disabled={!connected || !!busy || session.signals.supported === false} onClick={() => void act('rts', () => api.invoke('serial.signals', { id: session.id, rts: !(session.signals.rts ?? true) }))}>
          {t('serial.line', { line: 'RTS', on: String(session.signals.rts !== false) })}
        </button>
      </div>
      {session.signals.note && <p className="muted">{session.signals.noteMsg ? sayIn(t, session.signals.noteMsg, session.signals.note) : session.signals.supported === false ? t('serial.note.noSignals') : session.signals.note}</p>}
      {autobaud && <p className="status" aria-live="polite">{autobaud}</p>}
      {error && <ErrorCard error={error} />}
      <Suspense fallback={<p className="muted">{t('serial.loading')}</p>}>
        <Terminal sessionId={session.id} label={session.path} connected={connected} />
      </Suspense>
      <p className="muted console-logpath">
        {place(t, 'serial.logPath', {}, { path: <span className="mono" data-i18n-data="path">{session.logPath}</span> })}
      </p>
    </section>
  );
}
