import { useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { useFlash } from '../flash/store';
import { useApp } from '../../app/store';
import { pathExample } from '../../app/host-paths';
import type { RbError } from '../../../src-shared/contract';
import type { SessionTarget } from '../../../src-shared/capabilities/device/contract';
import { asRbError } from '../../api/types';
import { saidAmong, useT } from '../../i18n';

/** Where the router is and how to log in; "Read the router" inspects its flash (read-only). */
export function ConnectPanel() {
  const api = useApi();
  const t = useT();
  const info = useApp((s) => s.info);
  const device = useFlash((s) => s.device);
  const [host, setHost] = useState('192.168.1.1');
  const [method, setMethod] = useState<'auto' | 'ssh' | 'telnet'>('auto');
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const [rescue, setRescue] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RbError | undefined>();

  // A key is an SSH thing: with telnet it is not sent at all.
  const key = method !== 'telnet' ? keyFile.trim() : '';
  const target = (): SessionTarget => ({ host: host.trim(), method, user: 'root', ...(password ? { password } : {}), ...(key ? { keyFile: key } : {}), hostKeyPolicy: rescue ? 'session-only' : 'remember' });

  const read = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await useFlash.getState().inspect(api, target());
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };
  const forget = async () => {
    await api.invoke('device.forgetHostKey', { host: host.trim(), port: 22 });
    await read();
  };

  return (
    <section className="card" aria-labelledby="flash-connect-title" data-testid="flash-connect">
      <h2 id="flash-connect-title">{t('device.title')}</h2>
      <p className="lead">{t('device.lead')}</p>
      <form
        className="controls"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label>
          {t('uboot.routerAddress')}
          <input value={host} onChange={(e) => setHost(e.target.value)} data-testid="flash-host" spellCheck={false} size={16} required />
        </label>
        <label>
          {t('device.method')}
          <select value={method} onChange={(e) => setMethod(e.target.value as 'auto' | 'ssh' | 'telnet')} data-testid="flash-method">
            <option value="auto">{t('device.method.auto')}</option>
            <option value="ssh">{t('device.method.ssh')}</option>
            <option value="telnet">{t('device.method.telnet')}</option>
          </select>
        </label>
        <label>
          {t('device.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="flash-password" autoComplete="off" size={14} />
        </label>
        <label className="flash-keyfile">
          {t('device.keyFile')}
          <input
            value={keyFile}
            onChange={(e) => setKeyFile(e.target.value)}
            data-testid="flash-keyfile"
            data-i18n-data="example path"
            spellCheck={false}
            autoComplete="off"
            size={28}
            placeholder={pathExample(info, 'keys/id_ed25519', '/home/you/.ssh/id_ed25519')}
            disabled={method === 'telnet'}
            aria-describedby="flash-keyfile-hint"
          />
          <span className="hint" id="flash-keyfile-hint">
            {method === 'telnet' ? t('device.keyFile.telnet') : t('device.keyFile.hint')}
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={rescue} onChange={(e) => setRescue(e.target.checked)} data-testid="flash-rescue" />
          {t('device.rescue')}
        </label>
        <button type="submit" className="btn primary" disabled={busy || !host.trim()} data-testid="flash-read">
          {busy ? t('device.reading') : device ? t('device.readAgain') : t('device.read')}
        </button>
      </form>
      {device && (
        <p className="status" data-testid="flash-connected">
          {t('device.connected', {
            method: device.session.method === 'ssh' ? 'SSH' : 'telnet',
            host: device.session.host,
            // the router's own names, as it reports them
            detail: `${device.identity.model ? `: ${device.identity.model}` : ''}${device.identity.boardName ? ` (${device.identity.boardName})` : ''}`,
          })}
        </p>
      )}
      {device && (device.session.notes.length > 0 || device.warnings.length > 0) && (
        <ul className="flash-notes">
          {device.session.notes.map((n) => (
            <li key={n}>{saidAmong(t, n, device.session.notesMsg)}</li>
          ))}
          {device.warnings.map((n) => (
            <li key={n}>{saidAmong(t, n, device.warningsMsg)}</li>
          ))}
        </ul>
      )}
      {error && <ErrorCard error={error} />}
      {error?.code === 'HOST_KEY_CHANGED' && (
        <p>
          <button type="button" className="btn" onClick={() => void forget()} data-testid="flash-forget-key">
            {t('device.forgetKey')}
          </button>
        </p>
      )}
    </section>
  );
}
