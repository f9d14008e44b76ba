import { defineMainCapability } from '../../core/capability';
import { ubootCapability } from '../../../src-shared/capabilities/uboot';
import { serialMain } from '../serial';
import { UbootService } from './service';
import { ubootHandlers } from './handlers';

export { UbootService, runUboot } from './service';

/** U-Boot automation on a serial session, with its own TFTP server for the fetch. */
export const ubootMain = defineMainCapability({
  id: 'uboot',
  contract: ubootCapability,
  service: (ctx) =>
    new UbootService(ctx.use(serialMain), {
      step: (s) => ctx.bus.emit('uboot.step', s),
      progress: (p) => ctx.bus.emit('uboot.progress', p),
      run: (r) => ctx.bus.emit('uboot.state', r),
    }),
  handlers: (service, ctx) => ubootHandlers(service, ctx),
  cli: async () => [(await import('./cli')).uboot],
  dispose: (service) => service.dispose(),
});
