import { defineMainCapability } from '../../core/capability';
import { practiceCapability } from '../../../src-shared/capabilities/practice';
import { serialMain } from '../serial';
import { PracticeService } from './service';
import { practiceHandlers } from './handlers';

export { PracticeService } from './service';
export { PracticeRouter } from './router';

/** The practice router: a virtual OpenWrt router on loopback to try every flow without hardware or root. */
export const practiceMain = defineMainCapability({
  id: 'practice',
  contract: practiceCapability,
  service: (ctx) => {
    const serial = ctx.use(serialMain);
    return new PracticeService({ dataDir: ctx.dataDir, state: (s) => ctx.bus.emit('practice.state', s), addConsole: (port) => serial.addVirtualPort(port) });
  },
  handlers: (svc) => practiceHandlers(svc),
  dispose: (svc) => svc.stop(false),
});
