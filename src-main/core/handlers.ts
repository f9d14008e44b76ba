import type { Handlers } from './dispatch';
import type { Services } from './services';
import { appHandlers } from '../capabilities/app/handlers';
import { failsafeHandlers } from '../capabilities/failsafe/handlers';
import { tftpHandlers } from '../capabilities/tftp/handlers';
import { serialHandlers } from '../capabilities/serial/handlers';
import { flashHandlers } from '../capabilities/flash/handlers';
import { firmwareHandlers } from '../capabilities/firmware/handlers';
import { playbookHandlers } from '../capabilities/playbook/handlers';

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
