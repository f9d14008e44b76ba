import { defineRendererCapability } from '../../app/capability';
import { jobsCapability } from '../../../src-shared/capabilities/jobs';
import { useJobs } from './store';
import { JobsView } from './View';

export { useJobs } from './store';

/** Jobs: the history of guide runs, one job's steps, and its report. */
export const jobsView = defineRendererCapability({
  id: 'jobs',
  contract: jobsCapability,
  section: { id: 'jobs', label: 'Jobs', hint: 'Every router you worked on: steps, evidence and reports', View: JobsView },
  events: {
    'jobs.changed': (s) => useJobs.getState().onChanged(s),
    'jobs.sync': (s) => useJobs.getState().onSync(s),
  },
  resync: async (api) => {
    useJobs.getState().onSync((await api.invoke('jobs.status', {})).shop);
  },
});
