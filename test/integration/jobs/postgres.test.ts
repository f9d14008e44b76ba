/**
 * The shop server: a real PostgreSQL from Debian's package, started by the test (test-support/postgres.ts),
 * shared by two station processes that start at the same moment (both migrate the empty server: one waits
 * for the other). Then a station whose server stops answering: its job waits in the local queue, the status
 * says so in words, and the job reaches the server once it answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobsService } from '../../../src-main/capabilities/jobs';
import { PostgresDriver } from '../../../src-main/capabilities/jobs/postgres';
import { getJob, listJobs, schemaVersion, SCHEMA_VERSION } from '../../../src-main/capabilities/jobs/sql';
import type { JobsStatus, JobSummary, ShopSync } from '../../../src-shared/capabilities/jobs';
import { reportSkip } from '../../../test-support/netns';
import { english, loadCatalog, translator } from '../../../src-shared/i18n';
import { shopWords } from '../../../src-shared/capabilities/jobs/words';
import { startPostgres, type PgServer } from '../../../test-support/postgres';
import { jobPlaybookService, runOn } from '../../../test-support/jobs-runs';

let pg: PgServer | undefined;
let skip: string | undefined;
const dirs: string[] = [];
beforeAll(async () => {
  const r = await startPostgres();
  if (r.ok) pg = r.server;
  else {
    skip = r.reason;
    reportSkip('jobs on a shop PostgreSQL server', r.reason);
  }
}, 120_000);
afterAll(() => {
  pg?.remove();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-'));
  dirs.push(d);
  return d;
}

function station(dir: string, name: string, mac: string): Promise<{ runId: string; status: JobsStatus; list: { jobs: JobSummary[]; source: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test-support/jobs-station.ts', dir, name, pg!.url, mac], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`station ${name} exited ${code}: ${err}`))));
  });
}

describe('jobs on a shop PostgreSQL server', () => {
  it('two stations started together share one history', async (ctx) => {
    if (!pg) return ctx.skip(skip);
    const [a, b] = await Promise.all([station(dataDir(), 'bench-A', '02:00:00:00:0a:01'), station(dataDir(), 'bench-B', '02:00:00:00:0b:01')]);
    for (const s of [a, b]) {
      expect(s.status.shop).toMatchObject({ configured: true, reachable: true, queued: 0, text: 'Every job is on the shop server.' });
      expect(s.status.shop.server).not.toContain(new URL(pg.url).password);
    }
    // the later of the two already sees both
    const shop = new PostgresDriver(pg.url);
    try {
      expect(await schemaVersion(shop)).toBe(SCHEMA_VERSION);
      const all = await listJobs(shop, undefined, 100);
      expect(all.map((j) => [j.station, j.mac]).sort()).toEqual([
        ['bench-A', '02:00:00:00:0a:01'],
        ['bench-B', '02:00:00:00:0b:01'],
      ]);
      expect((await getJob(shop, a.runId))!.steps).toHaveLength(4);
    } finally {
      await shop.close();
    }
    const seen = [a, b].map((s) => s.list.jobs.length).sort();
    expect(seen[1]).toBe(2);
    expect([a, b].every((s) => s.list.source === 'shop')).toBe(true);

    // a third station sees both jobs, and is told where a note on one of them belongs
    const dir = dataDir();
    const c = new JobsService(dir, () => jobPlaybookService(dir, {}), { changed: () => undefined, sync: () => undefined }, { syncEveryMs: 0 });
    try {
      await c.configure({ shopServer: pg.url, station: 'bench-C' });
      expect((await c.list(undefined, 10)).jobs.map((j) => j.id).sort()).toEqual([a.runId, b.runId].sort());
      expect((await c.show(a.runId)).station).toBe('bench-A');
      expect((await c.history(a.runId)).text).toBe('First time this router (MAC 02:00:00:00:0a:01) is on the bench.');
      await expect(c.note(a.runId, { customer: 'x' })).rejects.toMatchObject({ code: 'JOB_OF_OTHER_STATION', message: 'This job was done on station bench-A.', fix: 'Write the note on bench-A.' });
    } finally {
      await c.dispose();
    }
  }, 120_000);

  it('the server stops answering: the job is kept and queued, the status says so, and it is sent once the server is back', async (ctx) => {
    if (!pg) return ctx.skip(skip);
    const dir = dataDir();
    const pb = jobPlaybookService(dir, { mac: '02:00:00:00:0c:01' });
    const syncs: ShopSync[] = [];
    const jobs = new JobsService(dir, () => pb, { changed: () => undefined, sync: (s) => syncs.push(s) }, { syncEveryMs: 0, shopConnectTimeoutMs: 1500 });
    try {
      await jobs.configure({ shopServer: pg.url, station: 'bench-C' });
      pg.stop();
      const runId = await runOn(pb, { mac: '02:00:00:00:0c:01' });
      await jobs.ingest(runId);
      const st = (await jobs.status()).shop;
      expect(st).toMatchObject({ configured: true, reachable: false, queued: 1, error: { code: 'SHOP_SERVER_UNREACHABLE', meaning: expect.stringContaining('kept on this computer'), fix: expect.any(String) } });
      expect(st.text).toBe('The shop server does not answer. 1 job waits to be sent; they are kept on this computer and sent when it answers again.');
      expect(st.error!.details).not.toContain(new URL(pg.url).password);
      expect(syncs.at(-1)).toMatchObject({ reachable: false, queued: 1 });
      const local = await jobs.list(undefined, 10);
      expect(local).toMatchObject({ source: 'this-station', note: expect.stringMatching(/^Showing this station's jobs only\. The shop server does not answer\./) });
      expect(local.jobs.map((j) => j.id)).toEqual([runId]);
      // the reply carries the shop's state beside the note: said in German as the screen says it (decision 0170)
      expect(local.shop).toMatchObject({ configured: true, reachable: false, queued: 1 });
      const de = translator('de', await loadCatalog('de'));
      expect(de('jobs.stationOnly', { shop: shopWords(de, local.shop!) })).toBe(
        'Es werden nur die Aufträge dieses Arbeitsplatzes gezeigt. Der Werkstatt-Server antwortet nicht. 1 Auftrag wartet auf das Senden; sie bleiben auf diesem Computer und werden gesendet, sobald er wieder antwortet.',
      );
      expect(english('jobs.stationOnly', { shop: shopWords(english, local.shop!) })).toBe(local.note);

      pg.start();
      await jobs.flush();
      expect(syncs.at(-1)).toMatchObject({ reachable: true, queued: 0, text: 'Every job is on the shop server.' });
      const shop = new PostgresDriver(pg.url);
      try {
        expect(await getJob(shop, runId)).toMatchObject({ station: 'bench-C', router: { mac: '02:00:00:00:0c:01' } });
      } finally {
        await shop.close();
      }
    } finally {
      try {
        pg.start(); // a failed assertion must not leave the server stopped for the next test
      } catch {
        // it runs already
      }
      await jobs.dispose();
    }
  }, 120_000);

  it('a server address that is not PostgreSQL is refused in three parts', async () => {
    const jobs = new JobsService(dataDir(), () => jobPlaybookService(dataDir(), {}), { changed: () => undefined, sync: () => undefined }, { syncEveryMs: 0 });
    try {
      await expect(jobs.configure({ shopServer: 'http://example.invalid/' })).rejects.toMatchObject({ code: 'BAD_SHOP_SERVER', meaning: expect.any(String), fix: expect.stringContaining('postgres://') });
    } finally {
      await jobs.dispose();
    }
  });
});
