import type { CapabilityHandlers } from '../../core/dispatch';
import type { jobsCommands } from '../../../src-shared/capabilities/jobs/contract';
import type { JobsService } from './service';

export function jobsHandlers(jobs: JobsService): CapabilityHandlers<typeof jobsCommands> {
  return {
    'jobs.list': (a) => jobs.list(a.query, a.limit),
    'jobs.show': (a) => jobs.show(a.id),
    'jobs.history': (a) => jobs.history(a.id),
    'jobs.note': (a) => jobs.note(a.id, a.note, a.serial),
    'jobs.report': async (a) => {
      const r = await jobs.report(a.id, a.format, a.lang ?? 'en');
      return { fileName: r.fileName, mime: r.mime, base64: r.data.toString('base64'), running: r.running };
    },
    'jobs.rebuild': () => jobs.rebuild(),
    'jobs.status': () => jobs.status(),
    'jobs.settings': (a) => {
      const s: { shopServer?: string | null; station?: string } = {};
      if (a.shopServer !== undefined) s.shopServer = a.shopServer;
      if (a.station !== undefined) s.station = a.station;
      return jobs.configure(s);
    },
  };
}
