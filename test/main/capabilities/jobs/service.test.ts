/**
 * Job records from real playbook runs: the real PlaybookService and runner write journals (the stand-in
 * playbook of test-support/jobs-runs.ts), the jobs service turns them into jobs in the SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobsService } from '../../../../src-main/capabilities/jobs';
import type { PlaybookService } from '../../../../src-main/capabilities/playbook';
import type { JobSummary } from '../../../../src-shared/capabilities/jobs';
import { jobPlaybookService, recordRun, runOn, sha256 } from '../../../../test-support/jobs-runs';
import { chromiumPath } from '../../../../test-support/browser';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-jobs-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

function jobsOver(dir: string, playbook: PlaybookService, o: ConstructorParameters<typeof JobsService>[3] = {}) {
  const changed: JobSummary[] = [];
  const jobs = new JobsService(dir, () => playbook, { changed: (s) => changed.push(s), sync: () => undefined }, { syncEveryMs: 0, settleMs: 10, ...o });
  cleanups.push(() => jobs.dispose());
  return { jobs, changed };
}

const IMAGE = { fileName: 'openwrt-23.05.5-sysupgrade.bin', bytes: Buffer.alloc(300_000, 7) };

describe('jobs from playbook runs', () => {
  it('a finished run is a job: router, steps with times, image with SHA-256, backup with its manifest, outcome', async () => {
    const dir = dataDir();
    const backupDir = path.join(dir, 'backups', 'full-1');
    const runId = await recordRun(dir, { mac: 'C4:41:1E:AA:BB:01', board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM', image: IMAGE, backupDir });
    const { jobs } = jobsOver(dir, jobPlaybookService(dir, {}));
    const list = await jobs.list(undefined, 50);
    expect(list.source).toBe('this-station');
    expect(list.jobs).toEqual([expect.objectContaining({ id: runId, state: 'done', mac: 'c4:41:1e:aa:bb:01', board: 'linksys,wrt3200acm', images: 1, backups: 1 })]);
    const job = await jobs.show(runId);
    expect(job.router).toMatchObject({ mac: 'c4:41:1e:aa:bb:01', macSource: 'uboot', model: 'Linksys WRT3200ACM' });
    expect(job.images).toEqual([expect.objectContaining({ fileName: IMAGE.fileName, sha256: sha256(IMAGE.bytes) })]);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { partitions: { file: string; sha256: string }[] };
    expect(job.backups[0]!.manifest!.files.map((f) => [f.name, f.sha256])).toEqual(manifest.partitions.map((p) => [p.file, p.sha256]));
    expect(job.steps.every((s) => s.startedAt !== undefined && s.endedAt !== undefined && s.endedAt >= s.startedAt)).toBe(true);
    expect(job.outcome).toBe('Finish: done'); // the run's last words (the last step's success text)
  });

  it('runs are recorded as they happen (playbook.run), a practice run never', async () => {
    const dir = dataDir();
    let jobs!: JobsService;
    const pb = jobPlaybookService(dir, { mac: '00:11:22:33:44:55' }, { snapshot: (s) => jobs.runChanged(s.runId, s.state) });
    const made = jobsOver(dir, pb);
    jobs = made.jobs;
    const runId = await runOn(pb, { mac: '00:11:22:33:44:55' });
    await new Promise((r) => setTimeout(r, 100));
    expect(made.changed.map((c) => c.id)).toContain(runId);
    expect(made.changed.at(-1)).toMatchObject({ id: runId, state: 'done' });
    await runOn(pb, { practice: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(fs.readdirSync(path.join(dir, 'practice', 'journals'))).toHaveLength(1);
    expect((await jobs.list(undefined, 50)).jobs.map((j) => j.id)).toEqual([runId]);
  });

  it('"seen before": the same router (by MAC) on an earlier day, with or without a backup', async () => {
    const dir = dataDir();
    const first = await recordRun(dir, { mac: 'aa:bb:cc:00:00:01', backupDir: path.join(dir, 'b1') });
    await recordRun(dir, { mac: 'aa:bb:cc:00:00:99' });
    await new Promise((r) => setTimeout(r, 1100)); // run ids carry the second
    const second = await recordRun(dir, { mac: 'aa:bb:cc:00:00:01' });
    const { jobs } = jobsOver(dir, jobPlaybookService(dir, {}));
    const h = await jobs.history(second);
    expect(h.seenBefore.map((s) => [s.id, s.backupTaken])).toEqual([[first, true]]);
    expect(h.text).toMatch(/^Seen before: \d{4}-\d\d-\d\d, backup taken — .*\(1 earlier job for MAC aa:bb:cc:00:00:01\.\)$/);
    expect((await jobs.history(first)).text).toBe('First time this router (MAC aa:bb:cc:00:00:01) is on the bench.');
  });

  it('customer, ticket and serial number are kept beside the journals: a restart and a rebuild keep them', async () => {
    const dir = dataDir();
    const runId = await recordRun(dir, { mac: '02:00:00:00:00:01' });
    const a = jobsOver(dir, jobPlaybookService(dir, {}));
    await a.jobs.note(runId, { customer: 'Ada Lovelace', ticket: 'T-1043' }, 'SN0042');
    expect((await a.jobs.list('t-1043', 10)).jobs.map((j) => j.id)).toEqual([runId]);
    await a.jobs.dispose();
    const b = jobsOver(dir, jobPlaybookService(dir, {}));
    expect(await b.jobs.show(runId)).toMatchObject({ note: { customer: 'Ada Lovelace', ticket: 'T-1043' }, router: { serial: 'SN0042' } });
    const r = await b.jobs.rebuild();
    expect(r).toEqual({ jobs: 1, text: 'The job history was made again from 1 journal.' });
    expect(await b.jobs.show(runId)).toMatchObject({ note: { customer: 'Ada Lovelace' }, router: { serial: 'SN0042' } });
    await expect(b.jobs.note('20990101T000000-000000', { customer: 'x' })).rejects.toMatchObject({ code: 'NO_SUCH_JOB' });
  });

  it('a damaged file: a three-part fault, the journals untouched; rebuild keeps the damaged file aside and restores every job', async () => {
    const dir = dataDir();
    const ids = [await recordRun(dir, { mac: '02:00:00:00:00:01' })];
    await new Promise((r) => setTimeout(r, 1100));
    ids.push(await recordRun(dir, { mac: '02:00:00:00:00:02', fail: 'The router did not answer.' }));
    const a = jobsOver(dir, jobPlaybookService(dir, {}));
    expect((await a.jobs.list(undefined, 10)).jobs).toHaveLength(2);
    await a.jobs.dispose();
    const journalsBefore = fs.readdirSync(path.join(dir, 'journals')).map((f) => fs.readFileSync(path.join(dir, 'journals', f), 'utf8'));
    const dbFile = path.join(dir, 'jobs', 'jobs.sqlite');
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xee), 0, 4096, 0);
    fs.closeSync(fd);
    const b = jobsOver(dir, jobPlaybookService(dir, {}));
    await expect(b.jobs.list(undefined, 10)).rejects.toMatchObject({ code: 'JOBS_DB_CORRUPT', meaning: expect.stringContaining('not lost'), fix: expect.stringContaining('Rebuild from journals') });
    expect((await b.jobs.status()).database).toMatchObject({ ok: false, error: { code: 'JOBS_DB_CORRUPT' } });
    const r = await b.jobs.rebuild();
    expect(r.jobs).toBe(2);
    expect(r.movedAside).toMatch(/jobs\.sqlite\.damaged-/);
    expect(fs.existsSync(r.movedAside!)).toBe(true);
    expect((await b.jobs.list(undefined, 10)).jobs.map((j) => [j.id, j.state])).toEqual([
      [ids[1], 'failed'],
      [ids[0], 'done'],
    ]);
    expect(fs.readdirSync(path.join(dir, 'journals')).map((f) => fs.readFileSync(path.join(dir, 'journals', f), 'utf8'))).toEqual(journalsBefore);
  });

  it('a run that ends while the file is locked is written at the next read, once the file is free', async () => {
    const dir = dataDir();
    let jobs!: JobsService;
    const pb = jobPlaybookService(dir, { mac: '02:00:00:00:00:05' }, { snapshot: (s) => jobs.runChanged(s.runId, s.state) });
    jobs = jobsOver(dir, pb, { busyMs: 100 }).jobs;
    expect((await jobs.list(undefined, 10)).jobs).toEqual([]);
    const lock = path.join(dir, 'jobs', 'jobs.sqlite.lock');
    fs.mkdirSync(lock); // another process is in a transaction
    const runId = await runOn(pb, { mac: '02:00:00:00:00:05' });
    await new Promise((r) => setTimeout(r, 400));
    await expect(jobs.list(undefined, 10)).rejects.toMatchObject({ code: 'JOBS_DB_LOCKED' });
    fs.rmdirSync(lock);
    expect((await jobs.list(undefined, 10)).jobs.map((j) => [j.id, j.state])).toEqual([[runId, 'done']]);
  });

  it('a report of a running job says so; the same job after its end does not', async () => {
    const dir = dataDir();
    let jobs!: JobsService;
    const pb = jobPlaybookService(dir, { mac: '02:00:00:00:00:03', hold: true }, { snapshot: (s) => jobs.runChanged(s.runId, s.state) });
    jobs = jobsOver(dir, pb).jobs;
    const runId = await runOn(pb, { hold: true });
    const running = await jobs.report(runId, 'html');
    expect(running.running).toBe(true);
    expect(running.data.toString()).toContain('This job is still running.');
    expect((await jobs.show(runId)).state).toBe('running');
    const snap = pb.status().run!;
    pb.respond(runId, snap.prompt!.id, 'yes');
    await pb.settled();
    const done = await jobs.report(runId, 'html');
    expect(done.running).toBe(false);
    expect(done.data.toString()).not.toContain('still running');
    expect(done.fileName).toBe(`job-${runId}.html`);
  });

  it('a journal without an end, from a run that is gone, is "interrupted"', async () => {
    const dir = dataDir();
    const old = Date.now() - 3_600_000;
    let t = old;
    // the run started an hour ago and stopped being written to then (the window was closed)
    const svc = jobPlaybookService(dir, { hold: true }, { now: () => (t += 10) });
    const runId = await runOn(svc, { hold: true });
    const { jobs } = jobsOver(dir, jobPlaybookService(dir, {}));
    expect((await jobs.show(runId)).state).toBe('interrupted');
    const html = (await jobs.report(runId, 'html')).data.toString();
    expect(html).toContain('This job did not finish');
    await svc.stop();
  });

  it.skipIf(!chromiumPath())('PDF: printed by Chromium (playwright-core)', async () => {
    const dir = dataDir();
    const runId = await recordRun(dir, { mac: '02:00:00:00:00:04', image: IMAGE });
    const { jobs } = jobsOver(dir, jobPlaybookService(dir, {}));
    const pdf = await jobs.report(runId, 'pdf');
    expect(pdf.mime).toBe('application/pdf');
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.data.length).toBeGreaterThan(5000);
  }, 90_000); // starting Chromium takes seconds on a loaded machine
});
