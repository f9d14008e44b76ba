import { useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes } from '../../format';
import { pathExample } from '../../app/host-paths';
import { useApp } from '../../app/store';
import { useTftp } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { TftpPutProgress } from '../../../src-shared/capabilities/tftp/contract';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function Upload({ p }: { p: TftpPutProgress }) {
  const api = useApi();
  const f = p.total > 0 ? p.bytes / p.total : p.state === 'done' ? 1 : 0;
  const title = `Sending ${p.remoteName} to ${p.host}`;
  return (
    <li className={`tftp-transfer ${p.state}`} data-testid="tftp-put" data-state={p.state}>
      <div className="tftp-transfer-head">
        <span className="tftp-transfer-title">{title}</span>
        <span className={`tag tftp-state ${p.state}`}>{p.state === 'running' ? 'in progress' : p.state === 'done' ? 'done' : 'failed'}</span>
        {p.state === 'running' && (
          <button type="button" className="btn small" onClick={() => void api.invoke('tftp.put.cancel', { id: p.id }).catch(() => undefined)}>
            Cancel
          </button>
        )}
      </div>
      {p.state !== 'error' && (
        <>
          <progress className="tftp-bar" max={1} value={f} aria-label={`${title}: ${Math.round(f * 100)} percent`} />
          <p className="tftp-numbers">
            <strong>{Math.round(f * 100)}%</strong> {bytes(p.bytes)} of {bytes(p.total)} · {bytes(Math.round(p.bytesPerSecond))}/s
          </p>
        </>
      )}
      {p.state === 'done' && p.result && (
        <p className="tftp-done" data-testid="tftp-put-done">
          The router acknowledged every block ({p.result.blksize}-byte blocks{p.result.windowsize > 1 ? `, window ${p.result.windowsize}` : ''}). It now writes the
          firmware: leave it switched on until it restarts by itself. SHA-256: <span className="mono tftp-sha">{p.result.sha256}</span>
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
      <h2 id="tftp-put-title">Send a file to a router (TFTP put)</h2>
      <p className="lead">
        Some rescue modes wait for this computer to send the firmware: ASUS rescue mode (router at 192.168.1.1), Ubiquiti (192.168.1.20). Put the router in
        rescue mode first; this computer needs an address in the same network.
      </p>
      <form
        className="controls tftp-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label>
          Router address
          <input value={host} onChange={(e) => setHost(e.target.value)} size={15} data-testid="tftp-put-host" spellCheck={false} required />
        </label>
        <label className="tftp-wide">
          Firmware file on this computer
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={pathExample(info, 'uploads/firmware.trx', '/home/you/firmware.trx')} data-testid="tftp-put-file" spellCheck={false} required />
        </label>
        <details className="advanced tftp-advanced">
          <summary>Advanced</summary>
          <div className="controls">
            <label>
              Name sent to the router (empty: the file's own name)
              <input value={remoteName} onChange={(e) => setRemoteName(e.target.value)} data-testid="tftp-put-name" spellCheck={false} />
            </label>
            <label>
              Block size
              <input inputMode="numeric" value={blksize} onChange={(e) => setBlksize(e.target.value.replace(/\D/g, ''))} size={6} data-testid="tftp-put-blksize" />
            </label>
          </div>
          <p className="fs-hint">1468 fills one network packet; a router that does not know it gets 512 automatically. 512 sends no options at all (very old bootloaders).</p>
        </details>
        <button type="submit" className="btn primary" disabled={busy || !hostOk || !file.trim() || !blkOk} data-testid="tftp-put-send">
          Send the file
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
