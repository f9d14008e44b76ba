import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime } from '../../format';
import { fractionDone, secondsLeft, useTftp } from './store';
import type { TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import { useT, type T } from '../../i18n';

function duration(tr: T, s: number): string {
  if (s < 1) return tr('tftp.duration.underSecond');
  if (s < 90) return tr('tftp.duration.seconds', { s: Math.round(s) });
  return tr('tftp.duration.minutes', { m: Math.floor(s / 60), s: Math.round(s % 60) });
}

function optionsText(tr: T, t: TftpTransferInfo): string {
  const o = t.options;
  const parts = [tr('tftp.options.blocks', { size: o.blksize })];
  if (o.windowsize > 1) parts.push(tr('tftp.options.window', { size: o.windowsize }));
  if (o.tsize !== undefined) parts.push(tr('tftp.options.tsize'));
  parts.push(tr(o.oack ? 'tftp.options.agreed' : 'tftp.options.none'));
  if (t.mode === 'netascii') parts.push(tr('tftp.options.text'));
  return parts.reduce((a, b) => tr('tftp.options.join', { a, b }));
}

function Transfer({ t }: { t: TftpTransferInfo }) {
  const tr = useT();
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
        ? tr('tftp.transfer.asked', { peer: t.peer, file: t.file })
        : tr('tftp.transfer.triedUpload', { peer: t.peer, file: t.file })
      : toRouter
        ? tr('tftp.transfer.sending', { file: sent, peer: t.peer })
        : tr('tftp.transfer.receiving', { file: t.file, peer: t.peer });
  const took = t.endedAt !== undefined ? (t.endedAt - t.startedAt) / 1000 : undefined;
  return (
    <li className={`tftp-transfer ${t.state}`} data-testid="tftp-transfer" data-state={t.state} data-file={t.file} data-served={sent}>
      <div className="tftp-transfer-head">
        <span className="tftp-transfer-title">{title}</span>
        <span className={`tag tftp-state ${t.state}`}>{tr(t.state === 'running' ? 'tftp.state.running' : t.state === 'done' ? 'tftp.state.done' : 'tftp.state.error')}</span>
        <span className="tftp-when">{clockTime(t.startedAt)}</span>
      </div>
      {substituted && (
        <p className="tftp-asked" data-testid="tftp-asked">
          {tr('tftp.transfer.askedFor')}{' '}
          <span className="mono" data-i18n-data="file name">
            {t.file}
          </span>
          {tr('tftp.transfer.sent')}{' '}
          <span className="mono" data-i18n-data="file name">
            {t.served}
          </span>
          {tr(t.servedBy === 'alias' ? 'tftp.transfer.byAlias' : 'tftp.transfer.byAny')}
        </p>
      )}
      {t.state !== 'error' && (
        <>
          <progress
            className="tftp-bar"
            max={1}
            value={f}
            aria-label={f === undefined ? tr('tftp.transfer.barUnknown', { title }) : tr('tftp.transfer.barPercent', { title, percent: Math.round(f * 100) })}
          />
          <p className="tftp-numbers" data-testid="tftp-numbers">
            {f !== undefined && <strong>{Math.round(f * 100)}%</strong>} {bytes(t.bytes)}
            {t.size !== undefined && tr('tftp.transfer.of', { size: bytes(t.size) })} · {bytes(Math.round(rate))}/s
            {left !== undefined && tr('tftp.transfer.left', { time: duration(tr, left) })}
            {t.state === 'done' && took !== undefined && tr('tftp.transfer.took', { time: duration(tr, took) })}
            {t.retransmits > 0 && tr('tftp.transfer.resent', { count: t.retransmits })}
          </p>
        </>
      )}
      {t.state === 'done' && (
        <p className="tftp-done" data-testid="tftp-done">
          {toRouter ? tr('tftp.transfer.received', { file: sent }) : tr('tftp.transfer.saved', { file: t.file })} <span data-i18n-data="technical name">SHA-256:</span>{' '}
          <span className="mono tftp-sha" data-testid="tftp-sha" data-i18n-data="checksum">
            {t.sha256}
          </span>
        </p>
      )}
      {t.state === 'error' && t.error && <ErrorCard error={t.error} />}
      <p className="tftp-meta">
        {tr('tftp.transfer.from')} <span className="mono">{`${t.peer}:${t.peerPort}`}</span> · {optionsText(tr, t)}
      </p>
    </li>
  );
}

/** Running and recent transfers, newest first: progress, rate, time left, what was agreed, and the checksum. */
export function TransferList() {
  const t = useT();
  const transfers = useTftp((s) => s.transfers);
  const clear = useTftp((s) => s.clearFinished);
  const running = transfers.filter((x) => x.state === 'running').length;
  return (
    <section className="card" aria-labelledby="tftp-transfers-title">
      <div className="card-head">
        <h2 id="tftp-transfers-title">{t('tftp.transfers.title', { running })}</h2>
        <button type="button" className="btn small" onClick={clear} disabled={transfers.length === running}>
          {t('tftp.transfers.clear')}
        </button>
      </div>
      {transfers.length === 0 ? (
        <p className="empty">{t('tftp.transfers.none')}</p>
      ) : (
        <ul className="tftp-transfers" aria-live="polite">
          {transfers.map((x) => (
            <Transfer key={x.id} t={x} />
          ))}
        </ul>
      )}
    </section>
  );
}
