import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime } from '../../format';
import { fractionDone, secondsLeft, useTftp } from './store';
import type { TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';

function duration(s: number): string {
  if (s < 1) return 'under a second';
  if (s < 90) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function optionsText(t: TftpTransferInfo): string {
  const o = t.options;
  const parts = [`blocks of ${o.blksize} bytes`];
  if (o.windowsize > 1) parts.push(`window ${o.windowsize}`);
  if (o.tsize !== undefined) parts.push('size announced');
  parts.push(o.oack ? 'options agreed' : 'no options (plain TFTP)');
  if (t.mode === 'netascii') parts.push('text mode');
  return parts.join(', ');
}

function Transfer({ t }: { t: TftpTransferInfo }) {
  const recent = useTftp((s) => s.recentRate[t.id]);
  const f = fractionDone(t);
  const left = secondsLeft(t, recent);
  // While it runs, the speed now; once finished, the average over the whole transfer.
  const rate = t.state === 'running' && recent !== undefined ? recent : t.rate;
  const toRouter = t.direction === 'read';
  // The file sent can differ from the name asked for (an alias, or the file sent for any name: TP-Link recovery).
  const sent = toRouter && t.served !== undefined ? t.served : t.file;
  const substituted = toRouter && t.served !== undefined && t.served !== t.file;
  const title =
    t.state === 'error'
      ? toRouter
        ? `${t.peer} asked for ${t.file}`
        : `${t.peer} tried to upload ${t.file}`
      : toRouter
        ? `Sending ${sent} to ${t.peer}`
        : `Receiving ${t.file} from ${t.peer}`;
  const took = t.endedAt !== undefined ? (t.endedAt - t.startedAt) / 1000 : undefined;
  return (
    <li className={`tftp-transfer ${t.state}`} data-testid="tftp-transfer" data-state={t.state} data-file={t.file} data-served={sent}>
      <div className="tftp-transfer-head">
        <span className="tftp-transfer-title">{title}</span>
        <span className={`tag tftp-state ${t.state}`}>{t.state === 'running' ? 'in progress' : t.state === 'done' ? 'done' : 'failed'}</span>
        <span className="tftp-when">{clockTime(t.startedAt)}</span>
      </div>
      {substituted && (
        <p className="tftp-asked" data-testid="tftp-asked">
          The router asked for <span className="mono">{t.file}</span>; sent <span className="mono">{t.served}</span>
          {t.servedBy === 'alias' ? ' (the file set up for that name).' : ' (the file sent for any name).'}
        </p>
      )}
      {t.state !== 'error' && (
        <>
          <progress
            className="tftp-bar"
            max={1}
            value={f}
            aria-label={`${title}: ${f === undefined ? 'size not known' : `${Math.round(f * 100)} percent`}`}
          />
          <p className="tftp-numbers" data-testid="tftp-numbers">
            {f !== undefined && <strong>{Math.round(f * 100)}%</strong>} {bytes(t.bytes)}
            {t.size !== undefined && ` of ${bytes(t.size)}`} · {bytes(Math.round(rate))}/s
            {left !== undefined && ` · about ${duration(left)} left`}
            {t.state === 'done' && took !== undefined && ` · took ${duration(took)}`}
            {t.retransmits > 0 && ` · ${t.retransmits} packets sent again`}
          </p>
        </>
      )}
      {t.state === 'done' && (
        <p className="tftp-done" data-testid="tftp-done">
          {toRouter ? `The router received all of ${sent}.` : `Saved ${t.file} in the upload folder.`} SHA-256:{' '}
          <span className="mono tftp-sha" data-testid="tftp-sha">
            {t.sha256}
          </span>
        </p>
      )}
      {t.state === 'error' && t.error && <ErrorCard error={t.error} />}
      <p className="tftp-meta">
        From <span className="mono">{`${t.peer}:${t.peerPort}`}</span> · {optionsText(t)}
      </p>
    </li>
  );
}

/** Running and recent transfers, newest first: progress, rate, time left, what was agreed, and the checksum. */
export function TransferList() {
  const transfers = useTftp((s) => s.transfers);
  const clear = useTftp((s) => s.clearFinished);
  const running = transfers.filter((t) => t.state === 'running').length;
  return (
    <section className="card" aria-labelledby="tftp-transfers-title">
      <div className="card-head">
        <h2 id="tftp-transfers-title">Transfers{running > 0 ? ` (${running} running)` : ''}</h2>
        <button type="button" className="btn small" onClick={clear} disabled={transfers.length === running}>
          Clear finished
        </button>
      </div>
      {transfers.length === 0 ? (
        <p className="empty">No transfers yet. When the router asks for a file, it appears here.</p>
      ) : (
        <ul className="tftp-transfers" aria-live="polite">
          {transfers.map((t) => (
            <Transfer key={t.id} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}
