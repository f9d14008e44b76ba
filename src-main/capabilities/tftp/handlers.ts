import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { tftpCommands } from '../../../src-shared/capabilities/tftp/contract';
import { allowHostPath } from '../../core/host-paths';
import type { TftpService } from './service';

export function tftpHandlers(tftp: TftpService, ctx: MainContext): CapabilityHandlers<typeof tftpCommands> {
  return {
    // the folder rules (no home, hidden or system folder) hold on every host: the TFTP jail checks them at start
    'tftp.server.start': async (a) => {
      const root = await allowHostPath(ctx, a.root, 'tftp-folder');
      const allowWrite = a.allowWrite !== undefined ? await allowHostPath(ctx, a.allowWrite, 'upload-folder') : undefined;
      return tftp.start({ ...a, root, ...(allowWrite !== undefined ? { allowWrite } : {}) });
    },
    'tftp.server.stop': () => tftp.stop(),
    'tftp.server.status': () => ({ server: tftp.state, transfers: tftp.transfers() }),
    'tftp.transfers': () => tftp.transfers(),
    'tftp.files': () => tftp.files(),
    'tftp.put': async (a) => tftp.put({ ...a, file: await allowHostPath(ctx, a.file, 'image-to-send') }),
    'tftp.put.cancel': (a) => ({ cancelled: tftp.cancelPut(a.id) }),
  };
}
