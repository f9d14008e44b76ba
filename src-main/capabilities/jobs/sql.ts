/**
 * The job records in SQL, one schema for both databases (decisions 0103, 0104): SQLite in the data folder
 * (node-sqlite3-wasm) and a shop's PostgreSQL (pg). The statements are written once with `?` placeholders
 * and types both understand (TEXT, BIGINT); the PostgreSQL driver numbers the placeholders.
 *
 * Migrations: `schema_version` holds one row, the version the file is at. Each migration moves the schema
 * from the version before it to its own, in one transaction with the version update, so a crash leaves the
 * file at the old version or the new one, never between. A file from a newer Rescue Bench is refused.
 */
import type { Job, JobSummary } from '../../../src-shared/capabilities/jobs/contract';
import { fault } from '../../../src-shared/errors';

export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;

export interface SqlDriver {
  readonly dialect: Dialect;
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Run `fn` in one transaction (BEGIN IMMEDIATE on SQLite); `fn` gets the driver to use inside it. */
  tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  version: number;
  why: string;
  sql: (d: Dialect) => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'jobs and their steps',
    sql: () => [
      `CREATE TABLE jobs (
        id TEXT PRIMARY KEY, station TEXT NOT NULL, playbook_id TEXT NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL,
        started_at BIGINT NOT NULL, ended_at BIGINT, updated_at BIGINT NOT NULL,
        mac TEXT, mac_source TEXT, board TEXT, model TEXT, address TEXT, outcome TEXT)`,
      `CREATE TABLE job_steps (
        job_id TEXT NOT NULL, seq INTEGER NOT NULL, step_id TEXT NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL,
        started_at BIGINT, ended_at BIGINT, attempts INTEGER NOT NULL, evidence TEXT NOT NULL, error TEXT,
        PRIMARY KEY (job_id, seq))`,
      'CREATE INDEX jobs_started ON jobs (started_at)',
    ],
  },
  {
    version: 2,
    why: 'router history (serial number, indexes), customer and ticket, images and backups',
    sql: () => [
      'ALTER TABLE jobs ADD COLUMN serial TEXT',
      'ALTER TABLE jobs ADD COLUMN customer TEXT',
      'ALTER TABLE jobs ADD COLUMN ticket TEXT',
      'ALTER TABLE jobs ADD COLUMN note_text TEXT',
      'CREATE INDEX jobs_mac ON jobs (mac)',
      'CREATE INDEX jobs_serial ON jobs (serial)',
      'CREATE INDEX jobs_board ON jobs (board)',
      `CREATE TABLE job_images (
        job_id TEXT NOT NULL, seq INTEGER NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL, size TEXT, at BIGINT NOT NULL,
        PRIMARY KEY (job_id, seq))`,
      `CREATE TABLE job_backups (
        job_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, location TEXT NOT NULL, bytes BIGINT, at BIGINT NOT NULL,
        manifest TEXT, manifest_note TEXT, PRIMARY KEY (job_id, seq))`,
    ],
  },
  {
    version: 3,
    why: 'jobs waiting to reach the shop server (used on this station only; the shop server keeps it empty)',
    sql: () => ['CREATE TABLE sync_queue (job_id TEXT PRIMARY KEY, queued_at BIGINT NOT NULL)'],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export async function schemaVersion(d: SqlDriver): Promise<number> {
  const t = await d.all(
    d.dialect === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'" : "SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = current_schema()",
  );
  if (t.length === 0) return 0;
  const r = await d.all('SELECT version FROM schema_version');
  return r.length ? Number(r[0]!.version) : 0;
}

/**
 * Bring the database to `target` (the newest by default), one migration at a time. On PostgreSQL several
 * stations may start at once: an advisory lock lets one migrate while the others wait, then find it done.
 */
export async function migrate(d: SqlDriver, target: number = SCHEMA_VERSION, where: 'file' | 'shop' | 'database' = 'database'): Promise<{ from: number; to: number }> {
  return d.tx(async (t) => {
    if (t.dialect === 'postgres') await t.run('SELECT pg_advisory_xact_lock(?)', [0x5242_4a4f]);
    const from = await schemaVersion(t);
    if (from > SCHEMA_VERSION) {
      throw fault('JOBS_DB_NEWER', { where, from, known: SCHEMA_VERSION });
    }
    if (from === 0) {
      await t.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      await t.run('INSERT INTO schema_version (version) VALUES (0)');
    }
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > target) continue;
      for (const s of m.sql(t.dialect)) await t.run(s);
      await t.run('UPDATE schema_version SET version = ?', [m.version]);
    }
    return { from, to: Math.max(from, Math.min(target, SCHEMA_VERSION)) };
  });
}

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** Write (or replace) one job with its steps, images and backups, in one transaction. */
export async function upsertJob(d: SqlDriver, j: Job): Promise<void> {
  await d.tx(async (t) => {
    await t.run(
      `INSERT INTO jobs (id, station, playbook_id, title, state, started_at, ended_at, updated_at, mac, mac_source, board, model, address, outcome, serial, customer, ticket, note_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET station = excluded.station, playbook_id = excluded.playbook_id, title = excluded.title, state = excluded.state,
         started_at = excluded.started_at, ended_at = excluded.ended_at, updated_at = excluded.updated_at, mac = excluded.mac, mac_source = excluded.mac_source,
         board = excluded.board, model = excluded.model, address = excluded.address, outcome = excluded.outcome, serial = excluded.serial,
         customer = excluded.customer, ticket = excluded.ticket, note_text = excluded.note_text`,
      [
        j.id, j.station, j.playbookId, j.title, j.state, j.startedAt, j.endedAt ?? null, j.updatedAt,
        j.router.mac ?? null, j.router.macSource ?? null, j.router.board ?? null, j.router.model ?? null, j.router.address ?? null, j.outcome ?? null,
        j.router.serial ?? null, j.note.customer ?? null, j.note.ticket ?? null, j.note.text ?? null,
      ],
    );
    for (const table of ['job_steps', 'job_images', 'job_backups']) await t.run(`DELETE FROM ${table} WHERE job_id = ?`, [j.id]);
    for (const [i, s] of j.steps.entries()) {
      await t.run('INSERT INTO job_steps (job_id, seq, step_id, title, state, started_at, ended_at, attempts, evidence, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        j.id, i, s.id, s.title, s.state, s.startedAt ?? null, s.endedAt ?? null, s.attempts, JSON.stringify(s.evidence), s.error ? JSON.stringify(s.error) : null,
      ]);
    }
    for (const [i, m] of j.images.entries()) {
      await t.run('INSERT INTO job_images (job_id, seq, file_name, sha256, size, at) VALUES (?, ?, ?, ?, ?, ?)', [j.id, i, m.fileName, m.sha256, m.size ?? null, m.at]);
    }
    for (const [i, b] of j.backups.entries()) {
      await t.run('INSERT INTO job_backups (job_id, seq, kind, location, bytes, at, manifest, manifest_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        j.id, i, b.kind, b.location, b.bytes ?? null, b.at, b.manifest ? JSON.stringify(b.manifest) : null, b.manifestNote ?? null,
      ]);
    }
  });
}

