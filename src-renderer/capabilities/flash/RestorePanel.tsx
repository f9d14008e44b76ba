import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { useFlash } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { DeviceInfo } from '../../../src-shared/capabilities/device';
import { asRbError } from '../../api/types';
import { saidAmong, useLocale, useT } from '../../i18n';
import { dangerWhy } from './PartitionMap';
import { place } from '../../i18n/place';

/** Restore: pick a backup and a partition, see the checked plan, then write (dangerous ones need the typed name). */
export function RestorePanel({ device }: { device: DeviceInfo }) {
  const api = useApi();
  const t = useT();
  const intl = useLocale((s) => s.intl);
  const when = (iso: string): string => intl.formatDate(new Date(iso), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
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
      <h2 id="flash-restore-title">{t('flash.restore.title')}</h2>
      <p>{t('flash.restore.lead')}</p>
      <form
        className="controls"
        onSubmit={(e) => {
          e.preventDefault();
          void act('plan');
        }}
      >
        <label className="flash-wide">
          {t('flash.restore.folder')}
          <input list="flash-backups" value={from} onChange={(e) => setFrom(e.target.value)} spellCheck={false} data-testid="flash-from" required />
          <datalist id="flash-backups">
            {backups.map((b) => (
              <option key={b.dir} value={b.dir}>
                {when(b.createdAt)}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          {t('flash.restore.partition')}
          <select value={partition} onChange={(e) => { setPartition(e.target.value); setTyped(''); useFlash.getState().setPlan(undefined); }} data-testid="flash-partition" required>
            <option value="">{t('flash.restore.choose')}</option>
            {device.partitions.map((p) => (
              <option key={p.index} value={p.name}>
                {p.danger.length ? t('flash.restore.dangerous', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </label>
        {dangerous && (
          <label>
            {t('flash.restore.typeName', { name: partition })}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} autoComplete="off" data-testid="flash-typed" aria-describedby="flash-danger-why" />
          </label>
        )}
        {plan && !plan.identityMatches && (
          <label className="check">
            <input type="checkbox" checked={overrideIdentity} onChange={(e) => setOverrideIdentity(e.target.checked)} data-testid="flash-override-identity" />
            {t('flash.restore.otherRouter')}
          </label>
        )}
        <button type="submit" className="btn" disabled={!target || !from.trim() || !partition || busy !== ''} data-testid="flash-plan">
          {busy === 'plan' ? t('flash.restore.checking') : t('flash.restore.check')}
        </button>
      </form>
      {dangerous && part && (
        <p className="note" id="flash-danger-why">
          {dangerWhy(t, part)}
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
                {place(t, 'flash.restore.step', { index: s.index, date: when(plan.backupCreatedAt) }, { partition: <strong>{s.partition}</strong>, file: <span className="mono" data-i18n-data="file name">{s.file}</span> })}
              </p>
              {s.warnings.map((w) => (
                <p className="note" key={w}>
                  {saidAmong(t, w, s.warningsMsg)}
                </p>
              ))}
              <details className="advanced">
                <summary>{t('flash.restore.commands')}</summary>
                <pre className="flash-commands" data-testid="flash-commands" data-i18n-data="commands">{s.commands.join('\n')}</pre>
              </details>
            </div>
          ))}
          {plan.ok && !restore && (
            <button type="button" className="btn danger big" onClick={() => void act('write')} disabled={busy !== ''} data-testid="flash-write">
              {busy === 'write' ? t('flash.restore.writing') : t('flash.restore.write', { names: plan.steps.map((s) => s.partition).join(', ') })}
            </button>
          )}
        </div>
      )}
      {Object.values(rows).map((r) => (
        <p key={r.partition} className="status" aria-live="polite" data-testid="flash-restore-row" data-phase={r.phase}>
          {t('flash.restore.phase', { partition: r.partition, phase: r.phase === 'reading-back' ? 'readingBack' : r.phase })}
          {r.message ? ` — ${saidAmong(t, r.message, r.msg ? [r.msg] : undefined)}` : ''}
        </p>
      ))}
      {restore &&
        restore.results.map((r) =>
          r.status === 'written' ? (
            <p key={r.partition} className="fs-result flash-ok" data-testid="flash-restore-done">
              {t('flash.restore.done', { partition: r.partition, hash: r.readBackSha256?.slice(0, 16) ?? '' })}
            </p>
          ) : (
            r.error && <ErrorCard key={r.partition} error={r.error} />
          ),
        )}
      {error && <ErrorCard error={error} />}
    </section>
  );
}
