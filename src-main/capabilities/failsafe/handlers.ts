import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { failsafeCommands } from '../../../src-shared/capabilities/failsafe/contract';

export function failsafeHandlers(s: Services): CapabilityHandlers<typeof failsafeCommands> {
  return {
    'failsafe.monitor.start': (a) => s.failsafe.start(a),
    'failsafe.monitor.stop': () => s.failsafe.stop(),
    'failsafe.monitor.status': () => ({ monitor: s.failsafe.state, recent: s.failsafe.recentDatagrams() }),
  };
}
