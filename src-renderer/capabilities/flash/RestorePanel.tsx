import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { useFlash } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { DeviceInfo } from '../../../src-shared/capabilities/device';
import { asRbError } from '../../api/types';

const PHASES: Record<string, string> = {
  checking: 'Checking',
  uploading: 'Copying the image into the router\'s memory',
  writing: 'Writing to the flash — do not unplug',
  'reading-back': 'Reading it back to check',
  done: 'Written and checked',
  failed: 'Failed',
};

/** Restore: pick a backup and a partition, see the checked plan, then write (dangerous ones need the typed name). */
export function RestorePanel({ device }: { device: DeviceInfo }) {
  const api = useApi();
  const target = useFlash((s) => s.target);
  const plan = useFlash((s) => s.plan);
  const restore = useFlash((s) => s.restore);
  const rows = useFlash((s) => s.restoreRows);
  const lastBackup = useFlash((s) => s.result?.dir);
  const [backups, setBackups] = useState<Array<{ dir: string; createdAt: string }>>([]);
  const [from, setFrom] = useState('');
  const [partition, setPartition] = useState('');
  const [typed, setTyped] = useState('');
  const [overrideIdentity, setOverrideIdentity] = useState(false);
  const [busy, setBusy] = useState<'' | 'plan' | 'write'>('');
  const [error, setError] = useState<RbError | undefined>();

  useEffect(() => {
    void api.invoke('flash.backup.list', {}).then(setBackups, () => undefined);
  }, [api, lastBackup]);
  useEffect(() => {
    if (!from && lastBackup) setFrom(lastBackup);
  }, [from, lastBackup]);

  const part = device.partitions.find((p) => p.name === partition);
  const dangerous = !!part && part.danger.length > 0;
  const request = (dryRun: boolean) => ({ target: target!, from: from.trim(), partitions: [partition], overrideDanger: dangerous && typed === partition ? [partition] : [], overrideIdentity, dryRun });

  /** Both buttons: one request at a time, errors in three parts. */
  const act = async (kind: 'plan' | 'write') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'plan') await useFlash.getState().planRestore(api, request(true));
      else await useFlash.getState().runRestore(api, request(false));
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy('');
    }
  };

  return (
    <section className="card" aria-labelledby="flash-restore-title" data-testid="flash-restore">
      <h2 id="flash-restore-title">Restore a partition from a backup</h2>
      <p>Nothing is written until you have seen the plan. Rescue Bench checks the backup file, that this is the same router, and reads the partition back after writing.</p>
      <form
        className="controls"
        onSubmit={(e) => {
          e.preventDefault();
          void act('plan');
        }}
      >
        <label className="flash-wide">
          Backup folder
          <input list="flash-backups" value={from} onChange={(e) => setFrom(e.target.value)} spellCheck={false} data-testid="flash-from" required />
          <datalist id="flash-backups">
            {backups.map((b) => (
              <option key={b.dir} value={b.dir}>
                {new Date(b.createdAt).toLocaleString()}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          Partition
          <select value={partition} onChange={(e) => { setPartition(e.target.value); setTyped(''); useFlash.getState().setPlan(undefined); }} data-testid="flash-partition" required>
            <option value="">Choose…</option>
            {device.partitions.map((p) => (
              <option key={p.index} value={p.name}>
                {p.name}
                {p.danger.length ? ' (dangerous)' : ''}
              </option>
            ))}
          </select>
        </label>
        {dangerous && (
          <label>
            Type "{partition}" to allow writing it
            <input value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} autoComplete="off" data-testid="flash-typed" aria-describedby="flash-danger-why" />
          </label>
        )}
        {plan && !plan.identityMatches && (
          <label className="check">
            <input type="checkbox" checked={overrideIdentity} onChange={(e) => setOverrideIdentity(e.target.checked)} data-testid="flash-override-identity" />
            I am sure: use this backup even though it looks like it came from another router
          </label>
        )}
        <button type="submit" className="btn" disabled={!target || !from.trim() || !partition || busy !== ''} data-testid="flash-plan">
          {busy === 'plan' ? 'Checking…' : 'Check the plan'}
        </button>
      </form>
      {dangerous && part && (
        <p className="note" id="flash-danger-why">
          {part.danger.map((d) => d.reason).join(' ')}
        </p>
      )}
      {plan && (
        <div data-testid="flash-plan-result" data-ok={plan.ok}>
          {plan.refusals.map((r) => (
            <ErrorCard key={r.partition} error={r.error} />
          ))}
          {plan.steps.map((s) => (
            <div key={s.partition} className="flash-step">
              <p>
                Replace <strong>{s.partition}</strong> (mtd{s.index}) with <span className="mono">{s.file}</span> from the backup of{' '}
                {new Date(plan.backupCreatedAt).toLocaleString()}. Its checksum was checked again just now.
              </p>
              {s.warnings.map((w) => (
                <p className="note" key={w}>
                  {w}
                </p>
              ))}
              <details className="advanced">
                <summary>Commands that will run on the router</summary>
                <pre className="flash-commands" data-testid="flash-commands">{s.commands.join('\n')}</pre>
              </details>
            </div>
          ))}
          {plan.ok && !restore && (
            <button type="button" className="btn danger big" onClick={() => void act('write')} disabled={busy !== ''} data-testid="flash-write">
              {busy === 'write' ? 'Writing — do not unplug…' : `Write ${plan.steps.map((s) => s.partition).join(', ')} to the router`}
            </button>
          )}
        </div>
      )}
      {Object.values(rows).map((r) => (
        <p key={r.partition} className="status" aria-live="polite" data-testid="flash-restore-row" data-phase={r.phase}>
          {r.partition}: {PHASES[r.phase] ?? r.phase}
          {r.message ? ` — ${r.message}` : ''}
        </p>
      ))}
      {restore &&
        restore.results.map((r) =>
          r.status === 'written' ? (
            <p key={r.partition} className="fs-result flash-ok" data-testid="flash-restore-done">
              Done. {r.partition} now holds the backup again: read back and checked (sha256 {r.readBackSha256?.slice(0, 16)}…).
            </p>
          ) : (
            r.error && <ErrorCard key={r.partition} error={r.error} />
          ),
        )}
      {error && <ErrorCard error={error} />}
    </section>
  );
}
