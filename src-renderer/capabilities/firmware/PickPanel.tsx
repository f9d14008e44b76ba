import { useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { useFirmware } from './store';
import { useApp } from '../../app/store';
import { pathExample } from '../../app/host-paths';
import { bytes } from '../../format';
import { useT } from '../../i18n';

/** Step 1: drop or choose an image (sent to the workstation), or type its path on the workstation. */
export function PickPanel() {
  const api = useApi();
  const t = useT();
  const info = useApp((s) => s.info);
  const { busy, upload, setBusy, setUpload, setError, inspectFile, inspectPath: inspect } = useFirmware();
  const [path, setPath] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (err: unknown) => setError(asRbError(err, t('firmware.pick.failed')));

  const sendFile = async (file: File) => {
    setError(undefined);
    setBusy('uploading');
    setUpload({ fileName: file.name, sent: 0, total: file.size });
    try {
      await inspectFile(api, file, (sent) => setUpload({ fileName: file.name, sent, total: file.size }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy('idle');
      setUpload(undefined);
    }
  };
  const inspectPath = async () => {
    if (!path.trim()) return;
    setError(undefined);
    setBusy('inspecting');
    try {
      await inspect(api, path.trim());
    } catch (err) {
      fail(err);
    } finally {
      setBusy('idle');
    }
  };

  const pct = upload && upload.total ? Math.floor((upload.sent / upload.total) * 100) : 0;
  return (
    <section className="card" aria-labelledby="fw-pick-title">
      <h2 id="fw-pick-title">{t('firmware.pick.title')}</h2>
      <p className="lead">
        {t('firmware.pick.lead')}
      </p>
      <div
        className={over ? 'fw-drop over' : 'fw-drop'}
        data-testid="fw-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) void sendFile(f);
        }}
      >
        <p>{t('firmware.pick.drop')}</p>
        <button type="button" className="btn primary" onClick={() => input.current?.click()} disabled={busy !== 'idle'}>
          {t('firmware.pick.choose')}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="fw-file"
          aria-label={t('firmware.pick.fileLabel')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void sendFile(f);
          }}
        />
      </div>
      {upload && (
        <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('firmware.pick.sending', { file: upload.fileName })} data-testid="fw-progress">
          <div style={{ width: `${pct}%` }} />
          <span>
            {t('firmware.pick.progress', { file: upload.fileName, sent: bytes(upload.sent), total: bytes(upload.total), percent: pct })}
          </span>
        </div>
      )}
      {busy === 'inspecting' && <p className="status">{t('firmware.pick.reading')}</p>}
      <details className="advanced">
        <summary>{t('firmware.pick.onWorkstation')}</summary>
        <div className="controls">
          <label className="fw-path">
            {t('firmware.pick.path')}
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={pathExample(info, 'FW_WRT32X_1.0.180404.58.img', t('firmware.pick.pathExample'))} data-testid="fw-path" spellCheck={false} />
          </label>
          <button type="button" className="btn" onClick={inspectPath} disabled={busy !== 'idle' || !path.trim()} data-testid="fw-path-go">
            {t('firmware.pick.check')}
          </button>
        </div>
      </details>
    </section>
  );
}
