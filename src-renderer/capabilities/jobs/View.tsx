import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import { day } from '../../../src-shared/capabilities/jobs';
import type { Job, JobState, JobStep, JobSummary } from '../../../src-shared/capabilities/jobs/contract';
import { english, knownId } from '../../../src-shared/i18n';
import { evidenceText, stepText, useLocale, useT, useLocalizedError, type T } from '../../i18n';
import { seenWords, shopWords } from '../../../src-shared/capabilities/jobs/words';
import { useJobs } from './store';

const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
const hhmmss = (at: number) => new Date(at).toTimeString().slice(0, 8);

function who(t: T, j: Pick<JobSummary, 'model' | 'board' | 'mac' | 'serial'>): string {
  return [j.model ?? j.board, j.mac, j.serial && t('jobs.serial', { serial: j.serial })].filter(Boolean).join(' · ') || t('jobs.notIdentified');
}

/** A guide's title in the language shown, where the catalogue has it and its English is the job's. */
function playbookTitle(t: T, playbookId: string, given: string): string {
  const id = knownId(`playbook.${playbookId}.title`);
  return id && english(id) === given ? t(id) : given;
}

const stateWords = (t: T, s: JobState): string => t(`jobs.state.${s}`);
const stepWords = (t: T, s: JobStep['state']): string => t(`jobs.step.${s}`);

export { seenWords, shopWords }; // shared with the command line (src-shared/capabilities/jobs/words.ts)