const SUMMARY_COLUMNS = `jobs.id, jobs.station, jobs.title, jobs.state, jobs.started_at, jobs.ended_at, jobs.mac, jobs.board, jobs.model, jobs.serial, jobs.customer, jobs.ticket, jobs.outcome,
  (SELECT COUNT(*) FROM job_images WHERE job_images.job_id = jobs.id) AS images, (SELECT COUNT(*) FROM job_backups WHERE job_backups.job_id = jobs.id) AS backups`;

function summary(r: Row): JobSummary {
  const s: JobSummary = { id: String(r.id), station: String(r.station), title: String(r.title), state: String(r.state) as JobSummary['state'], startedAt: Number(r.started_at), images: Number(r.images), backups: Number(r.backups) };
  for (const [k, c] of [['mac', 'mac'], ['board', 'board'], ['model', 'model'], ['serial', 'serial'], ['customer', 'customer'], ['ticket', 'ticket'], ['outcome', 'outcome']] as const) {
    const v = str(r[c]);
    if (v !== undefined) s[k] = v;
  }
  const end = num(r.ended_at);
  if (end !== undefined) s.endedAt = end;
  return s;
}

/** Newest first; `query` matches MAC (with or without separators), board, model, serial, customer, ticket, title or job id. */
export async function listJobs(d: SqlDriver, query: string | undefined, limit: number): Promise<JobSummary[]> {
  const q = query?.trim().toLowerCase();
  if (!q) return (await d.all(`SELECT ${SUMMARY_COLUMNS} FROM jobs ORDER BY started_at DESC, id DESC LIMIT ?`, [limit])).map(summary);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const macLike = /^[0-9a-f]{12}$/.test(q) ? `%${q.match(/../g)!.join(':')}%` : like.replace(/-/g, ':');
  const cols = ['jobs.board', 'jobs.model', 'jobs.serial', 'jobs.customer', 'jobs.ticket', 'jobs.title', 'jobs.id'];
  const where = [`LOWER(COALESCE(jobs.mac, '')) LIKE ? ESCAPE '\\'`, ...cols.map((c) => `LOWER(COALESCE(${c}, '')) LIKE ? ESCAPE '\\'`)].join(' OR ');
  return (await d.all(`SELECT ${SUMMARY_COLUMNS} FROM jobs WHERE ${where} ORDER BY started_at DESC, id DESC LIMIT ?`, [macLike, ...cols.map(() => like), limit])).map(summary);
}

