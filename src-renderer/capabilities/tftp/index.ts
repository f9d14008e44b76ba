import { defineRendererCapability } from '../../app/capability';
import { tftpCapability } from '../../../src-shared/capabilities/tftp';
import { useTftp } from './store';
import { TftpView } from './View';

export { useTftp } from './store';

export const tftpView = defineRendererCapability({
  id: 'tftp',
  contract: tftpCapability,
  section: { id: 'tftp', label: 'File server', hint: 'TFTP: how bootloaders fetch firmware', View: TftpView },
  events: {
    'tftp.transfer': (e) => useTftp.getState().onTransfer(e),
    'tftp.server.state': (st) => useTftp.getState().setServer(st),
    'tftp.put.progress': (p) => useTftp.getState().onPut(p),
  },
  async resync(api) {
    const tftp = await api.invoke('tftp.server.status', {});
    useTftp.getState().setServer(tftp.server);
    useTftp.getState().replaceTransfers(tftp.transfers);
  },
});
