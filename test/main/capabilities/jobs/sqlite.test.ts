/**
 * The job database file: migrations (each from the version before it, data kept), a file from a newer
 * Rescue Bench refused, a file locked by another process (a real second process holding a transaction),
 * a lock left by a dead process, and a damaged file — each a three-part fault that loses nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDriver } from '../../../../src-main/capabilities/jobs/sqlite';
import { getJob, listJobs, migrate, MIGRATIONS, SCHEMA_VERSION, schemaVersion, upsertJob } from '../../../../src-main/capabilities/jobs/sql';
import type { Job } from '../../../../src-shared/capabilities/jobs';

const dirs: string[] = [];
const drivers: SqliteDriver[] = [];
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close().catch(() => undefined);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function file(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-jobs-sql-'));
  dirs.push(d);
  return path.join(d, 'jobs.sqlite');
}
function open(f: string, o: ConstructorParameters<typeof SqliteDriver>[1] = {}): SqliteDriver {
  const d = new SqliteDriver(f, o);
  drivers.push(d);
  return d;
}

const job = (id: string, over: Partial<Job> = {}): Job => ({
  id,
  station: 'bench-1',
  playbookId: 'p',
  title: 'Reflash',
  state: 'done',
  startedAt: 1_780_000_000_000,
  endedAt: 1_780_000_060_000,
  updatedAt: 1_780_000_060_000,
  router: { mac: 'c4:41:1e:aa:bb:01', macSource: 'uboot', board: 'linksys,wrt3200acm', serial: 'SN-1' },
  note: { customer: 'Ada', ticket: 'T-7' },
  steps: [{ id: 'a', title: 'A', state: 'done', attempts: 1, startedAt: 1_780_000_000_000, endedAt: 1_780_000_001_000, evidence: [{ at: 1_780_000_000_500, text: 'ethaddr=…' }] }],
  images: [{ fileName: 'x.bin', sha256: 'ab'.repeat(32), size: '7.5 MiB', at: 1_780_000_000_700 }],
  backups: [{ kind: 'full', location: '/b', at: 1_780_000_000_800, manifest: { createdAt: 'now', complete: true, files: [{ name: 'mtd0.bin', bytes: 64, sha256: 'cd'.repeat(32) }] } }],
  outcome: 'Done.',
  ...over,
});

describe('job database migrations', () => {
  it('a new file goes to the newest schema, and the versions are numbered 1, 2, 3…', async () => {
    const d = open(file());
    expect(await migrate(d)).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(await schemaVersion(d)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(await migrate(d)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  it('version 1 → 2 keeps the jobs and their steps, and adds what 2 brings', async () => {
    const d = open(file());
    await migrate(d, 1);
    await d.run("INSERT INTO jobs (id, station, playbook_id, title, state, started_at, updated_at, mac) VALUES ('j1', 's', 'p', 'Old job', 'done', 1, 2, 'aa:bb:cc:dd:ee:ff')");
    await d.run("INSERT INTO job_steps (job_id, seq, step_id, title, state, attempts, evidence) VALUES ('j1', 0, 'a', 'A', 'done', 1, '[]')");
    expect(await migrate(d, 2)).toEqual({ from: 1, to: 2 });
    const j = await getJob(d, 'j1');
    expect(j).toMatchObject({ id: 'j1', title: 'Old job', router: { mac: 'aa:bb:cc:dd:ee:ff' }, steps: [{ id: 'a' }], images: [], backups: [], note: {} });
    await d.run("UPDATE jobs SET serial = 'SN' WHERE id = 'j1'");
    expect((await listJobs(d, 'sn', 10)).map((x) => x.id)).toEqual(['j1']);
  });

  it('version 2 → 3 keeps everything and adds the sync queue', async () => {
    const d = open(file());
    await migrate(d, 2);
    await upsertJob(d, job('j2'));
    expect(await migrate(d, 3)).toEqual({ from: 2, to: 3 });
    expect(await getJob(d, 'j2')).toEqual(job('j2'));
    await d.run('INSERT INTO sync_queue (job_id, queued_at) VALUES (?, ?)', ['j2', 1]);
  });

  it('a file from a newer Rescue Bench is refused, untouched', async () => {
    const f = file();
    const d = open(f);
    await migrate(d);
    await d.run('UPDATE schema_version SET version = ?', [SCHEMA_VERSION + 1]);
    await expect(migrate(d)).rejects.toMatchObject({ code: 'JOBS_DB_NEWER', meaning: expect.any(String), fix: expect.any(String) });
    expect(await schemaVersion(d)).toBe(SCHEMA_VERSION + 1);
  });
});

describe('job records in the file', () => {
  it('round-trips a job, replaces it on update, finds it by MAC (any spelling), board, serial, customer, ticket', async () => {
    const d = open(file());
    await migrate(d);
    await upsertJob(d, job('j1'));
    await upsertJob(d, job('j2', { startedAt: 1_790_000_000_000, router: { board: 'tplink,archer-c7-v2' }, note: {} }));
    expect(await getJob(d, 'j1')).toEqual(job('j1'));
    await upsertJob(d, job('j1', { state: 'failed', steps: [], images: [] }));
    expect(await getJob(d, 'j1')).toMatchObject({ state: 'failed', steps: [], images: [] });
    expect((await listJobs(d, undefined, 10)).map((j) => j.id)).toEqual(['j2', 'j1']);
    for (const q of ['C4:41:1E:AA:BB:01', 'c4411eaabb01', 'c4-41-1e', 'sn-1', 'ada', 't-7', 'wrt3200']) expect((await listJobs(d, q, 10)).map((j) => j.id), q).toEqual(['j1']);
    expect((await listJobs(d, 'archer', 10)).map((j) => j.id)).toEqual(['j2']);
    expect(await listJobs(d, '%', 10)).toEqual([]);
    expect(await getJob(d, 'nope')).toBeUndefined();
  });

  it('survives closing and opening again (another process, a restart)', async () => {
    const f = file();
    const a = open(f);
    await migrate(a);
    await upsertJob(a, job('j1'));
    await a.close();
    const b = open(f);
    await migrate(b);
    expect(await getJob(b, 'j1')).toEqual(job('j1'));
  });
});

/** A second process that opens the file, begins a write transaction and holds it until told (stdin closes). */
function holdLock(f: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const { Database } = require(${JSON.stringify(require.resolve('node-sqlite3-wasm'))});
    const db = new Database(${JSON.stringify(f)});
    db.exec('BEGIN IMMEDIATE'); db.run("UPDATE schema_version SET version = version");
    process.stdout.write('held\\n');
    process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () => resolve({ release: () => new Promise<void>((r) => (child.once('exit', () => r()), child.stdin.end())) }));
  });
}

