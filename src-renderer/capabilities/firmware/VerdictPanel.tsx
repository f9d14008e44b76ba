import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { useFirmware } from './store';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { parseProcMtd } from '../../../src-shared/capabilities/firmware/procmtd';
import type { InspectionReport, VerdictWire } from '../../../src-shared/capabilities/firmware/contract';
import type { MessageId } from '../../../src-shared/i18n';
import { saidAmong, useT } from '../../i18n';

const VERDICT_WORDS: Record<VerdictWire['verdict'], MessageId> = {
  compatible: 'firmware.verdict.compatible',
  'needs-n': 'firmware.verdict.needsN',
  'needs-F': 'firmware.verdict.needsF',
  'needs-factory': 'firmware.verdict.needsFactory',
  'does-not-fit': 'firmware.verdict.doesNotFit',
  damaged: 'firmware.verdict.damaged',
  unknown: 'firmware.verdict.unknown',
};
const VERDICT_CLASS: Record<VerdictWire['verdict'], string> = { compatible: 'ok', 'needs-n': 'ok', 'needs-F': 'warn', 'needs-factory': 'warn', 'does-not-fit': 'bad', damaged: 'bad', unknown: 'warn' };

/** Step 2: will it go onto this router, and what will sysupgrade say? */
export function VerdictPanel({ report }: { report: InspectionReport }) {
  const api = useApi();
  const t = useT();
  const { verdict, setVerdict, setError, judge } = useFirmware();
  /** One of the verdict's sentences in the language shown (its ids + values travel in verdict.said). */
  const say = (x: string): string => saidAmong(t, x, verdict?.said, report.identity.said);
  const [board, setBoard] = useState(report.identity.profileId ?? '');
  const [compat, setCompat] = useState('');
  const [mtd, setMtd] = useState('');
  const [host, setHost] = useState('192.168.1.1');
  const [password, setPassword] = useState('');
  const [reading, setReading] = useState(false);
  /** What the connected router reported (device.inspect): its own board name and partition sizes. */
  const [connected, setConnected] = useState<{ boardName: string; partitions: { name: string; size: number }[] } | undefined>();
  const partitions = connected?.partitions.length ? connected.partitions : parseProcMtd(mtd).map(({ name, size }) => ({ name, size }));

  const readRouter = async () => {
    setReading(true);
    setError(undefined);
    try {
      const info = await api.invoke('device.inspect', { target: { host: host.trim(), ...(password ? { password } : {}) } });
      const boardName = info.identity.boardName ?? '';
      setConnected({ boardName, partitions: info.partitions.map((p) => ({ name: p.name, size: p.size })) });
      if (boardName) setBoard(DEVICE_PROFILES.find((p) => p.boardName === boardName)?.id ?? boardName);
      // The router's own compat_version (absent on old images: sysupgrade then assumes 1.0).
      setCompat(info.identity.compatVersion ?? '1.0');
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => setBoard(report.identity.profileId ?? ''), [report.sha256, report.identity.profileId]);

  useEffect(() => {
    if (!board) {
      setVerdict(undefined);
      return;
    }
    let live = true;
    const device = { boardName: board, ...(compat.trim() ? { compatVersion: compat.trim() } : {}), ...(partitions.length ? { partitions } : {}) };
    // the store keeps only the newest request's verdict; a stale one's error is not thrown
    judge(api, { inspection: { fileName: report.fileName, identity: report.identity, metadata: report.metadata }, device }).catch(
      (err: unknown) => live && setError(asRbError(err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board, compat, mtd, connected, report.sha256]);

  return (
    <section className="card" aria-labelledby="fw-verdict-title">
      <h2 id="fw-verdict-title">{t('firmware.verdict.title')}</h2>
      <div className="controls">
        <label>
          {t('firmware.verdict.router')}
          <select value={board} onChange={(e) => setBoard(e.target.value)} data-testid="fw-router">
            <option value="">{t('firmware.verdict.choose')}</option>
            {DEVICE_PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.vendor} {p.model}
              </option>
            ))}
            {board && !DEVICE_PROFILES.some((p) => p.id === board) && <option value={board}>{t('firmware.verdict.asCalled', { board })}</option>}
          </select>
        </label>
      </div>
      <details className="advanced">
        <summary>{t('firmware.verdict.readFromRouter')}</summary>
        <div className="controls">
          <label>
            {t('firmware.verdict.host')}
            <input value={host} onChange={(e) => setHost(e.target.value)} data-testid="fw-host" size={15} spellCheck={false} />
          </label>
          <label>
            {t('firmware.verdict.password')}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} size={12} />
          </label>
          <button type="button" className="btn" onClick={readRouter} disabled={reading || !host.trim()} data-testid="fw-read-router">
            {t(reading ? 'firmware.verdict.reading' : 'firmware.verdict.read')}
          </button>
        </div>
        {connected && (
          <p className="status" data-testid="fw-connected">
            {t('firmware.verdict.connected', { board: connected.boardName || 'none', count: connected.partitions.length })}
          </p>
        )}
      </details>
      <details className="advanced">
        <summary>{t('firmware.verdict.reports')}</summary>
        <div className="fw-device-facts">
          <label>
            {t('firmware.verdict.compatFrom')}{' '}
            <span className="mono" data-i18n-data="command">
              uci get system.@system[0].compat_version
            </span>
            )
            <input value={compat} onChange={(e) => setCompat(e.target.value)} placeholder={t('firmware.verdict.compatExample')} data-testid="fw-compat" size={8} />
          </label>
          <label>
            {t('firmware.verdict.pasteMtd')}{' '}
            <span className="mono" data-i18n-data="command">
              cat /proc/mtd
            </span>
            <textarea value={mtd} onChange={(e) => setMtd(e.target.value)} rows={4} data-testid="fw-procmtd" spellCheck={false} placeholder={'mtd6: 07500000 00020000 "rootfs1"'} data-i18n-data="example output" />
          </label>
          {mtd.trim() && <p className="empty">{partitions.length ? t('firmware.verdict.partitionsRead', { count: partitions.length }) : t('firmware.verdict.noPartitions')}</p>}
        </div>
      </details>
      {verdict && board && (
        <div className={`fw-verdict ${VERDICT_CLASS[verdict.verdict]}`} data-testid="fw-verdict" data-verdict={verdict.verdict}>
          <p className="fw-verdict-tag">{t(VERDICT_WORDS[verdict.verdict])}</p>
          <p className="fw-verdict-headline">{say(verdict.headline)}</p>
          <ul>
            {verdict.reasons.map((r) => (
              <li key={r}>{say(r)}</li>
            ))}
          </ul>
          {verdict.steps ? (
            <ol className="fw-steps">
              {verdict.steps.map((s) => (
                <li key={s}>{say(s)}</li>
              ))}
            </ol>
          ) : (
            verdict.command && (
              <p>
                {t('firmware.verdict.command')} <code className="mono" data-i18n-data="command">{verdict.command}</code>
              </p>
            )
          )}
          {verdict.sysupgradeSays.length > 0 && (
            <div>
              <p className="fw-label">{t('firmware.verdict.sysupgradeSays')}</p>
              <pre className="fw-console" data-testid="fw-sysupgrade-says" data-i18n-data="router output">
                {verdict.sysupgradeSays.join('\n')}
              </pre>
            </div>
          )}
          {verdict.withForce && (
            <div>
              <p className="fw-label">{t('firmware.verdict.withForce')}</p>
              <pre className="fw-console" data-i18n-data="router output">{verdict.withForce.join('\n')}</pre>
            </div>
          )}
          {verdict.userReported && <p className="note">{say(verdict.userReported)}</p>}
          {verdict.assumptions.map((a) => (
            <p key={a} className="empty">
              {say(a)}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
