/**
 * The executors behind the failsafe playbook's steps (src-shared/capabilities/failsafe/playbook.ts names them), in
 * the order a rescue runs. One file per step; deps.ts lists every outside effect (rescue.ts wires the real ones,
 * the unit tests fakes).
 *
 *   confirm   cables plugged in, router off                           confirm.ts
 *   address   this computer has 192.168.1.x and nothing answers yet   address.ts
 *   watch     power on; wait for the router to offer rescue mode      watch.ts     (arms boot-events.ts)
 *   press     the button window, or "f" + Enter on the console        press.ts
 *   outcome   did it enter rescue mode? its words, else the login     outcome.ts
 *   connect   log in as root without a password                       connect.ts
 *   actions   the fix menu                                            actions.ts   (commands: router-shell.ts)
 */
import type { StepExecutor } from '../../playbook';
import { actionsStep } from './actions';
import { addressStep } from './address';
import { confirmStep } from './confirm';
import { connectStep } from './connect';
import type { FailsafeDeps } from './deps';
import { outcomeStep } from './outcome';
import { pressStep } from './press';
import { watchStep } from './watch';

export type { FailsafeDeps } from './deps';

export function failsafeExecutors(deps: FailsafeDeps): Record<string, StepExecutor> {
  return {
    confirm: confirmStep,
    'failsafe.address': addressStep(deps),
    'failsafe.watch': watchStep(deps),
    'failsafe.press': pressStep,
    'failsafe.outcome': outcomeStep(deps),
    'failsafe.connect': connectStep(deps),
    'failsafe.actions': actionsStep,
  };
}
