import { useState } from 'react';
import { useApi } from '../../api/context';
import { PortDatalist } from '../../components/PortDatalist';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import { unlockSound } from './sound';
import { useApp } from '../../app/store';
import { usePractice, practiceRunOptions } from '../practice/store';
import { sayText, useT } from '../../i18n';

/** Before a run (or after one ended): what rescue mode is, what it needs, and the Start button. */
export function StartCard({ finished }: { finished: RunSnapshot | undefined }) {
  const api = useApi();
  const t = useT();
  const [serialPath, setSerialPath] = useState('');
  const [autoF, setAutoF] = useState(true);
  // the router chosen on the start screen, if any
  const [deviceId, setDeviceId] = useState(() => useApp.getState().intent?.deviceId ?? '');
  const [windowS, setWindowS] = useState('2');
  const [probeS, setProbeS] = useState('25');
  const [error, setError] = useState<RbError | undefined>();
  const [ports, setPorts] = useState<{ path: string; label: string }[]>([]);
  const loadPorts = (open: boolean): void => {
    if (!open) return;
    api.invoke('serial.ports', {}).then((r) => setPorts(r.ports), () => setPorts([]));
  };
  const [busy, setBusy] = useState(false);
  // with the practice router running, the guide goes to it (loopback) instead of 192.168.1.1
  const practiceState = usePractice((s) => s.state);
  const practice = practiceRunOptions(practiceState);

  const timing = (): { windowS?: number; loginProbeS?: number } => {
    const w = Number(windowS);
    const p = Number(probeS);
    return { ...(w > 0 && w <= 30 ? { windowS: w } : {}), ...(p > 0 && p <= 120 ? { loginProbeS: p } : {}) };
  };
  const start = async () => {
    setBusy(true);
    setError(undefined);
    unlockSound();
    try {
      await api.invoke('playbook.start', {
        playbookId: failsafePlaybook.id,
        options: { ...(serialPath.trim() ? { serialPath: serialPath.trim() } : {}), autoSendF: autoF, ...(deviceId ? { deviceId } : {}), ...timing(), ...(practice ?? {}) },
      });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="fs-start-title" data-testid="fs-start">
      <h2 id="fs-start-title">{finished ? t('failsafe.start.again') : t('playbook.failsafe.title')}</h2>
      {finished && (
        <p className={finished.state === 'done' ? 'fs-result ok' : 'fs-result bad'} data-testid="fs-result" data-state={finished.state}>
          {finished.state === 'done' ? t('failsafe.start.finished') : finished.state === 'stopped' ? t('failsafe.start.stopped') : t('failsafe.start.failed')}
          {finished.summary !== undefined && sayText(t, finished.summary, finished.summaryMsg)}
        </p>
      )}
      <p className="lead">{t('playbook.failsafe.summary')}</p>
      {practice && (
        <p className="note practice-note" data-testid="fs-practice">
          <span className="practice-badge">{t('app.practice.badge')}</span> {t('failsafe.start.practice')}
        </p>
      )}
      <p>{t('failsafe.start.needs')}</p>
      <div className="controls">
        <label>
          {t('failsafe.start.model')}
          <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)} data-testid="fs-device">
            <option value="">{t('failsafe.start.unknownModel')}</option>
            {DEVICE_PROFILES.map((d) => (
              <option key={d.id} value={d.id}>
                {d.vendor} {d.model}
              </option>
            ))}
          </select>
        </label>
        <details className="more" onToggle={(e) => loadPorts((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('failsafe.start.serial')}</summary>
          <label>
            {t('failsafe.start.serialPort')}
            <input value={serialPath} onChange={(e) => setSerialPath(e.target.value)} placeholder={t('failsafe.start.serialExample')} list="fs-serial-ports" data-testid="fs-serial" />
            <PortDatalist id="fs-serial-ports" ports={ports} />
          </label>
          <label className="check">
            <input type="checkbox" checked={autoF} onChange={(e) => setAutoF(e.target.checked)} data-testid="fs-auto-f" />
            {t('failsafe.start.autoF')}
          </label>
        </details>
        <details className="more">
          <summary>{t('failsafe.start.timing')}</summary>
          <label>
            {t('failsafe.start.window')}
            <input inputMode="decimal" value={windowS} onChange={(e) => setWindowS(e.target.value)} size={5} data-testid="fs-window" />
          </label>
          <label>
            {t('failsafe.start.probe')}
            <input inputMode="decimal" value={probeS} onChange={(e) => setProbeS(e.target.value)} size={5} data-testid="fs-probe" />
          </label>
        </details>
        <button type="button" className="btn primary big" onClick={start} disabled={busy} data-testid="fs-start-button">
          {finished ? t('failsafe.start.again') : t('failsafe.start.go')}
        </button>
      </div>
      {error && <ErrorCard error={error} />}
    </section>
  );
}
