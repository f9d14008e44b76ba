/**
 * Job records (issue 17). Every real playbook run becomes a job, built from its journal (the source of truth)
 * by the pure extractor (src-shared/capabilities/jobs/extract.ts) and written to the SQLite file in the data
 * folder; a shop's PostgreSQL named in the settings gets the same rows. When that server does not answer, the
 * job waits in the file's sync queue and is sent later; the status says so (decision 0104).
 *
 * What the technician types (customer, ticket, serial number, a note) goes to its own append-only journal,
 * <data>/jobs/notes/<id>.jsonl, so `jobs rebuild` loses nothing either (decision 0105).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JournalRecord } from '../../../src-shared/capabilities/playbook';
import { extractJob, jobReportHtml, seenBeforeText, type NoteRecord } from '../../../src-shared/capabilities/jobs';
import type { Job, JobNote, JobsStatus, JobSummary, SeenBefore, ShopSync } from '../../../src-shared/capabilities/jobs/contract';
import { ManifestSchema } from '../../../src-shared/capabilities/flash';
import { fault, RbFault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import { loadCatalog, translator, type Locale } from '../../../src-shared/i18n';
import { getJob, jobStates, listJobs, migrate, routerHistory, SCHEMA_VERSION, schemaVersion, upsertJob, type SqlDriver } from './sql';
import { SqliteDriver, type SqliteOptions } from './sqlite';
import { maskServer, PostgresDriver } from './postgres';

/** The playbook capability's public hook (PlaybookService.journalIds/readJournal/isLive). */
export interface JournalSource {
  journalIds(): string[];
  readJournal(runId: string): JournalRecord[] | undefined;
  isLive(runId: string): boolean;
}

export interface JobsHooks {
  changed(s: JobSummary): void;
  sync(s: ShopSync): void;
}

export interface JobsOptions extends SqliteOptions {
  now?: () => number;
  /** How often queued jobs are offered to the shop server again (0: only when something changes). */
  syncEveryMs?: number;
  /** Wait this long after a run's last change before writing it (a run changes many times a second). */
  settleMs?: number;
  printPdf?: (html: string) => Promise<Buffer>;
  shopConnectTimeoutMs?: number;
}

interface Settings {
  shopServer?: string;
  station?: string;
}

/** A journal without an end record that changed this recently may belong to a run in another process. */
const RECENT_MS = 10 * 60_000;

export class JobsService {
  private local: SqliteDriver;
  private ready: Promise<void> | undefined;
  private shop: PostgresDriver | undefined;
  private shopReady: Promise<void> | undefined;
  private shopState: { reachable?: boolean; error?: RbErrorShape; lastSyncAt?: number } = {};
  private queued = 0;
  private settings: Settings;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private syncTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private caughtUp: Promise<void> | undefined;
  private readonly now: () => number;
  private disposed = false;

  constructor(
    readonly dataDir: string,
    private readonly journals: () => JournalSource,
    private readonly hooks: JobsHooks,
    private readonly o: JobsOptions = {},
  ) {
    this.now = o.now ?? Date.now;
    this.local = new SqliteDriver(this.dbFile, o);
    this.settings = this.readSettings();
    const every = o.syncEveryMs ?? 15_000;
    if (every > 0) {
      this.syncTimer = setInterval(() => {
        if (this.settings.shopServer && this.queued > 0) void this.flush().catch(() => undefined);
      }, every);
      this.syncTimer.unref();
    }
  }

  get folder(): string {
    return path.join(this.dataDir, 'jobs');
  }
  get dbFile(): string {
    return path.join(this.folder, 'jobs.sqlite');
  }
  private get settingsFile(): string {
    return path.join(this.folder, 'settings.json');
  }
  private notesFile(id: string): string {
    return path.join(this.folder, 'notes', `${id}.jsonl`);
  }
  get station(): string {
    return this.settings.station ?? os.hostname();
  }

  private readSettings(): Settings {
    try {
      const v = JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')) as Settings;
      const out: Settings = {};
      if (typeof v.shopServer === 'string' && v.shopServer) out.shopServer = v.shopServer;
      if (typeof v.station === 'string' && v.station) out.station = v.station;
      return out;
    } catch {
      return {};
    }
  }

