export * from '../test-support/browser';
import { reportSkip } from '../test-support/netns';

export function reportSkipIfNeeded(suite: string, support: { ok: true } | { ok: false; reason: string }): void {
  if (!support.ok) reportSkip(suite, support.reason);
}
