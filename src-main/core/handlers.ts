import type { Handlers } from './dispatch';
import type { Services } from './services';
import type { UnionToIntersection } from '../../src-shared/contract/capability';
import type { MainCapabilities } from '../capabilities';

type AllHandlers = UnionToIntersection<ReturnType<MainCapabilities['handlers']>>;

/**
 * The one place where contract commands meet services: every capability's descriptor gives the handlers of
 * its own commands. Typed as `Handlers`: the compiler lists any contract command without a handler, and
 * rejects any handler the contract does not name.
 */
export function createHandlers(s: Services): Handlers {
  const merged = s.container.handlers() as AllHandlers;
  const handlers: Handlers = merged;
  return handlers;
}
