import { useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes } from '../../format';
import { useFlash } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { DeviceInfo } from '../../../src-shared/capabilities/device';
import { asRbError } from '../../api/types';
import { timeLeft } from './errors';
import { saidAmong, useT } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';
import { place } from '../../i18n/place';

function Bar({ value, max, label, testid }: { value: number; max: number; label: string; testid: string }) {
  const pct = max > 0 ? Math.min(100, Math.floor((value / max) * 100)) : 0;
  return (
    <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label} data-testid={testid}>
      <div style={{ width: `${pct}%` }} />
      <span>
        {label}: {pct}%
      </span>
    </div>
  );
}

const PHASE_WORDS: Record<string, MessageId> = {
  connecting: 'flash.backup.phase.connecting',
  discovering: 'flash.backup.phase.discovering',
  'hashing-on-router': 'flash.backup.phase.hashing-on-router',
  copying: 'flash.backup.phase.copying',
  verifying: 'flash.backup.phase.verifying',
};

/** One click backs up every partition; progress per partition and overall, with speed and time left. */
export function BackupPanel({ device }: { device: DeviceInfo }) {
  const api = useApi();
  const t = useT();
  const target = useFlash((s) => s.target);
  const progress = useFlash((s) => s.progress);
  const parts = useFlash((s) => s.parts);
  const result = useFlash((s) => s.result);
  const [error, setError] = useState<RbError | undefined>();
  const [outDir, setOutDir] = useState('');
  const total = device.partitions.reduce((s, p) => s + p.size, 0);
  const running = progress !== undefined;

  const start = async (retry = false) => {
    if (!target) return;
    setError(undefined);
    const dir = retry ? result?.dir : outDir.trim() || undefined;
    try {
      await useFlash.getState().startBackup(api, { target, retryFailed: retry, ...(dir ? { outDir: dir } : {}) });
    } catch (err) {
      setError(asRbError(err));
    }
  };
  const cancel = async () => {
    if (progress) await api.invoke('flash.backup.cancel', { backupId: progress.backupId });
  };

  const okCount = result ? result.manifest.partitions.filter((p) => p.status === 'ok').length : 0;
  return (
    <section className="card" aria-labelledby="flash-backup-title" data-testid="flash-backup">
      <div className="card-head">
        <h2 id="flash-backup-title">{t('flash.backup.title')}</h2>
        {running ? (
          <button type="button" className="btn" onClick={() => void cancel()} data-testid="flash-backup-cancel">
            {t('flash.backup.stop')}
          </button>
        ) : (
          <button type="button" className="btn primary big" onClick={() => void start(false)} disabled={!target} data-testid="flash-backup-start">
            {result ? t('flash.backup.again') : t('flash.backup.all', { count: device.partitions.length })}
          </button>
        )}
      </div>
      {!running && !result && (
        <>
          <p>{t('flash.backup.lead', { size: bytes(total) })}</p>
          <details className="advanced">
            <summary>{t('flash.backup.where')}</summary>
            <div className="controls">
              <label className="flash-wide">
                {t('flash.backup.folder')}
                <input value={outDir} onChange={(e) => setOutDir(e.target.value)} spellCheck={false} data-testid="flash-outdir" />
              </label>
            </div>
          </details>
        </>
      )}
      {running && progress && (
        <div aria-live="polite" data-testid="flash-backup-progress" data-phase={progress.phase}>
          <p className="status">
            {PHASE_WORDS[progress.phase] && (progress.partition || progress.phase === 'connecting' || progress.phase === 'discovering')
              ? t(PHASE_WORDS[progress.phase]!, { name: progress.partition?.name ?? '', n: progress.position ?? 0, count: progress.count ?? 0 })
              : t('flash.backup.phase.working')}
          </p>
          <Bar value={progress.totalDone} max={progress.totalSize} label={t('flash.backup.allParts')} testid="flash-bar-total" />
          {progress.partition && <Bar value={progress.partition.done} max={progress.partition.size} label={progress.partition.name} testid="flash-bar-part" />}
          <p data-testid="flash-rate">
            {t('flash.backup.rate', {
              done: bytes(progress.totalDone),
              total: bytes(progress.totalSize),
              rate: progress.rate > 0 ? t('flash.backup.perSecond', { size: bytes(Math.round(progress.rate)) }) : t('flash.backup.measuring'),
              left: timeLeft(t, progress.etaMs),
            })}
          </p>
        </div>
      )}
      {result && !running && (
        <div data-testid="flash-backup-result" data-ok={result.ok}>
          {result.ok ? (
            <p className="fs-result flash-ok">
              {place(t, 'flash.backup.done', { count: okCount, size: bytes(result.manifest.partitions.reduce((s, p) => s + (p.bytes ?? 0), 0)) }, { dir: <span className="mono" data-i18n-data="path">{result.dir}</span> })}
            </p>
          ) : result.error ? (
            <ErrorCard error={result.error} title={t('flash.backup.notStarted')} />
          ) : (
            <>
              <p className="fs-result flash-bad">
                {place(t, 'flash.backup.partial', { ok: okCount, count: result.manifest.partitions.length, failed: result.failed.join(', ') }, { dir: <span className="mono" data-i18n-data="path">{result.dir}</span> })}
              </p>
              <button type="button" className="btn primary" onClick={() => void start(true)} data-testid="flash-backup-retry">
                {t('flash.backup.retry', { count: result.failed.length })}
              </button>
            </>
          )}
        </div>
      )}
      {Object.keys(parts).length > 0 && (
        <ul className="flash-parts" data-testid="flash-parts">
          {Object.values(parts)
            .sort((a, b) => a.index - b.index)
            .map((p) => (
              <li key={p.index} data-status={p.status} data-testid={`flash-part-${p.index}`}>
                <span className={p.status === 'ok' ? 'flash-mark ok' : 'flash-mark bad'} aria-hidden="true">
                  {p.status === 'ok' ? '✓' : '✗'}
                </span>
                <strong>{p.name}</strong> {p.status === 'ok' ? t('flash.backup.copied', { size: bytes(p.bytes ?? p.size) }) : t('flash.backup.failed')}
                {p.status === 'ok' && p.deviceHash && (p.deviceHash.matches ? t('flash.backup.agrees') : '')}
                {p.badBlocks.length > 0 && t('flash.backup.badBlocks', { count: p.badBlocks.length })}
                {p.status === 'ok' && p.sha256 && <span className="mono flash-hash" data-i18n-data="checksum"> sha256 {p.sha256.slice(0, 16)}…</span>}
                {p.warnings?.map((w) => (
                  <p className="note" key={w}>
                    {saidAmong(t, w, p.warningsMsg)}
                  </p>
                ))}
                {p.error && <ErrorCard error={p.error} />}
              </li>
            ))}
        </ul>
      )}
      {error && <ErrorCard error={error} />}
    </section>
  );
}