describe('a file another process holds, a lock left behind, a damaged file', () => {
  it('locked longer than the wait: JOBS_DB_LOCKED in three parts; free again: it works, nothing lost', async () => {
    const f = file();
    const d = open(f, { busyMs: 300 });
    await migrate(d);
    await upsertJob(d, job('j1'));
    const other = await holdLock(f);
    const err = await listJobs(d, undefined, 10).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'JOBS_DB_LOCKED', message: expect.stringContaining('busy'), meaning: expect.stringContaining('journal'), fix: expect.stringContaining('jobs rebuild') });
    await other.release();
    expect((await listJobs(d, undefined, 10)).map((j) => j.id)).toEqual(['j1']);
  });

  it('a short hold is waited out', async () => {
    const f = file();
    const d = open(f, { busyMs: 5000 });
    await migrate(d);
    const other = await holdLock(f);
    setTimeout(() => void other.release(), 300);
    await upsertJob(d, job('j1'));
    expect(await getJob(d, 'j1')).toBeDefined();
  });

  it('a lock folder left by a process that died mid-transaction is removed once it is old', async () => {
    const f = file();
    const d = open(f, { busyMs: 200, staleMs: 60_000 });
    await migrate(d);
    fs.mkdirSync(`${f}.lock`);
    await expect(listJobs(d, undefined, 10)).rejects.toMatchObject({ code: 'JOBS_DB_LOCKED' });
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(`${f}.lock`, old, old);
    expect(await listJobs(d, undefined, 10)).toEqual([]);
    expect(fs.existsSync(`${f}.lock`)).toBe(false);
  });

  it('a damaged file: JOBS_DB_CORRUPT in three parts, pointing at the rebuild', async () => {
    const f = file();
    fs.writeFileSync(f, Buffer.alloc(8192, 0x5a));
    const d = open(f);
    await expect(migrate(d)).rejects.toMatchObject({ code: 'JOBS_DB_CORRUPT', message: expect.stringContaining('damaged'), meaning: expect.stringContaining('journal'), fix: expect.stringContaining('Rebuild') });
  });
});
