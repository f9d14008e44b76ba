import { defineMainCapability } from '../../core/capability';
import { failsafeCapability } from '../../../src-shared/capabilities/failsafe';
import { serialMain } from '../serial';
import { FailsafeMonitor } from './service';
import { failsafeHandlers } from './handlers';
import { failsafeDeps, failsafeRegistration, serialViaService } from './rescue';

export * from './rescue';

export { FailsafeMonitor } from './service';

/** Rescue mode: the UDP 4919 monitor, and the failsafe playbook it contributes to the timeline engine. */
export const failsafeMain = defineMainCapability({
  id: 'failsafe',
  contract: failsafeCapability,
  service: ({ bus }) =>
    new FailsafeMonitor({
      datagram: (d) => bus.emit('failsafe.datagram', d),
      state: (s) => bus.emit('failsafe.monitor.state', s),
    }),
  handlers: (monitor) => failsafeHandlers(monitor),
  // the failsafe playbook watches the router console through the serial service (one owner per port)
  playbooks: (monitor, ctx) => ({ failsafe: failsafeRegistration(failsafeDeps(monitor, { openSerial: serialViaService(ctx.use(serialMain)) })) }),
  cli: async () => [(await import('./cli-watch')).failsafeWatch, (await import('./cli-rescue')).failsafeRescue],
  dispose: (monitor) => monitor.stop(false),
});
