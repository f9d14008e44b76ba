import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { tftpCommands } from '../../../src-shared/contract/tftp';

export function tftpHandlers(_s: Services): CapabilityHandlers<typeof tftpCommands> {
  return {};
}
