import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { PortDatalist } from '../../components/PortDatalist';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { useSerial } from './store';
import { AUTOBAUD_RATES } from '../../../src-shared/capabilities/serial/contract';
import type { RbError } from '../../../src-shared/contract';
import { sayText, useT } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';

const PARITY: Record<'none' | 'even' | 'odd' | 'mark' | 'space', MessageId> = {
  none: 'serial.parity.none',
  even: 'serial.parity.even',
  odd: 'serial.parity.odd',
  mark: 'serial.parity.mark',
  space: 'serial.parity.space',
};

export const BAUD_CHOICES = [...AUTOBAUD_RATES].sort((a, b) => a - b);

/** Pick a port and its settings, then open it. Several can be open at once (one tab each). */
export function ConnectPanel() {
  const api = useApi();
  const t = useT();
  const ports = useSerial((s) => s.ports);
  const note = useSerial((s) => s.portsNote);
  const noteMsg = useSerial((s) => s.portsNoteMsg);
  const profiles = useSerial((s) => s.profiles);
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState(115200);
  const [dataBits, setDataBits] = useState<5 | 6 | 7 | 8>(8);
  const [parity, setParity] = useState<'none' | 'even' | 'odd' | 'mark' | 'space'>('none');
  const [stopBits, setStopBits] = useState<1 | 1.5 | 2>(1);
  const [flow, setFlow] = useState<'none' | 'rtscts' | 'xonxoff'>('none');
  const [profile, setProfile] = useState('generic');
  const [autoStop, setAutoStop] = useState(true);
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  // Once the person has put the cursor in the port field, a port list arriving late must not change it.
  const touched = useRef(false);

  const refresh = async (): Promise<void> => {
    try {
      const ports = await useSerial.getState().refreshPorts(api);
      // only fill in a port when the person has not typed one meanwhile
      const first = ports[0]?.path;
      if (first && !touched.current) setPath((p) => p || first);
    } catch (err) {
      setError(asRbError(err));
    }
  };
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const open = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await useSerial.getState().open(api, { path: path.trim(), settings: { baud, dataBits, parity, stopBits, flow }, profile, autoStop });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="console-connect-title">
      <h2 id="console-connect-title">{t('serial.title')}</h2>
      <p className="lead">{t('serial.lead')}</p>
      <form
        className="controls console-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label className="console-wide">
          {t('serial.port')}
          <input list="console-port-list" value={path} onFocus={() => (touched.current = true)} onChange={(e) => { touched.current = true; setPath(e.target.value); }} placeholder={t('failsafe.start.serialExample')} spellCheck={false} required data-testid="console-path" />
          <PortDatalist id="console-port-list" ports={ports} />
        </label>
        <label>
          {t('serial.baud')}
          <select value={baud} onChange={(e) => setBaud(Number(e.target.value))} data-testid="console-baud">
            {BAUD_CHOICES.map((b) => (
              <option key={b} value={b}>
                {b === 115200 ? t('serial.baudMost', { baud: b }) : b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('serial.profile')}
          <select value={profile} onChange={(e) => setProfile(e.target.value)} data-testid="console-profile">
            {(profiles.length ? profiles : [{ id: 'generic', label: '', labelMsg: undefined }]).map((p) => (
              <option key={p.id} value={p.id} data-i18n-data="serial profile">
                {p.id === 'generic' ? t('serial.anyRouter') : sayText(t, p.label, p.labelMsg)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox" title={t('serial.autoStop.why')}>
          <input type="checkbox" checked={autoStop} onChange={(e) => setAutoStop(e.target.checked)} data-testid="console-autostop" /> {t('serial.autoStop')}
        </label>
        <button type="submit" className="btn primary" disabled={busy || !path.trim()} data-testid="console-open">
          {busy ? t('serial.opening') : t('serial.open')}
        </button>
        <button type="button" className="btn" onClick={() => void refresh()}>
          {t('serial.refresh')}
        </button>
      </form>
      <details className="advanced">
        <summary>{t('serial.more')}</summary>
        <div className="controls">
          <label>
            {t('serial.dataBits')}
            <select value={dataBits} onChange={(e) => setDataBits(Number(e.target.value) as 5 | 6 | 7 | 8)}>
              {[8, 7, 6, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t('serial.parity')}
            <select value={parity} onChange={(e) => setParity(e.target.value as typeof parity)}>
              {(['none', 'even', 'odd', 'mark', 'space'] as const).map((n) => (
                <option key={n} value={n}>
                  {t(PARITY[n])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('serial.stopBits')}
            <select value={stopBits} onChange={(e) => setStopBits(Number(e.target.value) as 1 | 1.5 | 2)}>
              {[1, 1.5, 2].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            {t('serial.flow')}
            <select value={flow} onChange={(e) => setFlow(e.target.value as typeof flow)}>
              <option value="none">{t('serial.flow.none')}</option>
              <option value="rtscts">{t('serial.flow.rtscts')}</option>
              <option value="xonxoff">{t('serial.flow.xonxoff')}</option>
            </select>
          </label>
        </div>
      </details>
      {ports.length === 0 && !note && <p className="empty">{t('serial.noAdapter')}</p>}
      {note && <p className="note">{sayText(t, note, noteMsg)}</p>}
      {error && <ErrorCard error={error} />}
    </section>
  );
}