  /** The local file at the newest schema (made on first use). */
  private db(): Promise<SqlDriver> {
    if (!this.ready) {
      fs.mkdirSync(this.folder, { recursive: true });
      this.ready = migrate(this.local, SCHEMA_VERSION, 'file').then(async () => {
        this.queued = Number((await this.local.all('SELECT COUNT(*) AS n FROM sync_queue'))[0]?.n ?? 0);
      });
      // a failure (locked, corrupt) is told to this caller and tried again by the next
      this.ready.catch(() => (this.ready = undefined));
    }
    return this.ready.then(() => this.local);
  }

  /** Make the job of every journal that is new or not finished in the file (after a restart, or another process's run). */
  catchUp(): Promise<void> {
    if (!this.caughtUp) {
      this.caughtUp = (async () => {
        const d = await this.db();
        const known = await jobStates(d);
        const src = this.journals();
        for (const id of src.journalIds()) {
          const k = known.get(id);
          if (k && k.state !== 'running' && k.state !== 'interrupted') continue;
          await this.ingest(id);
        }
      })();
      this.caughtUp.catch(() => (this.caughtUp = undefined));
    }
    return this.caughtUp;
  }

  private readNotes(id: string): NoteRecord[] {
    try {
      return fs
        .readFileSync(this.notesFile(id), 'utf8')
        .split('\n')
        .flatMap((l) => {
          try {
            const v = JSON.parse(l) as NoteRecord;
            return v && v.type === 'note' && typeof v.at === 'number' ? [v] : [];
          } catch {
            return [];
          }
        });
    } catch {
      return [];
    }
  }

