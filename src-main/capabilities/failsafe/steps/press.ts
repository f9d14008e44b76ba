import type { StepExecutor } from '../../playbook';
import { followEvents } from './boot-events';
import { BAG, clock, num } from './common';
import { said } from '../../../../src-shared/i18n/said';

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
    ctx.evidence(said('failsafe.said.fSent', { time: clock(sentF.at) }), sentF.at);
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
    ctx.evidence(said('failsafe.said.fSent', { time: clock(outcome.at) }), outcome.at);
    return { ok: true, skipped: true };
  }
  const prompts = events.list.filter((x) => x.at >= promptAt && (x.kind === 'failsafe-prompt' || x.kind === 'serial-prompt'));
  if (prompts.length > 1) ctx.evidence(said('failsafe.said.askedTimes', { n: prompts.length, time: clock(prompts[prompts.length - 1]!.at) }));
  ctx.evidence(outcome ? said('failsafe.said.routerAnswered', { time: clock(outcome.at), text: outcome.text }) : said('failsafe.said.windowEnded', { seconds: windowMs / 1000, time: clock(promptAt + windowMs) }));
  return { ok: true };
};
