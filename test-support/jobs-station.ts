/**
 * One bench station as its own process, for the shop-server test: its own data folder and station name, the
 * shop's PostgreSQL named in its settings; it runs the stand-in playbook (test-support/jobs-runs.ts) for a
 * router and prints, as one JSON line, the job history it then sees.
 *   tsx test-support/jobs-station.ts DATA_DIR STATION SHOP_URL MAC
 */
import { JobsService } from '../src-main/capabilities/jobs';
import { jobPlaybookService, runOn } from './jobs-runs';

const [dataDir, station, shop, mac] = process.argv.slice(2) as [string, string, string, string];
const pb = jobPlaybookService(dataDir, { mac });
const jobs = new JobsService(dataDir, () => pb, { changed: () => undefined, sync: () => undefined }, { syncEveryMs: 0 });
await jobs.configure({ shopServer: shop, station });
const runId = await runOn(pb, { mac });
await jobs.ingest(runId);
const status = await jobs.status();
process.stdout.write(`${JSON.stringify({ runId, status, list: await jobs.list(undefined, 100) })}\n`);
await jobs.dispose();
