import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { playbookCommands } from '../../../src-shared/capabilities/playbook/contract';
import { RunOptionsSchema } from '../../../src-shared/capabilities/playbook/contract';
import { allowSerialPath } from '../../core/host-paths';

export function playbookHandlers(s: Services): CapabilityHandlers<typeof playbookCommands> {
  return {
    'playbook.list': () => ({ playbooks: s.playbook.list() }),
    'playbook.start': async (a) => {
      const options = RunOptionsSchema.parse(a.options);
      if (options.serialPath) options.serialPath = await allowSerialPath(s, options.serialPath, async () => (await s.serial.listPorts()).ports);
      return s.playbook.start(a.playbookId, options);
    },
    'playbook.respond': (a) => s.playbook.respond(a.runId, a.promptId, a.choice, a.input),
    'playbook.stop': async () => {
      const run = await s.playbook.stop();
      return run ? { run } : {};
    },
    'playbook.status': () => s.playbook.status(),
    'playbook.resume': (a) => s.playbook.resume(a.runId),
    'playbook.dismiss': (a) => {
      s.playbook.dismiss(a.runId);
      return { ok: true as const };
    },
  };
}
