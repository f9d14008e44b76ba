import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { playbookCommands } from '../../../src-shared/contract/playbook';

export function playbookHandlers(_s: Services): CapabilityHandlers<typeof playbookCommands> {
  return {};
}
