import { memo, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { useApp } from '../../app/store';
import { useFailsafe } from './store';
import { clockTime } from '../../format';
import type { RbError } from '../../../src-shared/contract';
import type { FailsafeDatagram } from '../../../src-shared/capabilities/failsafe/contract';

const KIND_WORDS: Record<FailsafeDatagram['kind'], string> = {
  'failsafe-prompt': 'Press the button now',
  'failsafe-entered': 'Rescue mode started',
  preinit: 'Router is starting',
  'regular-boot': 'Normal start (missed)',
  unknown: 'Other message',
};

/** The raw listener: every datagram on UDP 4919, for technicians (the guided flow above uses the same monitor). */
export function MonitorPanel() {
  const api = useApi();
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
        <h2>Listen only</h2>
        <p>
          For technicians: listen for the router's start-up messages without the guide. While OpenWrt starts, it sends a short message asking
          you to press a button.
        </p>
        <div className="controls">
          <label>
            Listen on
            <select value={bind} onChange={(e) => setBind(e.target.value)} disabled={listening} data-testid="failsafe-bind">
              <option value="0.0.0.0">All network connections</option>
              {external.map((i) => (
                <option key={`${i.name}-${i.address}`} value={i.address}>
                  {i.name} — {i.address}
                </option>
              ))}
            </select>
          </label>
          <details className="advanced">
            <summary>Advanced</summary>
            <label>
              UDP port
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} disabled={listening} data-testid="failsafe-port" size={6} />
            </label>
          </details>
          <button type="button" className={listening ? 'btn' : 'btn primary'} onClick={toggle} disabled={busy} data-testid="failsafe-toggle">
            {listening ? 'Stop listening' : 'Start listening'}
          </button>
        </div>
        <p className="status" data-testid="failsafe-status" data-state={monitor.state} aria-live="polite">
          {listening
            ? `Listening on UDP port ${monitor.port}${monitor.startedAt ? ` since ${clockTime(monitor.startedAt)}` : ''}. ${forwarded} message${forwarded === 1 ? '' : 's'} received.${monitor.suppressed ? ` ${monitor.suppressed} more were not shown: something is flooding this port.` : ''}`
            : monitor.state === 'error'
              ? 'Not listening: see below.'
              : 'Not listening.'}
        </p>
        {!hasRescueAddress && external.length > 0 && (
          <p className="note" data-testid="failsafe-address-note">
            This computer has no address in 192.168.1.x yet. The router in rescue mode only talks to that network: give this computer an address
            like 192.168.1.10 on the cable to the router.
          </p>
        )}
        {error && <ErrorCard error={error} />}
        {!error && monitor.state === 'error' && monitor.error && <ErrorCard error={monitor.error} />}
      </section>

      <section className="card">
        <div className="card-head">
          <h2>Messages from the router</h2>
          <button type="button" className="btn small" onClick={clear} disabled={datagrams.length === 0}>
            Clear list
          </button>
        </div>
        {datagrams.length === 0 ? (
          <p className="empty">Nothing heard yet.</p>
        ) : (
          <table className="events" aria-label="Messages from the router">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">From</th>
                <th scope="col">Message</th>
                <th scope="col">Meaning</th>
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
  return (
    <tr data-testid="failsafe-event" data-kind={d.kind} className={d.unexpectedSource ? 'flagged' : undefined}>
                  <td className="mono">{clockTime(d.receivedAt)}</td>
                  <td className="mono">
                    {d.from}
                    {d.practice && <span className="practice-badge" title="From the practice router on this computer">PRACTICE</span>}
                    {d.unexpectedSource && <span className="tag warn" title="OpenWrt's rescue mode uses 192.168.1.x; this came from elsewhere">not a rescue address</span>}
                  </td>
                  <td className="msg">
                    {d.text || <em>(empty)</em>}
                    {!d.wellFormed && <span className="tag" title={d.notes.join('; ')}>unusual</span>}
                  </td>
                  <td>{KIND_WORDS[d.kind]}</td>
                </tr>
  );
});
