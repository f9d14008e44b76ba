import type { StepExecutor } from '../../playbook';
import { BootEvents } from './boot-events';
import { BAG, cardOf, clock, fault, num, routerOf, stopped } from './common';
import type { FailsafeDeps } from './deps';
import { said } from '../../../../src-shared/i18n/said';

/**
 * Arms the event log (UDP 4919 broadcasts, and the serial console when one is given, which may send "f" + Enter
 * itself), asks for the power cycle, and waits for the router to offer rescue mode.
 */
export function watchStep(deps: FailsafeDeps): StepExecutor {
  return async (ctx) => {
    const old = ctx.bag.get(BAG.events) as BootEvents | undefined;
    await old?.close();
    const card = cardOf(ctx);
    // on a card of its own: only what that card hears (decision 0112), from the card's address
    const bind = card ? card.sourceAddress : String(ctx.options.bind ?? '0.0.0.0');
    const port = num(ctx, 'port', 4919);
    const m = deps.monitorState();
    if (m.state !== 'listening' || m.port !== port || m.bind !== bind || m.interface !== card?.interface) await deps.startMonitor({ bind, port, ...(card ? { interface: card.interface } : {}) });
    const st = deps.monitorState();
    ctx.evidence(said('failsafe.said.listening', { port: st.port, addresses: st.boundAddresses.join(', ') }));
    // The next steps share the same event log; it keeps the running step's context for evidence (follow()).
    const events = new BootEvents(ctx, routerOf(ctx));
    ctx.bag.set(BAG.events, events);
    events.attach(deps.onDatagram((d) => events.datagram(d)));
    const serialPath = typeof ctx.options.serialPath === 'string' ? ctx.options.serialPath : '';
    if (serialPath && deps.openSerial) {
      const auto = ctx.options.autoSendF !== false;
      const s = await deps.openSerial(serialPath, num(ctx, 'serialBaud', 115200), auto, (e) => {
        events.push({ at: e.at, kind: e.kind, from: serialPath, text: e.text });
        if (e.kind === 'serial-sent-f') events.ctx.transcript('sent', 'f + Enter (serial console)');
        else events.ctx.transcript('received', `${e.text} (serial console)`);
      });
      events.setSerial(s);
      ctx.evidence(said('failsafe.said.watchingSerial', { path: serialPath, auto: auto ? 'yes' : 'no' }));
    }
    if (ctx.attempt > 1) ctx.setDoNow(said('failsafe.said.powerCycle'));
    ctx.setHint({ kind: 'led', pattern: 'preinit' });
    const since = ctx.now();
    const timeout = num(ctx, 'watchTimeoutS', 120) * 1000;
    const e = await events.wait((x) => x.kind === 'failsafe-prompt' || x.kind === 'serial-prompt', since, since + timeout, ctx.signal);
    if (!e) {
      if (ctx.signal.aborted) return stopped();
      return fault('NO_BROADCAST', {}, `No message in ${Math.round(timeout / 1000)} s`);
    }
    ctx.bag.set(BAG.cueAt, e.at);
    ctx.evidence(
      // the router's own line is a value, as it came (decision 0188)
      e.kind === 'serial-prompt' ? said('failsafe.said.serialOffered', { time: clock(e.at), text: e.text }) : said('failsafe.said.broadcastFrom', { from: e.from, time: clock(e.at), text: e.text }),
      e.at,
    );
    return { ok: true };
  };
}
