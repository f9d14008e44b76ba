import type { Handlers } from './dispatch';
import type { Services } from './services';
import type { LooseMainCapability } from './capability';
import type { UnionToIntersection } from '../../src-shared/contract/capability';
import { mainCapabilities, type MainCapabilities } from '../capabilities';

type AllHandlers = UnionToIntersection<ReturnType<MainCapabilities['handlers']>>;

/**
 * The one place where contract commands meet services: every capability's descriptor gives the handlers of
 * its own commands. Typed as `Handlers`: the compiler lists any contract command without a handler, and
 * rejects any handler the contract does not name.
 */
export function createHandlers(s: Services): Handlers {
  const merged = {} as AllHandlers;
  for (const c of mainCapabilities as readonly LooseMainCapability[]) {
    Object.assign(merged, (c.handlers as (service: unknown, ctx: Services['context']) => object)(s[c.id as keyof Services], s.context));
  }
  const handlers: Handlers = merged;
  return handlers;
}
