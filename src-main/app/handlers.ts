import type { Handlers } from './dispatch';
import type { Services } from './services';
import { appHandlers } from './handlers/app';
import { failsafeHandlers } from './handlers/failsafe';
import { tftpHandlers } from './handlers/tftp';
import { serialHandlers } from './handlers/serial';
import { flashHandlers } from './handlers/flash';
import { firmwareHandlers } from './handlers/firmware';
import { playbookHandlers } from './handlers/playbook';

/**
 * The one place where contract commands meet services: one handler file per capability under handlers/.
 * The `Handlers` type makes the compiler list any contract command without a handler, and reject any
 * handler the contract does not name.
 */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...failsafeHandlers(s),
    ...tftpHandlers(s),
    ...serialHandlers(s),
    ...flashHandlers(s),
    ...firmwareHandlers(s),
    ...playbookHandlers(s),
  };
}
