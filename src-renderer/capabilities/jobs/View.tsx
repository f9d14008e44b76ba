import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import { day, stateWords } from '../../../src-shared/capabilities/jobs';
import type { Job, JobSummary } from '../../../src-shared/capabilities/jobs/contract';
import { useJobs } from './store';

const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
const hhmmss = (at: number) => new Date(at).toTimeString().slice(0, 8);

function who(j: Pick<JobSummary, 'model' | 'board' | 'mac' | 'serial'>): string {
  return [j.model ?? j.board, j.mac, j.serial && `serial ${j.serial}`].filter(Boolean).join(' · ') || 'Router not identified';
}

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
      onError(asRbError(e, 'The note could not be saved.'));
    }
  };
  return (
    <form
      className="jobs-note"
      aria-label="Customer and ticket"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Customer <input value={customer} onChange={(e) => setCustomer(e.target.value)} maxLength={256} data-testid="job-customer" />
      </label>
      <label>
        Ticket <input value={ticket} onChange={(e) => setTicket(e.target.value)} maxLength={128} data-testid="job-ticket" />
      </label>
      <label>
        Router serial number <input value={serial} onChange={(e) => setSerial(e.target.value)} maxLength={128} data-testid="job-serial" />
      </label>
      <button type="submit" className="btn small" data-testid="job-note-save">
        Save
      </button>
      {done && <span role="status">Saved.</span>}
    </form>
  );
}

