import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { serialCommands } from '../../../src-shared/contract/serial';

export function serialHandlers(_s: Services): CapabilityHandlers<typeof serialCommands> {
  return {};
}
