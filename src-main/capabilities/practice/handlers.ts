import type { CapabilityHandlers } from '../../core/dispatch';
import type { practiceCommands } from '../../../src-shared/capabilities/practice/contract';
import type { PracticeService } from './service';

export function practiceHandlers(svc: PracticeService): CapabilityHandlers<typeof practiceCommands> {
  return {
    'practice.status': () => svc.status(),
    'practice.start': (a) => svc.start(a.scenario, a.netmsgPort),
    'practice.power': (a) => svc.power(a.on),
    'practice.button': () => svc.button(),
    'practice.reset': () => svc.reset(),
    'practice.stop': () => svc.stop(),
  };
}
