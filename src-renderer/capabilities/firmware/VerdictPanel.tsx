import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { useFirmware } from './store';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { parseProcMtd } from '../../../src-shared/capabilities/firmware/procmtd';
import type { InspectionReport, VerdictWire } from '../../../src-shared/capabilities/firmware/contract';

const VERDICT_WORDS: Record<VerdictWire['verdict'], string> = {
  compatible: 'Fits this router',
  'needs-n': 'Fits, but settings cannot be kept (-n)',
  'needs-F': 'Only when forced (-F)',
  'needs-factory': 'Needs a factory image first',
  'does-not-fit': 'Does not fit',
  damaged: 'Damaged file',
  unknown: 'Cannot tell',
};
const VERDICT_CLASS: Record<VerdictWire['verdict'], string> = { compatible: 'ok', 'needs-n': 'ok', 'needs-F': 'warn', 'needs-factory': 'warn', 'does-not-fit': 'bad', damaged: 'bad', unknown: 'warn' };

/** Step 2: will it go onto this router, and what will sysupgrade say? */
export function VerdictPanel({ report }: { report: InspectionReport }) {
  const api = useApi();
  const { verdict, setVerdict, setError, judge } = useFirmware();
  const [board, setBoard] = useState(report.identity.profileId ?? '');
  const [compat, setCompat] = useState('');
  const [mtd, setMtd] = useState('');
  const [host, setHost] = useState('192.168.1.1');
  const [password, setPassword] = useState('');
  const [reading, setReading] = useState(false);
  /** What the connected router reported (device.inspect): its own board name and partition sizes. */
  const [connected, setConnected] = useState<{ boardName: string; partitions: { name: string; size: number }[] } | undefined>();
  const partitions = connected?.partitions.length ? connected.partitions : parseProcMtd(mtd).map(({ name, size }) => ({ name, size }));

  const readRouter = async () => {
    setReading(true);
    setError(undefined);
    try {
      const info = await api.invoke('device.inspect', { target: { host: host.trim(), ...(password ? { password } : {}) } });
      const boardName = info.identity.boardName ?? '';
      setConnected({ boardName, partitions: info.partitions.map((p) => ({ name: p.name, size: p.size })) });
      if (boardName) setBoard(DEVICE_PROFILES.find((p) => p.boardName === boardName)?.id ?? boardName);
      // The router's own compat_version (absent on old images: sysupgrade then assumes 1.0).
      setCompat(info.identity.compatVersion ?? '1.0');
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => setBoard(report.identity.profileId ?? ''), [report.sha256, report.identity.profileId]);

  useEffect(() => {
    if (!board) {
      setVerdict(undefined);
      return;
    }
    let live = true;
    const device = { boardName: board, ...(compat.trim() ? { compatVersion: compat.trim() } : {}), ...(partitions.length ? { partitions } : {}) };
    // the store keeps only the newest request's verdict; a stale one's error is not thrown
    judge(api, { inspection: { fileName: report.fileName, identity: report.identity, metadata: report.metadata }, device }).catch(
      (err: unknown) => live && setError(asRbError(err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board, compat, mtd, connected, report.sha256]);

  return (
    <section className="card" aria-labelledby="fw-verdict-title">
      <h2 id="fw-verdict-title">Does it suit your router?</h2>
      <div className="controls">
        <label>
          Your router
          <select value={board} onChange={(e) => setBoard(e.target.value)} data-testid="fw-router">
            <option value="">Choose your router…</option>
            {DEVICE_PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.vendor} {p.model}
              </option>
            ))}
            {board && !DEVICE_PROFILES.some((p) => p.id === board) && <option value={board}>{board} (as the router calls itself)</option>}
          </select>
        </label>
      </div>
      <details className="advanced">
        <summary>Read it from the router (it must run OpenWrt and be connected)</summary>
        <div className="controls">
          <label>
            Router address
            <input value={host} onChange={(e) => setHost(e.target.value)} data-testid="fw-host" size={15} spellCheck={false} />
          </label>
          <label>
            Password (empty in rescue mode)
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} size={12} />
          </label>
          <button type="button" className="btn" onClick={readRouter} disabled={reading || !host.trim()} data-testid="fw-read-router">
            {reading ? 'Reading…' : 'Read from the router'}
          </button>
        </div>
        {connected && (
          <p className="status" data-testid="fw-connected">
            The router calls itself {connected.boardName || '(no board name)'} and has {connected.partitions.length} flash partitions.
          </p>
        )}
      </details>
      <details className="advanced">
        <summary>What the router reports (makes the answer exact)</summary>
        <div className="fw-device-facts">
          <label>
            compat_version (from <span className="mono">uci get system.@system[0].compat_version</span>)
            <input value={compat} onChange={(e) => setCompat(e.target.value)} placeholder="e.g. 2.0" data-testid="fw-compat" size={8} />
          </label>
          <label>
            Paste the output of <span className="mono">cat /proc/mtd</span>
            <textarea value={mtd} onChange={(e) => setMtd(e.target.value)} rows={4} data-testid="fw-procmtd" spellCheck={false} placeholder={'mtd6: 07500000 00020000 "rootfs1"'} />
          </label>
          {mtd.trim() && <p className="empty">{partitions.length ? `Read ${partitions.length} partitions.` : 'No partitions found in that text.'}</p>}
        </div>
      </details>
      {verdict && board && (
        <div className={`fw-verdict ${VERDICT_CLASS[verdict.verdict]}`} data-testid="fw-verdict" data-verdict={verdict.verdict}>
          <p className="fw-verdict-tag">{VERDICT_WORDS[verdict.verdict]}</p>
          <p className="fw-verdict-headline">{verdict.headline}</p>
          <ul>
            {verdict.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {verdict.steps ? (
            <ol className="fw-steps">
              {verdict.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          ) : (
            verdict.command && (
              <p>
                Command on the router: <code className="mono">{verdict.command}</code>
              </p>
            )
          )}
          {verdict.sysupgradeSays.length > 0 && (
            <div>
              <p className="fw-label">sysupgrade will print:</p>
              <pre className="fw-console" data-testid="fw-sysupgrade-says">
                {verdict.sysupgradeSays.join('\n')}
              </pre>
            </div>
          )}
          {verdict.withForce && (
            <div>
              <p className="fw-label">With -F it prints:</p>
              <pre className="fw-console">{verdict.withForce.join('\n')}</pre>
            </div>
          )}
          {verdict.userReported && <p className="note">{verdict.userReported}</p>}
          {verdict.assumptions.map((a) => (
            <p key={a} className="empty">
              {a}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