function JobDetail({ job, onError }: { job: Job; onError: (e: RbError | undefined) => void }) {
  const api = useApi();
  const history = useJobs((s) => s.history);
  const close = useJobs((s) => s.close);
  const [busy, setBusy] = useState<'html' | 'pdf' | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const exportAs = async (format: 'html' | 'pdf') => {
    setBusy(format);
    setSaved(undefined);
    onError(undefined);
    try {
      const r = await api.invoke('jobs.report', { id: job.id, format });
      download(r.fileName, r.mime, r.base64);
      setSaved(`Saved ${r.fileName} to your downloads.${r.running ? ' The job is still running: the report says so.' : ''}`);
    } catch (e) {
      onError(asRbError(e, 'The report could not be made.'));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <article className="card" aria-labelledby="job-title" data-testid="job-detail" data-id={job.id}>
      <div className="card-head">
        <h2 id="job-title">{job.title}</h2>
        <button type="button" className="btn small" onClick={close}>
          Back to the list
        </button>
      </div>
      <p data-testid="job-state">
        {day(job.startedAt)} {hhmm(job.startedAt)} · {stateWords(job.state)} · station {job.station}
      </p>
      {job.state === 'running' && <p className="jobs-warn">This job is still running. A report made now shows the steps so far and says so.</p>}
      <dl className="fw-facts">
        <dt>Router</dt>
        <dd>{who({ model: job.router.model, board: job.router.board, mac: job.router.mac, serial: job.router.serial })}</dd>
        {(job.note.customer || job.note.ticket) && (
          <>
            <dt>Customer</dt>
            <dd>{[job.note.customer, job.note.ticket && `ticket ${job.note.ticket}`].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {history && (
          <>
            <dt>Seen before</dt>
            <dd data-testid="job-history">{history.text}</dd>
          </>
        )}
      </dl>
      <div className="actions" role="group" aria-label="Export this job">
        <button type="button" className="btn primary" onClick={() => void exportAs('html')} disabled={busy !== undefined} data-testid="job-export-html">
          {busy === 'html' ? 'Making the report…' : 'Save report (HTML)'}
        </button>
        <button type="button" className="btn" onClick={() => void exportAs('pdf')} disabled={busy !== undefined} data-testid="job-export-pdf">
          {busy === 'pdf' ? 'Making the PDF…' : 'Save report (PDF)'}
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      <NoteForm job={job} onError={onError} />
      <h3>What was done</h3>
      <ol className="job-steps" data-testid="job-steps">
        {job.steps.map((s) => (
          <li key={s.id} data-state={s.state}>
            <strong>{s.title}</strong> — {s.state === 'pending' ? 'not reached' : s.state}
            {s.startedAt !== undefined && (
              <span className="muted">
                {' '}
                {hhmmss(s.startedAt)}
                {s.endedAt !== undefined ? `–${hhmmss(s.endedAt)}` : ''}
              </span>
            )}
            {s.error && <p className="jobs-bad">{s.error.message}</p>}
            {s.evidence.length > 0 && (
              <ul className="job-evidence">
                {s.evidence.map((e, i) => (
                  <li key={i}>
                    <span className="mono muted">{hhmmss(e.at)}</span> {e.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {job.images.length > 0 && (
        <>
          <h3>Firmware images</h3>
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
          <h3>Backups</h3>
          <ul>
            {job.backups.map((b, i) => (
              <li key={i}>
                {b.kind === 'full' ? 'Full backup' : 'Settings backup'}: <span className="mono wrap">{b.location}</span>
                {b.manifest ? ` (${b.manifest.files.length} files, each with its SHA-256)` : ''}
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
  const { jobs, note, shop, selected, query } = useJobs();
  const [text, setText] = useState(query);
  const [error, setError] = useState<RbError | undefined>();
  useEffect(() => {
    useJobs
      .getState()
      .load(api)
      .catch((e: unknown) => setError(asRbError(e, 'The job history could not be read.')));
  }, [api]);
  const search = (q: string) => {
    setError(undefined);
    useJobs
      .getState()
      .load(api, q.trim())
      .catch((e: unknown) => setError(asRbError(e, 'The job history could not be read.')));
  };
  const rebuild = async () => {
    setError(undefined);
    try {
      await api.invoke('jobs.rebuild', {});
      await useJobs.getState().load(api);
    } catch (e) {
      setError(asRbError(e, 'The job history could not be made again.'));
    }
  };
  const open = (id: string) => {
    setError(undefined);
    useJobs
      .getState()
      .open(api, id)
      .catch((e: unknown) => setError(asRbError(e, 'That job could not be read.')));
  };
  return (
    <div className="jobs-view">
      {error && (
        <>
          <ErrorCard error={error} />
          {(error.code === 'JOBS_DB_CORRUPT' || error.code === 'JOBS_DB_LOCKED') && (
            <button type="button" className="btn primary" onClick={() => void rebuild()} data-testid="jobs-rebuild">
              Rebuild from journals
            </button>
          )}
        </>
      )}
      {selected ? (
        <JobDetail job={selected} onError={setError} />
      ) : (
        <section className="card" aria-labelledby="jobs-title">
          <div className="card-head">
            <h2 id="jobs-title">History</h2>
            <form
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                search(text);
              }}
            >
              <label>
                Find a router{' '}
                <input value={text} onChange={(e) => setText(e.target.value)} placeholder="MAC, board, serial, customer, ticket" data-testid="jobs-find" />
              </label>{' '}
              <button type="submit" className="btn small">Find</button>
            </form>
          </div>
          {note && <p className="jobs-warn">{note}</p>}
          {shop?.configured && !note && <p className="muted">{shop.text}</p>}
          {jobs.length === 0 ? (
            <p>{query ? `No job matches "${query}".` : 'No jobs yet. Every guide you run on this computer is kept here (practice runs are not).'}</p>
          ) : (
            <ul className="jobs-list" data-testid="jobs-list">
              {jobs.map((j) => (
                <li key={j.id}>
                  <button type="button" className="jobs-row" onClick={() => open(j.id)} data-testid="jobs-row" data-id={j.id} data-state={j.state}>
                    <span className="jobs-when">
                      {day(j.startedAt)} {hhmm(j.startedAt)}
                    </span>
                    <span className="jobs-what">
                      <strong>{j.title}</strong> — {stateWords(j.state)}
                      <br />
                      <span className="muted">
                        {who(j)}
                        {j.customer ? ` · ${j.customer}` : ''}
                        {j.ticket ? ` · ticket ${j.ticket}` : ''}
                        {j.backups ? ' · backup taken' : ''}
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
