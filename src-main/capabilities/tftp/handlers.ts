import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { tftpCommands } from '../../../src-shared/capabilities/tftp/contract';
import { allowHostPath } from '../../core/host-paths';

export function tftpHandlers(s: Services): CapabilityHandlers<typeof tftpCommands> {
  return {
    // the folder rules (no home, hidden or system folder) hold on every host: the TFTP jail checks them at start
    'tftp.server.start': async (a) => {
      const root = await allowHostPath(s, a.root, 'tftp-folder');
      const allowWrite = a.allowWrite !== undefined ? await allowHostPath(s, a.allowWrite, 'upload-folder') : undefined;
      return s.tftp.start({ ...a, root, ...(allowWrite !== undefined ? { allowWrite } : {}) });
    },
    'tftp.server.stop': () => s.tftp.stop(),
    'tftp.server.status': () => ({ server: s.tftp.state, transfers: s.tftp.transfers() }),
    'tftp.transfers': () => s.tftp.transfers(),
    'tftp.files': () => s.tftp.files(),
  };
}
