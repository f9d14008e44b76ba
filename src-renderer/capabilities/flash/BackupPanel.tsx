import { useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes } from '../../format';
import { useFlash } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { DeviceInfo } from '../../../src-shared/capabilities/device';
import { asRbError } from '../../api/types';
import { timeLeft } from './errors';

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

const PHASE_WORDS: Record<string, string> = {
  connecting: 'Connecting to the router…',
  discovering: 'Reading the partition list…',
  'hashing-on-router': 'The router is computing its own checksum of',
  copying: 'Copying',
  verifying: 'Checking',
};

/** One click backs up every partition; progress per partition and overall, with speed and time left. */
export function BackupPanel({ device }: { device: DeviceInfo }) {
  const api = useApi();
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
        <h2 id="flash-backup-title">Back up everything</h2>
        {running ? (
          <button type="button" className="btn" onClick={() => void cancel()} data-testid="flash-backup-cancel">
            Stop the backup
          </button>
        ) : (
          <button type="button" className="btn primary big" onClick={() => void start(false)} disabled={!target} data-testid="flash-backup-start">
            {result ? 'Back up again' : `Back up all ${device.partitions.length} partitions`}
          </button>
        )}
      </div>
      {!running && !result && (
        <>
          <p>
            This copies every part of the router's memory ({bytes(total)}) to this computer, with a checksum for each part, so you can put it back
            later. The time left shows once copying starts. Keep the cable plugged in.
          </p>
          <details className="advanced">
            <summary>Choose where the backup goes</summary>
            <div className="controls">
              <label className="flash-wide">
                New, empty folder (empty: Rescue Bench's backups folder)
                <input value={outDir} onChange={(e) => setOutDir(e.target.value)} spellCheck={false} data-testid="flash-outdir" />
              </label>
            </div>
          </details>
        </>
      )}
      {running && progress && (
        <div aria-live="polite" data-testid="flash-backup-progress" data-phase={progress.phase}>
          <p className="status">
            {PHASE_WORDS[progress.phase] ?? progress.phase} {progress.partition ? `"${progress.partition.name}" (${progress.position} of ${progress.count})` : ''}
          </p>
          <Bar value={progress.totalDone} max={progress.totalSize} label="All partitions" testid="flash-bar-total" />
          {progress.partition && <Bar value={progress.partition.done} max={progress.partition.size} label={progress.partition.name} testid="flash-bar-part" />}
          <p data-testid="flash-rate">
            {bytes(progress.totalDone)} of {bytes(progress.totalSize)} · {progress.rate > 0 ? `${bytes(Math.round(progress.rate))}/s` : 'measuring speed…'} · {timeLeft(progress.etaMs)}. Keep the cable plugged in.
          </p>
        </div>
      )}
      {result && !running && (
        <div data-testid="flash-backup-result" data-ok={result.ok}>
          {result.ok ? (
            <p className="fs-result flash-ok">
              Done. All {okCount} partitions ({bytes(result.manifest.partitions.reduce((s, p) => s + (p.bytes ?? 0), 0))}) are copied and checked, in{' '}
              <span className="mono">{result.dir}</span>. It is safe to unplug the cable.
            </p>
          ) : result.error ? (
            <ErrorCard error={result.error} title="The backup did not start" />
          ) : (
            <>
              <p className="fs-result flash-bad">
                Not complete: {okCount} of {result.manifest.partitions.length} partitions are good; {result.failed.join(', ')} failed. The good ones are kept in{' '}
                <span className="mono">{result.dir}</span>.
              </p>
              <button type="button" className="btn primary" onClick={() => void start(true)} data-testid="flash-backup-retry">
                Retry the failed {result.failed.length === 1 ? 'partition' : 'partitions'}
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
                <strong>{p.name}</strong> {p.status === 'ok' ? `${bytes(p.bytes ?? p.size)} copied` : 'failed'}
                {p.status === 'ok' && p.deviceHash && (p.deviceHash.matches ? ', the router agrees on the checksum' : '')}
                {p.badBlocks.length > 0 && `, ${p.badBlocks.length} bad block(s) skipped`}
                {p.status === 'ok' && p.sha256 && <span className="mono flash-hash"> sha256 {p.sha256.slice(0, 16)}…</span>}
                {p.warnings?.map((w) => (
                  <p className="note" key={w}>
                    {w}
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
