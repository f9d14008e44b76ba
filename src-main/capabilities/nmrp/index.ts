import { defineMainCapability } from '../../core/capability';
import { nmrpCapability } from '../../../src-shared/capabilities/nmrp';
import { osRawEther } from '../../platform/bindings/rawether';
import { NmrpService } from './service';
import { nmrpHandlers } from './handlers';
import { netMain } from '../net';
import { tftpPut } from '../tftp';

export { NmrpService } from './service';
export { checkNetgearImage } from './image-check';

/** Netgear recovery (NMRP): raw frames to the bootloader, the image by TFTP, the network set-up undone after. */
export const nmrpMain = defineMainCapability({
  id: 'nmrp',
  contract: nmrpCapability,
  service: (ctx) =>
    new NmrpService(
      { stage: (s) => ctx.bus.emit('nmrp.stage', s), progress: (p) => ctx.bus.emit('nmrp.progress', p) },
      { raw: osRawEther, net: () => ctx.use(netMain), tftpPut },
    ),
  handlers: (svc, ctx) => nmrpHandlers(svc, ctx),
  cli: async () => [(await import('./cli')).recoverNetgear],
  dispose: (svc) => svc.stop(),
});
