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

/** Start and stop the file server: which folder, which network connection, which port; uploads only when asked. */
export function ServerPanel() {
  const api = useApi();
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
        ? `Serving ${server.root} on ${server.bind === '0.0.0.0' ? 'all network connections' : server.bind}, UDP port ${server.port}${server.startedAt ? `, since ${clockTime(server.startedAt, false)}` : ''}. ${server.allowWrite ? `Uploads go to ${server.allowWrite}${server.overwrite ? ' (may replace files)' : ''}.` : 'Read-only: nothing can be uploaded.'}`
        : server.state === 'starting'
          ? 'Starting…'
          : server.state === 'error'
            ? 'The server is not running: see below.'
            : 'The server is not running.'}
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
          <h2 id="tftp-server-title">The file server is running</h2>
          <button type="button" className="btn" onClick={() => void toggle()} disabled={busy} data-testid="tftp-toggle">
            Stop the server
          </button>
        </div>
        {status}
        <p className="note" data-testid="tftp-uboot-hint">
          On a router with U-Boot, type at its prompt: <span className="mono">setenv serverip {serverIp ?? 'THIS-COMPUTER'}</span>
          {server.port !== 69 && (
            <>
              , <span className="mono">setenv tftpdstp {server.port}</span> (only some U-Boot builds accept another port)
            </>
          )}
          , then <span className="mono">tftpboot FILE-NAME</span>. Other bootloaders ask for one fixed file name: it appears below when they ask.
        </p>
        <p className="fs-hint">
          Faster on U-Boot 2022 or newer: <span className="mono">setenv tftpwindowsize 16</span> before <span className="mono">tftpboot</span> (several
          blocks in flight instead of one at a time).
        </p>
        {server.lockstep?.engine === 'js' && (
          <p className="fs-hint" data-testid="tftp-engine-note">
            One-block-at-a-time transfers (the bootloader default) use the slower built-in sender on this computer: the fast one is{' '}
            {server.lockstep.why ?? 'not available'}. Everything still works; it may take a little longer.
          </p>
        )}
        <FileList />
        {errors}
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="tftp-server-title">
      <h2 id="tftp-server-title">File server for the router</h2>
      <p className="lead">
        Many routers fetch rescue firmware from this computer by TFTP (the simple file transfer that router bootloaders use). Put the firmware
        file in a folder, start the server here, then start the download on the router.
      </p>
      <form
        className="controls tftp-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void toggle();
        }}
      >
        <label className="tftp-wide">
          Folder with the firmware files
          <input value={root} onChange={(e) => setRoot(e.target.value)} placeholder={pathExample(info, 'tftp', '/home/you/firmware')} data-testid="tftp-root" spellCheck={false} required />
        </label>
        <label>
          Serve on
          <select value={bind} onChange={(e) => setBind(e.target.value)} data-testid="tftp-bind">
            <option value="0.0.0.0">All network connections</option>
            {external.map((i) => (
              <option key={`${i.name}-${i.address}`} value={i.address}>
                {i.name} — {i.address}
              </option>
            ))}
            <option value="127.0.0.1">This computer only (for testing)</option>
          </select>
        </label>
        <details className="advanced tftp-advanced">
          <summary>Advanced</summary>
          <div className="controls">
            <label>
              UDP port
              <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))} size={6} data-testid="tftp-port" aria-describedby="tftp-port-hint" />
            </label>
            <label className="tftp-wide">
              Accept uploads into this folder (empty: read-only)
              <input value={uploads} onChange={(e) => setUploads(e.target.value)} placeholder="leave empty to refuse uploads" data-testid="tftp-uploads" spellCheck={false} />
            </label>
            <label className="tftp-check">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} disabled={!uploads.trim()} data-testid="tftp-overwrite" />
              Let an upload replace a file with the same name
            </label>
          </div>
          <p id="tftp-port-hint" className="fs-hint">
            69 is the standard port; most bootloaders only use 69. 0 picks any free port. Some U-Boot builds accept another port with{' '}
            <span className="mono">setenv tftpdstp 6969</span>.
          </p>
        </details>
        <button type="submit" className="btn primary" disabled={busy || !root.trim() || !portOk} data-testid="tftp-toggle">
          Start the server
        </button>
      </form>
      {info?.host === 'bench-server' && (
        <p className="fs-hint" data-testid="tftp-bench-folders">
          From this screen the folder must be inside the Rescue Bench folder on the workstation ({info.dataDir}), or in a folder allowed when the bench was
          started.
        </p>
      )}
      {status}
      {errors}
    </section>
  );
}
