import { useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { useFirmware } from './store';
import { useApp } from '../../app/store';
import { pathExample } from '../../app/host-paths';
import { bytes } from '../../format';

/** Step 1: drop or choose an image (sent to the workstation), or type its path on the workstation. */
export function PickPanel() {
  const api = useApi();
  const info = useApp((s) => s.info);
  const { busy, upload, setBusy, setUpload, setError, inspectFile, inspectPath: inspect } = useFirmware();
  const [path, setPath] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (err: unknown) => setError(asRbError(err, 'The file could not be checked.'));

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
      <h2 id="fw-pick-title">Which firmware file?</h2>
      <p className="lead">
        Drop the firmware file here. We read it, check its checksums and tell you what it is and whether it suits your router. Nothing is sent to the router.
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
        <p>Drop a firmware file (.bin, .img, .itb, .trx, .chk) here</p>
        <button type="button" className="btn primary" onClick={() => input.current?.click()} disabled={busy !== 'idle'}>
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="fw-file"
          aria-label="Firmware file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void sendFile(f);
          }}
        />
      </div>
      {upload && (
        <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`Sending ${upload.fileName}`} data-testid="fw-progress">
          <div style={{ width: `${pct}%` }} />
          <span>
            Sending {upload.fileName}: {bytes(upload.sent)} of {bytes(upload.total)} ({pct}%)
          </span>
        </div>
      )}
      {busy === 'inspecting' && <p className="status">Reading and checking the file…</p>}
      <details className="advanced">
        <summary>The file is already on the workstation</summary>
        <div className="controls">
          <label className="fw-path">
            Path on the workstation
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={pathExample(info, 'FW_WRT32X_1.0.180404.58.img', '/home/me/Downloads/FW_WRT32X_1.0.180404.58.img')} data-testid="fw-path" spellCheck={false} />
          </label>
          <button type="button" className="btn" onClick={inspectPath} disabled={busy !== 'idle' || !path.trim()} data-testid="fw-path-go">
            Check this file
          </button>
        </div>
      </details>
    </section>
  );
}
