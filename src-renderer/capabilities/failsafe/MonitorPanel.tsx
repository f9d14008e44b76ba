import { memo, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { useApp } from '../../app/store';
import { useFailsafe } from './store';
import { clockTime } from '../../format';
import type { RbError } from '../../../src-shared/contract';
import type { FailsafeDatagram } from '../../../src-shared/capabilities/failsafe/contract';
import { useT } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';

const KIND_WORDS: Record<FailsafeDatagram['kind'], MessageId> = {
  'failsafe-prompt': 'failsafe.kind.prompt',
  'failsafe-entered': 'failsafe.kind.entered',
  preinit: 'failsafe.kind.preinit',
  'regular-boot': 'failsafe.kind.regular',
  unknown: 'failsafe.kind.unknown',
};

/** The raw listener: every datagram on UDP 4919, for technicians (the guided flow above uses the same monitor). */
export function MonitorPanel() {
  const api = useApi();
  const t = useT();
  const monitor = useFailsafe((s) => s.monitor);
  const forwarded = useFailsafe((s) => s.forwarded);
  const datagrams = useFailsafe((s) => s.datagrams);
  const clear = useFailsafe((s) => s.clear);
  const interfaces = useApp((s) => s.interfaces);
  const [bind, setBind] = useState('0.0.0.0');
  const [port, setPort] = useState('4919');
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  const listening = monitor.state === 'listening';
  const external = interfaces.filter((i) => !i.internal);
  const hasRescueAddress = external.some((i) => i.address.startsWith('192.168.1.') && i.address !== '192.168.1.1');

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (listening) await api.invoke('failsafe.monitor.stop', {});
      else await api.invoke('failsafe.monitor.start', { bind, port: Number(port) });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card">
        <h2>{t('failsafe.monitor.title')}</h2>
        <p>{t('failsafe.monitor.intro')}</p>
        <div className="controls">
          <label>
            {t('failsafe.monitor.listenOn')}
            <select value={bind} onChange={(e) => setBind(e.target.value)} disabled={listening} data-testid="failsafe-bind">
              <option value="0.0.0.0">{t('failsafe.monitor.all')}</option>
              {external.map((i) => (
                <option key={`${i.name}-${i.address}`} value={i.address}>
                  {i.name} — {i.address}
                </option>
              ))}
            </select>
          </label>
          <details className="advanced">
            <summary>{t('common.advanced')}</summary>
            <label>
              {t('failsafe.monitor.port')}
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} disabled={listening} data-testid="failsafe-port" size={6} />
            </label>
          </details>
          <button type="button" className={listening ? 'btn' : 'btn primary'} onClick={toggle} disabled={busy} data-testid="failsafe-toggle">
            {listening ? t('failsafe.monitor.stop') : t('failsafe.monitor.start')}
          </button>
        </div>
        <p className="status" data-testid="failsafe-status" data-state={monitor.state} aria-live="polite">
          {listening
            ? [
                monitor.startedAt
                  ? t('failsafe.monitor.listeningSince', { port: monitor.port ?? 0, time: clockTime(monitor.startedAt) })
                  : t('failsafe.monitor.listening', { port: monitor.port ?? 0 }),
                t('failsafe.monitor.received', { count: forwarded }),
                ...(monitor.suppressed ? [t('failsafe.monitor.suppressed', { count: monitor.suppressed })] : []),
              ].join(' ')
            : monitor.state === 'error'
              ? t('failsafe.monitor.errorState')
              : t('failsafe.monitor.idle')}
        </p>
        {!hasRescueAddress && external.length > 0 && (
          <p className="note" data-testid="failsafe-address-note">
            {t('failsafe.monitor.noAddress')}
          </p>
        )}
        {error && <ErrorCard error={error} />}
        {!error && monitor.state === 'error' && monitor.error && <ErrorCard error={monitor.error} />}
      </section>

      <section className="card">
        <div className="card-head">
          <h2>{t('failsafe.monitor.messages')}</h2>
          <button type="button" className="btn small" onClick={clear} disabled={datagrams.length === 0}>
            {t('failsafe.monitor.clear')}
          </button>
        </div>
        {datagrams.length === 0 ? (
          <p className="empty">{t('failsafe.monitor.nothing')}</p>
        ) : (
          <table className="events" aria-label={t('failsafe.monitor.messages')}>
            <thead>
              <tr>
                <th scope="col">{t('failsafe.monitor.col.time')}</th>
                <th scope="col">{t('failsafe.monitor.col.from')}</th>
                <th scope="col">{t('failsafe.monitor.col.message')}</th>
                <th scope="col">{t('failsafe.monitor.col.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {[...datagrams].reverse().map((d) => (
                <DatagramRow key={`${d.receivedAt}-${d.id}`} d={d} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** One row; memoised so a new datagram renders one row, not the whole list (keeps the cue fast under traffic). */
const DatagramRow = memo(function DatagramRow({ d }: { d: FailsafeDatagram }) {
  const t = useT();
  return (
    <tr data-testid="failsafe-event" data-kind={d.kind} className={d.unexpectedSource ? 'flagged' : undefined}>
                  <td className="mono">{clockTime(d.receivedAt)}</td>
                  <td className="mono">
                    {d.from}
                    {d.practice && <span className="practice-badge" title={t('failsafe.monitor.practice.why')}>{t('failsafe.monitor.practice')}</span>}
                    {d.unexpectedSource && <span className="tag warn" title={t('failsafe.monitor.notRescue.why')}>{t('failsafe.monitor.notRescue')}</span>}
                  </td>
                  <td className="msg">
                    {d.text || <em>{t('failsafe.monitor.empty')}</em>}
                    {!d.wellFormed && <span className="tag" title={d.notes.join('; ')}>{t('failsafe.monitor.unusual')}</span>}
                  </td>
                  <td>{t(KIND_WORDS[d.kind])}</td>
                </tr>
  );
});
