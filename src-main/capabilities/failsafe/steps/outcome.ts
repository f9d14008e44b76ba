import type { StepExecutor, StepOutcome } from '../../playbook';
import { followEvents, type BootEvent } from './boot-events';
import { BAG, cardOf, clock, fault, num, routerOf, stopped } from './common';
import type { FailsafeDeps } from './deps';
import { said } from '../../../../src-shared/i18n/said';

/**
 * Did the router enter rescue mode? Its own words decide when it says them ("Entering Failsafe!", or a normal
 * boot); most routers say nothing, so the rescue login (SSH, then telnet) is probed until the time limit.
 */
export function outcomeStep(deps: FailsafeDeps): StepExecutor {
  return async (ctx) => {
    const events = followEvents(ctx);
    const promptAt = (ctx.bag.get(BAG.cueAt) as number | undefined) ?? 0;
    const decisive = (x: BootEvent): boolean => x.kind === 'failsafe-entered' || x.kind === 'serial-failsafe' || x.kind === 'regular-boot';
    const judge = (e: BootEvent): StepOutcome => {
      if (e.kind === 'failsafe-entered' || e.kind === 'serial-failsafe') {
        ctx.evidence(said('failsafe.said.routerSaid', { text: e.text, time: clock(e.at) }), e.at);
        return { ok: true, summary: said('failsafe.said.inRescueMode') };
      }
      ctx.evidence(said('failsafe.said.routerSaidNormal', { text: e.text, time: clock(e.at) }), e.at);
      ctx.setHint({ kind: 'led', pattern: 'regular' });
      return fault('MISSED_WINDOW', { cause: 'regularBoot' });
    };
    const early = events.list.find((x) => x.at >= promptAt && decisive(x));
    if (early) return judge(early);
    ctx.setHint({ kind: 'led', pattern: 'failsafe' });
    const router = routerOf(ctx);
    const ports = [num(ctx, 'sshPort', 22), num(ctx, 'telnetPort', 23)];
    const until = ctx.now() + num(ctx, 'loginProbeS', 25) * 1000;
    ctx.evidence(said('failsafe.said.noEntering', { router }));
    const abortProbe = new AbortController();
    const heard = events.wait(decisive, promptAt, until, abortProbe.signal);
    const probing = (async (): Promise<number | undefined> => {
      while (ctx.now() < until && !ctx.signal.aborted && !abortProbe.signal.aborted) {
        const r = await Promise.all(ports.map((p) => deps.probe(router, p, 800, cardOf(ctx)?.sourceAddress)));
        const i = r.indexOf('open');
        if (i >= 0) return ports[i];
        await new Promise((res) => setTimeout(res, 400));
      }
      return undefined;
    })();
    const first = await Promise.race([heard.then((e) => ({ e })), probing.then((p) => ({ p }))]);
    abortProbe.abort();
    if ('e' in first && first.e) return judge(first.e);
    const port = 'p' in first ? first.p : await probing;
    if (port !== undefined) {
      ctx.evidence(said('failsafe.said.loginAnswered', { router, port, time: clock(ctx.now()) }));
      return { ok: true, summary: said('failsafe.said.inRescueMode') };
    }
    if (ctx.signal.aborted) return stopped();
    ctx.setHint({ kind: 'led', pattern: 'regular' });
    return fault('MISSED_WINDOW', { cause: 'windowExpired' }, `No rescue login on ${router} ports ${ports.join(', ')} within the time limit`);
  };
}