  /** A full backup's manifest, read from its folder as it is now (the job keeps it even if the folder moves later). */
  private withManifests(job: Job): Job {
    for (const b of job.backups) {
      if (b.kind !== 'full' || b.manifest) continue;
      try {
        const m = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(b.location, 'manifest.json'), 'utf8')));
        b.manifest = { createdAt: m.createdAt, complete: m.complete, files: m.partitions.map((p) => ({ name: p.file ?? `${p.name} (not copied)`, ...(p.bytes !== undefined ? { bytes: p.bytes } : { bytes: p.size }), sha256: p.sha256 })) };
      } catch {
        b.manifestNote = 'The backup folder or its manifest.json could not be read when this job was recorded (moved, or the backup did not finish).';
      }
    }
    return job;
  }

  /** The job of one journal as it is now, or undefined (no such journal, a practice run). */
  jobOf(id: string): Job | undefined {
    const src = this.journals();
    const records = src.readJournal(id);
    if (!records || records.length === 0) return undefined;
    const live = src.isLive(id);
    const hasEnd = records.some((r) => r.type === 'end');
    // a journal still being written by another Rescue Bench process is "running" there, not interrupted
    const recent = !hasEnd && this.now() - records[records.length - 1]!.at < RECENT_MS;
    const job = extractJob(records, { station: this.station, live: live || recent, notes: this.readNotes(id) });
    return job ? this.withManifests(job) : undefined;
  }

  /** Write one run's job to the file (and to the shop server, or its queue). */
  async ingest(id: string): Promise<Job | undefined> {
    const job = this.jobOf(id);
    if (!job) return undefined;
    const d = await this.db();
    await upsertJob(d, job);
    this.hooks.changed(toSummary(job));
    if (this.settings.shopServer) {
      await d.run('INSERT INTO sync_queue (job_id, queued_at) VALUES (?, ?) ON CONFLICT (job_id) DO NOTHING', [id, this.now()]);
      this.queued = Number((await d.all('SELECT COUNT(*) AS n FROM sync_queue'))[0]?.n ?? 0);
      await this.flush().catch(() => undefined);
    }
    return job;
  }

  /** A playbook run changed (the playbook.run event): write it once it settles, at once when it ended. */
  runChanged(runId: string, state: string): void {
    if (this.disposed) return;
    const t = this.timers.get(runId);
    if (t) clearTimeout(t);
    const later = setTimeout(
      () => {
        this.timers.delete(runId);
        // the journal keeps it: a failed write (the file busy or damaged) is made up by the next catch-up
        void this.ingest(runId).catch(() => {
          this.caughtUp = undefined;
        });
      },
      state === 'running' ? (this.o.settleMs ?? 1000) : 0,
    );
    this.timers.set(runId, later);
  }

  // ---- the shop server ----

  private shopDriver(): PostgresDriver | undefined {
    const url = this.settings.shopServer;
    if (!url) return undefined;
    if (!this.shop) {
      this.shop = new PostgresDriver(url, { connectTimeoutMs: this.o.shopConnectTimeoutMs ?? 3000 });
      this.shopReady = undefined;
    }
    return this.shop;
  }

  private async shopDb(): Promise<SqlDriver | undefined> {
    const shop = this.shopDriver();
    if (!shop) return undefined;
    if (!this.shopReady) {
      this.shopReady = migrate(shop, SCHEMA_VERSION, 'shop').then(() => undefined);
      this.shopReady.catch(() => (this.shopReady = undefined));
    }
    await this.shopReady;
    return shop;
  }

  private shopFault(e: unknown): RbErrorShape {
    if (e instanceof RbFault) return e.toShape();
    return fault('SHOP_SERVER_UNREACHABLE', {}, { details: `${maskServer(this.settings.shopServer ?? '')}: ${toErrorShape(e).details ?? String(e)}` }).toShape();
  }

  private setShop(reachable: boolean, error?: RbErrorShape): void {
    const before = JSON.stringify(this.shopState);
    this.shopState = { ...(reachable ? { lastSyncAt: this.now() } : this.shopState.lastSyncAt !== undefined ? { lastSyncAt: this.shopState.lastSyncAt } : {}), reachable, ...(error ? { error } : {}) };
    if (JSON.stringify(this.shopState) !== before || !reachable) this.hooks.sync(this.shopStatus());
  }

  /** Send every queued job to the shop server; stops at the first failure (the rest stay queued). */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = (async () => {
        try {
          const d = await this.db();
          const shop = await this.shopDb();
          if (!shop) return;
          const ids = (await d.all('SELECT job_id FROM sync_queue ORDER BY queued_at')).map((r) => String(r.job_id));
          for (const id of ids) {
            const job = await getJob(d, id);
            if (job) await upsertJob(shop, job);
            await d.run('DELETE FROM sync_queue WHERE job_id = ?', [id]);
            this.queued = Math.max(0, this.queued - 1);
          }
          this.queued = Number((await d.all('SELECT COUNT(*) AS n FROM sync_queue'))[0]?.n ?? 0);
          this.setShop(true);
        } catch (e) {
          this.setShop(false, this.shopFault(e));
          throw e;
        } finally {
          this.flushing = undefined;
        }
      })();
    }
    return this.flushing;
  }

  shopStatus(): ShopSync {
    const url = this.settings.shopServer;
    if (!url) return { configured: false, queued: this.queued, text: "No shop server is set: jobs are kept on this computer only." };
    const s: ShopSync = { configured: true, server: maskServer(url), queued: this.queued, text: '' };
    if (this.shopState.reachable !== undefined) s.reachable = this.shopState.reachable;
    if (this.shopState.lastSyncAt !== undefined) s.lastSyncAt = this.shopState.lastSyncAt;
    if (this.shopState.error) s.error = this.shopState.error;
    const waiting = this.queued === 1 ? '1 job waits' : `${this.queued} jobs wait`;
    s.text =
      this.shopState.reachable === false
        ? `The shop server does not answer. ${this.queued ? `${waiting} to be sent; they are kept on this computer and sent when it answers again.` : 'New jobs are kept on this computer until it answers again.'}`
        : this.queued
          ? `${waiting} to be sent to the shop server.`
          : this.shopState.reachable
            ? 'Every job is on the shop server.'
            : 'The shop server has not been reached yet.';
    return s;
  }

  // ---- commands ----

  /** From the shop server when it answers (every station's jobs), else this station's file, saying so. */
  async list(query: string | undefined, limit: number): Promise<{ jobs: JobSummary[]; source: 'this-station' | 'shop'; note?: string; shop?: ShopSync }> {
    await this.catchUp();
    if (this.settings.shopServer) {
      try {
        await this.flush();
        const shop = await this.shopDb();
        if (shop) return { jobs: await listJobs(shop, query, limit), source: 'shop' };
      } catch {
        const shop = this.shopStatus();
        return { jobs: await listJobs(await this.db(), query, limit), source: 'this-station', note: `Showing this station's jobs only. ${shop.text}`, shop };
      }
    }
    return { jobs: await listJobs(await this.db(), query, limit), source: 'this-station' };
  }

  private notFound(id: string): RbFault {
    return fault('NO_SUCH_JOB', { id });
  }

  async show(id: string): Promise<Job> {
    await this.catchUp();
    const mine = await getJob(await this.db(), id);
    if (mine) return mine;
    if (this.settings.shopServer) {
      const shop = await this.shopDb().catch(() => undefined);
      const theirs = shop ? await getJob(shop, id).catch(() => undefined) : undefined;
      if (theirs) return theirs;
    }
    throw this.notFound(id);
  }

  async history(id: string): Promise<{ seenBefore: SeenBefore[]; text: string }> {
    const job = await this.show(id);
    let rows: JobSummary[];
    try {
      const shop = this.settings.shopServer ? await this.shopDb() : undefined;
      rows = await routerHistory(shop ?? (await this.db()), job);
    } catch {
      rows = await routerHistory(await this.db(), job);
    }
    const seenBefore = rows.map((r) => ({ id: r.id, station: r.station, at: r.startedAt, title: r.title, state: r.state, backupTaken: r.backups > 0, text: seenBeforeText(r) }));
    const by = job.router.mac ? `MAC ${job.router.mac}` : job.router.serial ? `serial number ${job.router.serial}` : job.router.board ? `board ${job.router.board} (many routers share a board name)` : undefined;
    const text = !by
      ? 'This job does not say which router it was, so earlier jobs cannot be found.'
      : seenBefore.length === 0
        ? `First time this router (${by}) is on the bench.`
        : `${seenBefore[seenBefore.length - 1]!.text} (${seenBefore.length} earlier job${seenBefore.length === 1 ? '' : 's'} for ${by}.)`;
    return { seenBefore, text };
  }

  async note(id: string, note: Partial<JobNote>, serial?: string): Promise<Job> {
    if (!this.journals().readJournal(id)) {
      const elsewhere = await this.show(id).catch(() => undefined);
      if (elsewhere && elsewhere.station !== this.station) {
        throw fault('JOB_OF_OTHER_STATION', { station: elsewhere.station });
      }
      throw this.notFound(id);
    }
    const rec: NoteRecord = { type: 'note', at: this.now(), note };
    if (serial !== undefined) rec.serial = serial;
    fs.mkdirSync(path.dirname(this.notesFile(id)), { recursive: true });
    fs.appendFileSync(this.notesFile(id), `${JSON.stringify(rec)}\n`);
    const job = await this.ingest(id);
    if (!job) throw this.notFound(id);
    return job;
  }

  async report(id: string, format: 'html' | 'pdf', locale: Locale = 'en'): Promise<{ fileName: string; mime: string; data: Buffer; running: boolean }> {
    // a job of this station is made fresh from its journal: a running one shows every step up to now
    const job = this.jobOf(id) ?? (await this.show(id));
    const html = jobReportHtml(job, this.now(), { locale, t: translator(locale, await loadCatalog(locale)) });
    const base = `job-${job.id}`;
    const running = job.state === 'running';
    if (format === 'html') return { fileName: `${base}.html`, mime: 'text/html', data: Buffer.from(html, 'utf8'), running };
    const print = this.o.printPdf ?? (await import('../../platform/pdf')).printPdf;
    return { fileName: `${base}.pdf`, mime: 'application/pdf', data: await print(html), running };
  }

  /**
   * Make the file again from the journals. A damaged file is moved aside (kept, never deleted) and a new one
   * made; a locked file is not touched (the other process may be writing to it).
   */
  async rebuild(): Promise<{ jobs: number; movedAside?: string; text: string }> {
    let movedAside: string | undefined;
    try {
      await this.db();
      await this.local.run('DELETE FROM job_steps');
      await this.local.run('DELETE FROM job_images');
      await this.local.run('DELETE FROM job_backups');
      await this.local.run('DELETE FROM jobs');
    } catch (e) {
      if (!(e instanceof RbFault) || e.code === 'JOBS_DB_LOCKED' || e.code === 'JOBS_DB_NEWER') throw e;
      await this.local.close();
      this.ready = undefined;
      movedAside = `${this.dbFile}.damaged-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(this.dbFile, movedAside);
      for (const extra of ['-journal']) fs.rmSync(`${this.dbFile}${extra}`, { force: true });
      this.local = new SqliteDriver(this.dbFile, this.o);
    }
    this.caughtUp = undefined;
    let n = 0;
    for (const id of this.journals().journalIds()) if (await this.ingest(id)) n++;
    this.caughtUp = Promise.resolve();
    const text = `The job history was made again from ${n} journal${n === 1 ? '' : 's'}.${movedAside ? ` The damaged file was kept as ${movedAside}.` : ''}`;
    return movedAside ? { jobs: n, movedAside, text } : { jobs: n, text };
  }

  async status(): Promise<JobsStatus> {
    const database: JobsStatus['database'] = { path: this.dbFile, ok: true };
    try {
      await this.db();
      database.schemaVersion = await schemaVersion(this.local);
    } catch (e) {
      database.ok = false;
      database.error = toErrorShape(e);
    }
    if (this.settings.shopServer && this.shopState.reachable === undefined) await this.flush().catch(() => undefined);
    return { station: this.station, database, shop: this.shopStatus() };
  }

  async configure(s: { shopServer?: string | null; station?: string }): Promise<JobsStatus> {
    if (s.shopServer) {
      let ok = false;
      try {
        const u = new URL(s.shopServer);
        ok = u.protocol === 'postgres:' || u.protocol === 'postgresql:';
      } catch {
        ok = false;
      }
      if (!ok) {
        throw fault('BAD_SHOP_SERVER');
      }
    }
    const next: Settings = { ...this.settings };
    if (s.shopServer === null || s.shopServer === '') delete next.shopServer;
    else if (s.shopServer !== undefined) next.shopServer = s.shopServer;
    if (s.station !== undefined) next.station = s.station;
    fs.mkdirSync(this.folder, { recursive: true });
    // the address may carry a password: only this account may read the file
    fs.writeFileSync(this.settingsFile, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    if (next.shopServer !== this.settings.shopServer) {
      await this.shop?.close();
      this.shop = undefined;
      this.shopReady = undefined;
      this.shopState = {};
      if (next.shopServer) {
        // everything this station has goes to the new server
        const d = await this.db();
        await d.run('INSERT INTO sync_queue (job_id, queued_at) SELECT id, ? FROM jobs WHERE id NOT IN (SELECT job_id FROM sync_queue)', [this.now()]);
        this.queued = Number((await d.all('SELECT COUNT(*) AS n FROM sync_queue'))[0]?.n ?? 0);
      }
    }
    this.settings = next;
    return this.status();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.syncTimer) clearInterval(this.syncTimer);
    const pending = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const id of pending) await this.ingest(id).catch(() => undefined);
    await this.flushing?.catch(() => undefined);
    await this.local.close();
    await this.shop?.close();
  }
}

export function toSummary(j: Job): JobSummary {
  const s: JobSummary = { id: j.id, station: j.station, title: j.title, state: j.state, startedAt: j.startedAt, images: j.images.length, backups: j.backups.length };
  if (j.endedAt !== undefined) s.endedAt = j.endedAt;
  if (j.router.mac) s.mac = j.router.mac;
  if (j.router.board) s.board = j.router.board;
  if (j.router.model) s.model = j.router.model;
  if (j.router.serial) s.serial = j.router.serial;
  if (j.note.customer) s.customer = j.note.customer;
  if (j.note.ticket) s.ticket = j.note.ticket;
  if (j.outcome) s.outcome = j.outcome;
  return s;
}
