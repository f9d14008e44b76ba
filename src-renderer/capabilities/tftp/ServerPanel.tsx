import { useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { FileList } from './FileList';
import { clockTime } from '../../format';
import { useApp } from '../../app/store';
import { useTftp } from './store';
import { pathExample } from '../../app/host-paths';
import type { RbError } from '../../../src-shared/contract';
import { sayText, useT } from '../../i18n';

/** Start and stop the file server: which folder, which network connection, which port; uploads only when asked. */
export function ServerPanel() {
  const api = useApi();
  const t = useT();
  const server = useTftp((s) => s.server);
  const interfaces = useApp((s) => s.interfaces);
  const info = useApp((s) => s.info);
  const [root, setRoot] = useState(server.root);
  const [bind, setBind] = useState(server.bind);
  const [port, setPort] = useState(String(server.port));
  const [uploads, setUploads] = useState(server.allowWrite ?? '');
  const [overwrite, setOverwrite] = useState(server.overwrite);
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  const serving = server.state === 'listening';
  const external = interfaces.filter((i) => !i.internal);
  const portNum = Number(port);
  const portOk = port !== '' && Number.isInteger(portNum) && portNum >= 0 && portNum <= 65535;

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (serving) await api.invoke('tftp.server.stop', {});
      else
        await api.invoke('tftp.server.start', {
          root: root.trim(),
          bind,
          port: portNum,
          overwrite,
          ...(uploads.trim() ? { allowWrite: uploads.trim() } : {}),
        });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  const serverIp = server.bind !== '0.0.0.0' ? server.bind : (external.find((i) => i.address.startsWith('192.168.'))?.address ?? external[0]?.address);

  const status = (
    <p className="status" data-testid="tftp-status" data-state={server.state} aria-live="polite">
      {serving
        ? t('tftp.status.serving', {
            root: server.root,
            where: server.bind === '0.0.0.0' ? 'all' : server.bind,
            port: server.port,
            since: server.startedAt ? clockTime(server.startedAt, false) : 'none',
            uploads: server.allowWrite || 'none',
            overwrite: server.overwrite ? 'yes' : 'no',
          })
        : t(server.state === 'starting' ? 'tftp.status.starting' : server.state === 'error' ? 'tftp.status.error' : 'tftp.status.stopped')}
    </p>
  );
  const errors = (
    <>
      {error && <ErrorCard error={error} />}
      {!error && server.state === 'error' && server.error && <ErrorCard error={server.error} />}
    </>
  );

  if (serving) {
    // While serving, the settings cannot change: show what is running, how the router finds it, and Stop.
    return (
      <section className="card tftp-serving" aria-labelledby="tftp-server-title">
        <div className="card-head">
          <h2 id="tftp-server-title">{t('tftp.server.running')}</h2>
          <button type="button" className="btn" onClick={() => void toggle()} disabled={busy} data-testid="tftp-toggle">
            {t('tftp.server.stop')}
          </button>
        </div>
        {status}
        <p className="note" data-testid="tftp-uboot-hint">
          {t('tftp.uboot.typeAt')}{' '}
          <span className="mono">
            <span data-i18n-data="command">setenv serverip {serverIp ?? ''}</span>
            {!serverIp && t('tftp.uboot.thisComputer')}
          </span>
          {server.port !== 69 && (
            <>
              , <span className="mono" data-i18n-data="command">setenv tftpdstp {server.port}</span> {t('tftp.uboot.otherPort')}
            </>
          )}
          {t('tftp.uboot.then')}{' '}
          <span className="mono">
            <span data-i18n-data="command">tftpboot </span>
            {t('tftp.uboot.fileName')}
          </span>
          . {t('tftp.uboot.fixedName')}
        </p>
        <p className="fs-hint">
          {t('tftp.uboot.faster')}{' '}
          <span className="mono" data-i18n-data="command">
            setenv tftpwindowsize 16
          </span>{' '}
          {t('tftp.uboot.before')}{' '}
          <span className="mono" data-i18n-data="command">
            tftpboot
          </span>{' '}
          {t('tftp.uboot.window')}
        </p>
        {server.lockstep?.engine === 'js' && (
          <p className="fs-hint" data-testid="tftp-engine-note">
            {t('tftp.engine.note', { why: server.lockstep.why ? sayText(t, server.lockstep.why, server.lockstep.whyMsg) : t('tftp.engine.unavailable') })}
          </p>
        )}
        <FileList />
        {errors}
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="tftp-server-title">
      <h2 id="tftp-server-title">{t('tftp.server.title')}</h2>
      <p className="lead">
        {t('tftp.server.lead')}
      </p>
      <form
        className="controls tftp-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void toggle();
        }}
      >
        <label className="tftp-wide">
          {t('tftp.server.root')}
          <input value={root} onChange={(e) => setRoot(e.target.value)} placeholder={pathExample(info, 'tftp', t('tftp.server.rootExample'))} data-testid="tftp-root" spellCheck={false} required />
        </label>
        <label>
          {t('tftp.server.bind')}
          <select value={bind} onChange={(e) => setBind(e.target.value)} data-testid="tftp-bind">
            <option value="0.0.0.0">{t('tftp.server.all')}</option>
            {external.map((i) => (
              <option key={`${i.name}-${i.address}`} value={i.address}>
                {i.name} — {i.address}
              </option>
            ))}
            <option value="127.0.0.1">{t('tftp.server.loopback')}</option>
          </select>
        </label>
        <details className="advanced tftp-advanced">
          <summary>{t('common.advanced')}</summary>
          <div className="controls">
            <label>
              {t('tftp.server.port')}
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} size={6} data-testid="tftp-port" aria-describedby="tftp-port-hint" />
            </label>
            <label className="tftp-wide">
              {t('tftp.server.uploads')}
              <input value={uploads} onChange={(e) => setUploads(e.target.value)} placeholder={t('tftp.server.uploadsPlaceholder')} data-testid="tftp-uploads" spellCheck={false} />
            </label>
            <label className="tftp-check">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} disabled={!uploads.trim()} data-testid="tftp-overwrite" />
              {t('tftp.server.overwrite')}
            </label>
          </div>
          <p id="tftp-port-hint" className="fs-hint">
            {t('tftp.server.portHint')}{' '}
            <span className="mono" data-i18n-data="command">
              setenv tftpdstp 6969
            </span>
            .
          </p>
        </details>
        <button type="submit" className="btn primary" disabled={busy || !root.trim() || !portOk} data-testid="tftp-toggle">
          {t('tftp.server.start')}
        </button>
      </form>
      {info?.host === 'bench-server' && (
        <p className="fs-hint" data-testid="tftp-bench-folders">
          {t('tftp.server.benchFolders', { dataDir: info.dataDir })}
        </p>
      )}
      {status}
      {errors}
    </section>
  );
}
