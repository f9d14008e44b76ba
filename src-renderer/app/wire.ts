import type { RbApi } from '../api/types';
import type { EventName } from '../../src-shared/contract';
import { rendererCapabilityList } from '../capabilities';

/**
 * The one place where contract events enter the stores: service event → contract → store → view. Each
 * capability's descriptor says where its events go. Returns a function that removes every subscription.
 */
export function wireEvents(api: RbApi): () => void {
  const offs: (() => void)[] = [];
  for (const c of rendererCapabilityList) {
    for (const [name, listener] of Object.entries(c.events)) {
      const l = listener as (payload: unknown, api: RbApi) => void;
      offs.push(api.on(name as EventName, (payload: unknown) => l(payload, api)));
    }
  }
  return () => offs.forEach((off) => off());
}

/**
 * Read the current state of every capability, after start-up and after a reconnect. One capability that
 * cannot answer does not keep the others stale; the first failure is reported once all have tried.
 */
export async function resync(api: RbApi): Promise<void> {
  const results = await Promise.allSettled(rendererCapabilityList.map((c) => c.resync?.(api)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
