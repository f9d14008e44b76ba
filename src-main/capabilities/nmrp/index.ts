import { defineMainCapability } from '../../core/capability';
import { nmrpCapability } from '../../../src-shared/capabilities/nmrp';
import { osRawEther } from '../../platform/bindings/rawether';
import { NmrpService } from './service';
import { nmrpHandlers } from './handlers';
import { netFor, tftpPutFor } from './wiring';

export { NmrpService } from './service';
export { checkNetgearImage } from './image-check';

/** Netgear recovery (NMRP): raw frames to the bootloader, the image by TFTP, the network set-up undone after. */
export const nmrpMain = defineMainCapability({
  id: 'nmrp',
  contract: nmrpCapability,
  service: (ctx) =>
    new NmrpService(
      { stage: (s) => ctx.bus.emit('nmrp.stage', s), progress: (p) => ctx.bus.emit('nmrp.progress', p) },
      { raw: osRawEther, net: netFor(ctx), tftpPut: tftpPutFor(ctx) },
    ),
  handlers: (svc, ctx) => nmrpHandlers(svc, ctx),
  cli: async () => [(await import('./cli')).recoverNetgear],
  dispose: (svc) => svc.stop(),
});
