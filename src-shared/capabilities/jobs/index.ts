import { defineCapability } from '../../contract/capability';
import { jobsCommands, jobsEvents } from './contract';

export * from './contract';
export * from './extract';
export * from './report';

export const jobsCapability = defineCapability({
  id: 'jobs',
  summary: 'Job records: every real run kept with its router, steps, images, backups and outcome, searchable per router, as HTML or PDF reports.',
  commands: jobsCommands,
  events: jobsEvents,
});
