import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { tftpCommands } from '../../../src-shared/contract/tftp';

export function tftpHandlers(s: Services): CapabilityHandlers<typeof tftpCommands> {
  return {
    'tftp.server.start': (a) => s.tftp.start(a),
    'tftp.server.stop': () => s.tftp.stop(),
    'tftp.server.status': () => ({ server: s.tftp.state, transfers: s.tftp.transfers() }),
    'tftp.transfers': () => s.tftp.transfers(),
    'tftp.files': () => s.tftp.files(),
  };
}
