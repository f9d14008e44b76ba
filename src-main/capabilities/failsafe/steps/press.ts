import type { StepExecutor } from '../../playbook';
import { followEvents } from './boot-events';
import { BAG, clock, num } from './common';

/**
 * The button window: shows the cue with its deadline (from the moment the router offered rescue mode) and waits
 * for the router's answer or the end of the window. Skipped when the serial console already sent "f" + Enter.
 */
export const pressStep: StepExecutor = async (ctx) => {
  const events = followEvents(ctx);
  const promptAt = (ctx.bag.get(BAG.cueAt) as number | undefined) ?? ctx.now();
  const windowMs = num(ctx, 'windowS', 2) * 1000;
  const sentF = events.list.find((x) => x.kind === 'serial-sent-f' && x.at >= promptAt - 1000);
  if (sentF) {
    ctx.evidence(`"f" + Enter was sent on the serial console at ${clock(sentF.at)}, so no button press is needed.`, sentF.at);
    return { ok: true, skipped: true };
  }
  ctx.setHint({ kind: 'cue', shownAt: ctx.now(), deadline: promptAt + windowMs, windowMs, source: 'network' });
  const outcome = await events.wait(
    (x) => x.kind === 'failsafe-entered' || x.kind === 'regular-boot' || x.kind === 'serial-failsafe' || x.kind === 'serial-sent-f',
    promptAt,
    promptAt + windowMs + 600,
    ctx.signal,
  );
  if (outcome?.kind === 'serial-sent-f') {
    ctx.setHint(undefined);
    ctx.evidence(`"f" + Enter was sent on the serial console at ${clock(outcome.at)}, so no button press is needed.`, outcome.at);
    return { ok: true, skipped: true };
  }
  const prompts = events.list.filter((x) => x.at >= promptAt && (x.kind === 'failsafe-prompt' || x.kind === 'serial-prompt'));
  if (prompts.length > 1) ctx.evidence(`The router asked ${prompts.length} times (once a second); the last at ${clock(prompts[prompts.length - 1]!.at)}.`);
  ctx.evidence(outcome ? `The router answered at ${clock(outcome.at)}: "${outcome.text}"` : `The ${windowMs / 1000}-second window for the button ended at ${clock(promptAt + windowMs)}.`);
  return { ok: true };
};
