import type { CapabilityHandlers } from '../dispatch';
import type { Services } from '../services';
import type { failsafeCommands } from '../../../src-shared/contract/failsafe';

export function failsafeHandlers(s: Services): CapabilityHandlers<typeof failsafeCommands> {
  return {
    'failsafe.monitor.start': (a) => s.failsafe.start(a),
    'failsafe.monitor.stop': () => s.failsafe.stop(),
    'failsafe.monitor.status': () => ({ monitor: s.failsafe.state, recent: s.failsafe.recentDatagrams() }),
  };
}
