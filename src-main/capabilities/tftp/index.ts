import { defineMainCapability } from '../../core/capability';
import { tftpCapability } from '../../../src-shared/capabilities/tftp';
import { TftpService } from './service';
import { tftpHandlers } from './handlers';

export * from './server';

export { TftpService } from './service';
export { startTftpServer, type TftpServer } from './server';
export { tftpPut, type TftpPutOptions, type TftpPutResult } from './client';

/** The file server bootloaders fetch from (and the one U-Boot automation starts for itself). */
export const tftpMain = defineMainCapability({
  id: 'tftp',
  contract: tftpCapability,
  service: ({ bus, dataDir }) =>
    new TftpService(
      {
        transfer: (e) => bus.emit('tftp.transfer', e),
        state: (s) => bus.emit('tftp.server.state', s),
        put: (p) => bus.emit('tftp.put.progress', p),
      },
      { dataDir },
    ),
  handlers: (tftp, ctx) => tftpHandlers(tftp, ctx),
  cli: async () => {
    const c = await import('./cli');
    return [c.tftpServe, c.tftpPutCommand];
  },
  dispose: (tftp) => {
    tftp.cancelPut();
    return tftp.stop(false);
  },
});
