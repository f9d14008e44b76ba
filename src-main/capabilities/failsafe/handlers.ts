import type { CapabilityHandlers } from '../../core/dispatch';
import type { failsafeCommands } from '../../../src-shared/capabilities/failsafe/contract';
import type { FailsafeMonitor } from './service';

export function failsafeHandlers(monitor: FailsafeMonitor): CapabilityHandlers<typeof failsafeCommands> {
  return {
    'failsafe.monitor.start': (a) => monitor.start(a),
    'failsafe.monitor.stop': () => monitor.stop(),
    'failsafe.monitor.status': () => ({ monitor: monitor.state, recent: monitor.recentDatagrams() }),
  };
}
