import { defineMainCapability } from '../../core/capability';
import { jobsCapability } from '../../../src-shared/capabilities/jobs';
import { playbookMain } from '../playbook';
import { JobsService } from './service';
import { jobsHandlers } from './handlers';

export { JobsService, toSummary, type JournalSource } from './service';

/**
 * Job records: every real playbook run, from its journal, in the SQLite file of the data folder and the
 * shop's PostgreSQL when one is set. It listens to playbook.run and reads journals through the playbook
 * capability's public hook (journalIds/readJournal/isLive).
 */
export const jobsMain = defineMainCapability({
  id: 'jobs',
  contract: jobsCapability,
  service: (ctx) => {
    const jobs = new JobsService(ctx.dataDir, () => ctx.use(playbookMain), { changed: (s) => ctx.bus.emit('jobs.changed', s), sync: (s) => ctx.bus.emit('jobs.sync', s) }, { syncEveryMs: ctx.host === 'cli' ? 0 : 15_000 });
    ctx.bus.subscribe((e) => {
      if (e.name === 'playbook.run') jobs.runChanged(e.payload.runId, e.payload.state);
      // the bench station's runs (one per slot) come with their slot
      else if (e.name === 'station.slot' && e.payload.run) jobs.runChanged(e.payload.run.runId, e.payload.run.state);
    });
    return jobs;
  },
  handlers: (jobs) => jobsHandlers(jobs),
  cli: async () => {
    const c = await import('./cli');
    return [c.jobsList, c.jobsShow, c.jobsReport, c.jobsRebuild, c.jobsNote, c.jobsSettings];
  },
  dispose: (jobs) => jobs.dispose(),
});
