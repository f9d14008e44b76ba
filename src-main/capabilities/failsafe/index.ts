import { defineMainCapability } from '../../core/capability';
import { failsafeCapability } from '../../../src-shared/capabilities/failsafe';
import { serialMain } from '../serial';
import { practiceMain } from '../practice';
import { FailsafeMonitor } from './service';
import { failsafeHandlers } from './handlers';
import { failsafeDeps, failsafeRegistration, serialViaService } from './rescue';

export * from './rescue';

export { FailsafeMonitor } from './service';

/** Rescue mode: the UDP 4919 monitor, and the failsafe playbook it contributes to the timeline engine. */
export const failsafeMain = defineMainCapability({
  id: 'failsafe',
  contract: failsafeCapability,
  service: (ctx) => {
    const practice = ctx.use(practiceMain);
    return new FailsafeMonitor(
      {
        datagram: (d) => ctx.bus.emit('failsafe.datagram', d),
        state: (s) => ctx.bus.emit('failsafe.monitor.state', s),
      },
      { practiceSource: () => practice.routerAddress() },
    );
  },
  handlers: (monitor) => failsafeHandlers(monitor),
  // the failsafe playbook watches the router console through the serial service (one owner per port)
  playbooks: (monitor, ctx) => ({ failsafe: failsafeRegistration(failsafeDeps(monitor, { openSerial: serialViaService(ctx.use(serialMain)) })) }),
  cli: async () => [(await import('./cli-watch')).failsafeWatch, (await import('./cli-rescue')).failsafeRescue],
  dispose: (monitor) => monitor.stop(false),
});
