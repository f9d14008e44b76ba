import { useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes, rate } from '../../format';
import { pathExample } from '../../app/host-paths';
import { useApp } from '../../app/store';
import { useTftp } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { TftpPutProgress } from '../../../src-shared/capabilities/tftp/contract';
import { useT } from '../../i18n';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function Upload({ p }: { p: TftpPutProgress }) {
  const api = useApi();
  const t = useT();
  const f = p.total > 0 ? p.bytes / p.total : p.state === 'done' ? 1 : 0;
  const title = t('tftp.put.sending', { file: p.remoteName, host: p.host });
  return (
    <li className={`tftp-transfer ${p.state}`} data-testid="tftp-put" data-state={p.state}>
      <div className="tftp-transfer-head">
        <span className="tftp-transfer-title">{title}</span>
        <span className={`tag tftp-state ${p.state}`}>{t(p.state === 'running' ? 'tftp.state.running' : p.state === 'done' ? 'tftp.state.done' : 'tftp.state.error')}</span>
        {p.state === 'running' && (
          <button type="button" className="btn small" onClick={() => void api.invoke('tftp.put.cancel', { id: p.id }).catch(() => undefined)}>
            {t('tftp.put.cancel')}
          </button>
        )}
      </div>
      {p.state !== 'error' && (
        <>
          <progress className="tftp-bar" max={1} value={f} aria-label={t('tftp.transfer.barPercent', { title, percent: Math.round(f * 100) })} />
          <p className="tftp-numbers">
            <strong>{Math.round(f * 100)}%</strong> {t('tftp.put.numbers', { done: bytes(p.bytes), total: bytes(p.total), rate: rate(Math.round(p.bytesPerSecond)) })}
          </p>
        </>
      )}
      {p.state === 'done' && p.result && (
        <p className="tftp-done" data-testid="tftp-put-done">
          {t('tftp.put.done', { blksize: p.result.blksize, window: p.result.windowsize })} <span className="mono tftp-sha" data-i18n-data="checksum">{p.result.sha256}</span>
        </p>
      )}
      {p.state === 'error' && p.error && <ErrorCard error={p.error} />}
    </li>
  );
}

/**
 * For technicians: send a file to a router whose bootloader is a TFTP server (ASUS rescue mode at 192.168.1.1,
 * Ubiquiti urescue at 192.168.1.20). The guided vendor recoveries use the same command.
 */
export function PutPanel() {
  const api = useApi();
  const t = useT();
  const info = useApp((s) => s.info);
  const puts = useTftp((s) => s.puts);
  const [host, setHost] = useState('192.168.1.1');
  const [file, setFile] = useState('');
  const [remoteName, setRemoteName] = useState('');
  const [blksize, setBlksize] = useState('1468');
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  const hostOk = IPV4.test(host.trim());
  const blk = Number(blksize);
  const blkOk = Number.isInteger(blk) && blk >= 8 && blk <= 65464;

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.invoke('tftp.put', { host: host.trim(), file: file.trim(), blksize: blk, ...(remoteName.trim() ? { remoteName: remoteName.trim() } : {}) });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="tftp-put-title">
      <h2 id="tftp-put-title">{t('tftp.put.title')}</h2>
      <p className="lead">
        {t('tftp.put.lead')}
      </p>
      <form
        className="controls tftp-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label>
          {t('tftp.put.host')}
          <input value={host} onChange={(e) => setHost(e.target.value)} size={15} data-testid="tftp-put-host" spellCheck={false} required />
        </label>
        <label className="tftp-wide">
          {t('tftp.put.file')}
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={pathExample(info, 'uploads/firmware.trx', t('tftp.put.fileExample'))} data-testid="tftp-put-file" spellCheck={false} required />
        </label>
        <details className="advanced tftp-advanced">
          <summary>{t('common.advanced')}</summary>
          <div className="controls">
            <label>
              {t('tftp.put.name')}
              <input value={remoteName} onChange={(e) => setRemoteName(e.target.value)} data-testid="tftp-put-name" spellCheck={false} />
            </label>
            <label>
              {t('tftp.put.blksize')}
              <input inputMode="numeric" value={blksize} onChange={(e) => setBlksize(e.target.value.replace(/\D/g, ''))} size={6} data-testid="tftp-put-blksize" />
            </label>
          </div>
          <p className="fs-hint">{t('tftp.put.blksizeHint')}</p>
        </details>
        <button type="submit" className="btn primary" disabled={busy || !hostOk || !file.trim() || !blkOk} data-testid="tftp-put-send">
          {t('tftp.put.send')}
        </button>
      </form>
      {/* a failure after the upload began is shown in its entry below; this is for what stopped it from starting */}
      {error && !puts.some((p) => p.error?.code === error.code && p.error.message === error.message) && <ErrorCard error={error} />}
      {puts.length > 0 && (
        <ul className="tftp-transfers" aria-live="polite">
          {puts.map((p) => (
            <Upload key={p.id} p={p} />
          ))}
        </ul>
      )}
    </section>
  );
}
