import { defineMainCapability } from '../../core/capability';
import { playbookCapability } from '../../../src-shared/capabilities/playbook';
import { serialMain } from '../serial';
import { PlaybookService } from './service';
import { playbookHandlers } from './handlers';

export * from './runner';
export * from './service';

export { PlaybookService, type RegisteredPlaybook } from './service';
export { newRunId, PlaybookRun, type RunnerHooks, type StepExecutor } from './runner';

/** The timeline engine: runs the playbooks every capability contributes, one at a time, with a journal. */
export const playbookMain = defineMainCapability({
  id: 'playbook',
  contract: playbookCapability,
  service: (ctx) =>
    new PlaybookService(ctx.dataDir, ctx.playbooks(), {
      snapshot: (s) => ctx.bus.emit('playbook.run', s),
      transcript: (l) => ctx.bus.emit('playbook.transcript', l),
    }),
  handlers: (playbook, ctx) => playbookHandlers(playbook, ctx, async () => (await ctx.use(serialMain).listPorts()).ports),
  dispose: (playbook) => playbook.dispose(),
});
