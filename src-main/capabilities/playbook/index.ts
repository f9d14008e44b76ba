import { defineMainCapability } from '../../core/capability';
import { playbookCapability } from '../../../src-shared/capabilities/playbook';
import { serialMain } from '../serial';
import { PlaybookService } from './service';
import { playbookHandlers } from './handlers';

export * from './runner';
export * from './service';
export { stepSaid } from './step-words';

export { PlaybookService, type RegisteredPlaybook } from './service';
export { newRunId, PlaybookRun, type RunnerHooks, type StepExecutor } from './runner';

/** The timeline engine: runs the playbooks every capability contributes, one at a time, with a journal. */
export const playbookMain = defineMainCapability({
  id: 'playbook',
  contract: playbookCapability,
  service: (ctx) =>
    new PlaybookService(ctx.dataDir, ctx.playbooks(), {
      // only steps changed: the screens get playbook.step, listeners here still the whole run (decision 0175)
      change: (c) => ctx.bus.emit('playbook.step', c),
      snapshot: (s, covered) => ctx.bus.emit('playbook.run', s, { local: covered }),
      transcript: (l) => ctx.bus.emit('playbook.transcript', l),
    }),
  handlers: (playbook, ctx) => playbookHandlers(playbook, ctx, async () => (await ctx.use(serialMain).listPorts()).ports),
  dispose: (playbook) => playbook.dispose(),
});
