import os from 'node:os';
import type { Handlers } from './dispatch';
import type { Services } from './services';
import { listIpv4Interfaces } from '../services/platform';
import { APP_NAME, APP_VERSION } from '../version';

/**
 * The one place where contract commands meet services. The `Handlers` type makes the compiler list any
 * command of the contract that has no handler here, and reject any handler the contract does not name.
 */
export function createHandlers(s: Services): Handlers {
  return {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, platform: os.platform(), arch: os.arch(), dataDir: s.dataDir, host: s.host }),
    'net.interfaces': () => ({ interfaces: listIpv4Interfaces() }),
    'failsafe.monitor.start': (a) => s.failsafe.start(a),
    'failsafe.monitor.stop': () => s.failsafe.stop(),
    'failsafe.monitor.status': () => ({ monitor: s.failsafe.state, recent: s.failsafe.recentDatagrams() }),
  };
}
