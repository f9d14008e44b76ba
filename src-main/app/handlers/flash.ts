import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { flashCommands } from '../../../src-shared/contract/flash';

export function flashHandlers(_s: Services): CapabilityHandlers<typeof flashCommands> {
  return {};
}
