import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { PlaybookService } from './service';
import type { playbookCommands } from '../../../src-shared/capabilities/playbook/contract';
import { RunOptionsSchema } from '../../../src-shared/capabilities/playbook/contract';
import { allowSerialPath } from '../../core/host-paths';

export function playbookHandlers(playbook: PlaybookService, ctx: MainContext, listPorts: () => Promise<{ path: string }[]>): CapabilityHandlers<typeof playbookCommands> {
  return {
    'playbook.list': () => ({ playbooks: playbook.list() }),
    'playbook.start': async (a) => {
      const options = RunOptionsSchema.parse(a.options);
      if (options.serialPath) options.serialPath = await allowSerialPath(ctx, options.serialPath, listPorts);
      return playbook.start(a.playbookId, options);
    },
    'playbook.respond': (a) => playbook.respond(a.runId, a.promptId, a.choice, a.input),
    'playbook.stop': async () => {
      const run = await playbook.stop();
      return run ? { run } : {};
    },
    'playbook.status': () => playbook.status(),
    'playbook.resume': (a) => playbook.resume(a.runId),
    'playbook.dismiss': (a) => {
      playbook.dismiss(a.runId);
      return { ok: true as const };
    },
  };
}