export async function getJob(d: SqlDriver, id: string): Promise<Job | undefined> {
  const rows = await d.all('SELECT * FROM jobs WHERE id = ?', [id]);
  const r = rows[0];
  if (!r) return undefined;
  const steps = await d.all('SELECT * FROM job_steps WHERE job_id = ? ORDER BY seq', [id]);
  const images = await d.all('SELECT * FROM job_images WHERE job_id = ? ORDER BY seq', [id]);
  const backups = await d.all('SELECT * FROM job_backups WHERE job_id = ? ORDER BY seq', [id]);
  const job: Job = {
    id: String(r.id),
    station: String(r.station),
    playbookId: String(r.playbook_id),
    title: String(r.title),
    state: String(r.state) as Job['state'],
    startedAt: Number(r.started_at),
    updatedAt: Number(r.updated_at),
    router: {},
    note: {},
    steps: steps.map((s) => {
      const st: Job['steps'][number] = { id: String(s.step_id), title: String(s.title), state: String(s.state) as Job['steps'][number]['state'], attempts: Number(s.attempts), evidence: JSON.parse(String(s.evidence)) as Job['steps'][number]['evidence'] };
      const a = num(s.started_at);
      const b = num(s.ended_at);
      if (a !== undefined) st.startedAt = a;
      if (b !== undefined) st.endedAt = b;
      if (s.error) st.error = JSON.parse(String(s.error)) as NonNullable<Job['steps'][number]['error']>;
      return st;
    }),
    images: images.map((m) => {
      const img: Job['images'][number] = { fileName: String(m.file_name), sha256: String(m.sha256), at: Number(m.at) };
      const size = str(m.size);
      if (size !== undefined) img.size = size;
      return img;
    }),
    backups: backups.map((b) => {
      const out: Job['backups'][number] = { kind: String(b.kind) as 'full' | 'settings', location: String(b.location), at: Number(b.at) };
      const bytes = num(b.bytes);
      if (bytes !== undefined) out.bytes = bytes;
      if (b.manifest) out.manifest = JSON.parse(String(b.manifest)) as NonNullable<Job['backups'][number]['manifest']>;
      const note = str(b.manifest_note);
      if (note !== undefined) out.manifestNote = note;
      return out;
    }),
  };
  const set = <K extends keyof Job['router']>(k: K, v: unknown) => {
    const s = str(v);
    if (s !== undefined) job.router[k] = s as Job['router'][K];
  };
  set('mac', r.mac);
  set('macSource', r.mac_source);
  set('board', r.board);
  set('model', r.model);
  set('address', r.address);
  set('serial', r.serial);
  for (const [k, c] of [['customer', 'customer'], ['ticket', 'ticket'], ['text', 'note_text']] as const) {
    const v = str(r[c]);
    if (v !== undefined) job.note[k] = v;
  }
  const end = num(r.ended_at);
  if (end !== undefined) job.endedAt = end;
  const out = str(r.outcome);
  if (out !== undefined) job.outcome = out;
  return job;
}

/** Other jobs for the same router, oldest first: by MAC, else serial number, else board name (weakest: many routers share a board). */
export async function routerHistory(d: SqlDriver, j: Job): Promise<JobSummary[]> {
  const key = j.router.mac ? (['mac', j.router.mac] as const) : j.router.serial ? (['serial', j.router.serial] as const) : j.router.board ? (['board', j.router.board] as const) : undefined;
  if (!key) return [];
  return (await d.all(`SELECT ${SUMMARY_COLUMNS} FROM jobs WHERE ${key[0]} = ? AND id <> ? AND started_at <= ? ORDER BY started_at, id`, [key[1], j.id, j.startedAt])).map(summary);
}

export async function jobStates(d: SqlDriver): Promise<Map<string, { state: string; updatedAt: number }>> {
  const rows = await d.all('SELECT id, state, updated_at FROM jobs');
  return new Map(rows.map((r) => [String(r.id), { state: String(r.state), updatedAt: Number(r.updated_at) }]));
}
