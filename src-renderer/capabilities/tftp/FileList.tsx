import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes } from '../../format';
import { useTftp } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { TftpFiles } from '../../../src-shared/capabilities/tftp/contract';
import { useT } from '../../i18n';

/** The exact names the router can ask for: bootloaders want one precise file name. */
export function FileList() {
  const api = useApi();
  const t = useT();
  const startedAt = useTftp((s) => s.server.startedAt);
  // re-read after an upload lands in the served folder
  const uploadsDone = useTftp((s) => s.transfers.filter((t) => t.direction === 'write' && t.state === 'done').length);
  const [list, setList] = useState<TftpFiles | undefined>();
  const [error, setError] = useState<RbError | undefined>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api.invoke('tftp.files', {}).then(
      (l) => {
        if (!live) return;
        setList(l);
        setError(undefined);
      },
      (err: unknown) => live && setError(asRbError(err)),
    );
    return () => {
      live = false;
    };
  }, [api, startedAt, uploadsDone, tick]);

  return (
    <div className="tftp-files" data-testid="tftp-files">
      <div className="card-head">
        <h3>{t('tftp.files.title')}</h3>
        <button type="button" className="btn small" onClick={() => setTick((n) => n + 1)}>
          {t('tftp.files.refresh')}
        </button>
      </div>
      {error && <ErrorCard error={error} />}
      {list && list.files.length === 0 && <p className="empty">{t('tftp.files.empty')}</p>}
      {list && list.files.length > 0 && (
        <ul>
          {list.files.map((f) => (
            <li key={f.name} data-testid="tftp-file">
              <span className="mono tftp-file-name" data-i18n-data="file name">{f.name}</span> <span className="tftp-file-size">{bytes(f.size)}</span>
            </li>
          ))}
          {list.truncated && <li className="empty">{t('tftp.files.more', { count: list.files.length })}</li>}
        </ul>
      )}
    </div>
  );
}