/** Save a reply's bytes as a file this browser downloads (the report is made on the workstation). */
function download(fileName: string, mime: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

/** Whose router, which ticket, its serial number: kept beside the journal, so a rebuild keeps it. */
function NoteForm({ job, onError }: { job: Job; onError: (e: RbError | undefined) => void }) {
  const api = useApi();
  const t = useT();
  const [customer, setCustomer] = useState(job.note.customer ?? '');
  const [ticket, setTicket] = useState(job.note.ticket ?? '');
  const [serial, setSerial] = useState(job.router.serial ?? '');
  const [done, setDone] = useState(false);
  const save = async () => {
    onError(undefined);
    setDone(false);
    try {
      await useJobs.getState().saveNote(api, job.id, { customer, ticket }, serial);
      setDone(true);
    } catch (e) {
      onError(asRbError(e, t('jobs.fail.note')));
    }
  };
  return (
    <form
      className="jobs-note"
      aria-label={t('jobs.note.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('jobs.note.customer')} <input value={customer} onChange={(e) => setCustomer(e.target.value)} maxLength={256} data-testid="job-customer" />
      </label>
      <label>
        {t('jobs.note.ticket')} <input value={ticket} onChange={(e) => setTicket(e.target.value)} maxLength={128} data-testid="job-ticket" />
      </label>
      <label>
        {t('jobs.note.serial')} <input value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={128} data-testid="job-serial" />
      </label>
      <button type="submit" className="btn small" data-testid="job-note-save">
        {t('jobs.note.save')}
      </button>
      {done && <span role="status">{t('jobs.note.saved')}</span>}
    </form>
  );
}

function JobDetail({ job, onError }: { job: Job; onError: (e: RbError | undefined) => void }) {
  const api = useApi();
  const t = useT();
  const history = useJobs((s) => s.history);
  const close = useJobs((s) => s.close);
  const [busy, setBusy] = useState<'html' | 'pdf' | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const exportAs = async (format: 'html' | 'pdf') => {
    setBusy(format);
    setSaved(undefined);
    onError(undefined);
    try {
      const r = await api.invoke('jobs.report', { id: job.id, format, lang: useLocale.getState().locale });
      download(r.fileName, r.mime, r.base64);
      setSaved(t(r.running ? 'jobs.savedRunning' : 'jobs.saved', { file: r.fileName }));
    } catch (e) {
      onError(asRbError(e, t('jobs.fail.report')));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <article className="card" aria-labelledby="job-title" data-testid="job-detail" data-id={job.id}>
      <div className="card-head">
        <h2 id="job-title">{playbookTitle(t, job.playbookId, job.title)}</h2>
        <button type="button" className="btn small" onClick={close}>
          {t('jobs.back')}
        </button>
      </div>
      <p data-testid="job-state">
        {day(job.startedAt)} {hhmm(job.startedAt)} · {stateWords(t, job.state)} · {t('jobs.station', { station: job.station })}
      </p>
      {job.state === 'running' && <p className="jobs-warn">{t('jobs.stillRunning')}</p>}
      <dl className="fw-facts">
        <dt>{t('jobs.router')}</dt>
        <dd>{who(t, { model: job.router.model, board: job.router.board, mac: job.router.mac, serial: job.router.serial })}</dd>
        {(job.note.customer || job.note.ticket) && (
          <>
            <dt>{t('jobs.customer')}</dt>
            <dd>{[job.note.customer, job.note.ticket && t('jobs.ticket', { ticket: job.note.ticket })].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {history && (
          <>
            <dt>{t('jobs.seenBefore')}</dt>
            <dd data-testid="job-history">{seenWords(t, job, history.seenBefore)}</dd>
          </>
        )}
      </dl>
      <div className="actions" role="group" aria-label={t('jobs.export')}>
        <button type="button" className="btn primary" onClick={() => void exportAs('html')} disabled={busy !== undefined} data-testid="job-export-html">
          {busy === 'html' ? t('jobs.making') : t('jobs.saveHtml')}
        </button>
        <button type="button" className="btn" onClick={() => void exportAs('pdf')} disabled={busy !== undefined} data-testid="job-export-pdf">
          {busy === 'pdf' ? t('jobs.makingPdf') : t('jobs.savePdf')}
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <NoteForm job={job} onError={onError} />
      <h3>{t('jobs.whatWasDone')}</h3>
      <ol className="job-steps" data-testid="job-steps">
        {job.steps.map((s) => (
          <li key={s.id} data-state={s.state}>
            <strong>{stepText(t, job.playbookId, s.id, 'title', s.title)}</strong> — {stepWords(t, s.state)}
            {s.startedAt !== undefined && (
              <span className="muted">
                {' '}
                {hhmmss(s.startedAt)}
                {s.endedAt !== undefined ? `–${hhmmss(s.endedAt)}` : ''}
              </span>
            )}
            {s.error && <StepError error={s.error} />}
            {s.evidence.length > 0 && (
              <ul className="job-evidence">
                {s.evidence.map((e, i) => (
                  <li key={i}>
                    <span className="mono muted">{hhmmss(e.at)}</span> {evidenceText(t, e)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {job.images.length > 0 && (
        <>
          <h3>{t('jobs.images')}</h3>
          <ul>
            {job.images.map((i) => (
              <li key={i.sha256 + i.fileName}>
                <span className="mono wrap">{i.fileName}</span> — SHA-256 <span className="mono wrap">{i.sha256}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {job.backups.length > 0 && (
        <>
          <h3>{t('jobs.backups')}</h3>
          <ul>
            {job.backups.map((b, i) => (
              <li key={i}>
                {b.kind === 'full' ? t('jobs.backup.full') : t('jobs.backup.settings')}: <span className="mono wrap">{b.location}</span>
                {b.manifest ? t('jobs.backup.manifest', { count: b.manifest.files.length }) : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {job.outcome && <p>{job.outcome}</p>}
    </article>
  );
}

/** Jobs: every guide run on this station (or the shop), searchable by router; one job's steps; reports. */
export function JobsView() {
  const api = useApi();
  const t = useT();
  const { jobs, note, source, shop, selected, query } = useJobs();
  const [text, setText] = useState(query);
  const [error, setError] = useState<RbError | undefined>();
  useEffect(() => {
    useJobs
      .getState()
      .load(api)
      .catch((e: unknown) => setError(asRbError(e, t('jobs.fail.read'))));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words of a failure do not start a new load
  }, [api]);
  const search = (q: string) => {
    setError(undefined);
    useJobs
      .getState()
      .load(api, q.trim())
      .catch((e: unknown) => setError(asRbError(e, t('jobs.fail.read'))));
  };
  const rebuild = async () => {
    setError(undefined);
    try {
      await api.invoke('jobs.rebuild', {});
      await useJobs.getState().load(api);
    } catch (e) {
      setError(asRbError(e, t('jobs.fail.rebuild')));
    }
  };
  const open = (id: string) => {
    setError(undefined);
    useJobs
      .getState()
      .open(api, id)
      .catch((e: unknown) => setError(asRbError(e, t('jobs.fail.open'))));
  };
  return (
    <div className="jobs-view">
      {error && (
        <>
          <ErrorCard error={error} />
          {(error.code === 'JOBS_DB_CORRUPT' || error.code === 'JOBS_DB_LOCKED') && (
            <button type="button" className="btn primary" onClick={() => void rebuild()} data-testid="jobs-rebuild">
              {t('jobs.rebuild')}
            </button>
          )}
        </>
      )}
      {selected ? (
        <JobDetail job={selected} onError={setError} />
      ) : (
        <section className="card" aria-labelledby="jobs-title">
          <div className="card-head">
            <h2 id="jobs-title">{t('jobs.history')}</h2>
            <form
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                search(text);
              }}
            >
              <label>
                {t('jobs.find')}{' '}
                <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('jobs.find.example')} data-testid="jobs-find" />
              </label>{' '}
              <button type="submit" className="btn small">
                {t('jobs.find.go')}
              </button>
            </form>
          </div>
          {note && <p className="jobs-warn">{source === 'this-station' && shop ? t('jobs.stationOnly', { shop: shopWords(t, shop) }) : note}</p>}
          {shop?.configured && !note && <p className="muted">{shopWords(t, shop)}</p>}
          {jobs.length === 0 ? (
            <p>{query ? t('jobs.noMatch', { query }) : t('jobs.none')}</p>
          ) : (
            <ul className="jobs-list" data-testid="jobs-list">
              {jobs.map((j) => (
                <li key={j.id}>
                  <button type="button" className="jobs-row" onClick={() => open(j.id)} data-testid="jobs-row" data-id={j.id} data-state={j.state}>
                    <span className="jobs-when">
                      {day(j.startedAt)} {hhmm(j.startedAt)}
                    </span>
                    <span className="jobs-what">
                      <strong>{j.title}</strong> — {stateWords(t, j.state)}
                      <br />
                      <span className="muted">
                        {who(t, j)}
                        {j.customer ? ` · ${j.customer}` : ''}
                        {j.ticket ? ` · ${t('jobs.ticket', { ticket: j.ticket })}` : ''}
                        {j.backups ? ` · ${t('jobs.backupTaken')}` : ''}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** A step's fault in the language shown (its English when the catalogue does not have it). */
function StepError({ error }: { error: NonNullable<JobStep['error']> }) {
  return <p className="jobs-bad">{useLocalizedError(error).message}</p>;
}
