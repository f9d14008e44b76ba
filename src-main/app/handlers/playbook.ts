import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { playbookCommands } from '../../../src-shared/contract/playbook';
import { RunOptionsSchema } from '../../../src-shared/contract/playbook';
import { allowSerialPath } from '../host-paths';

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
