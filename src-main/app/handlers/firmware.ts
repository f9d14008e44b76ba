import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { firmwareCommands } from '../../../src-shared/contract/firmware';

export function firmwareHandlers(_s: Services): CapabilityHandlers<typeof firmwareCommands> {
  return {};
}
