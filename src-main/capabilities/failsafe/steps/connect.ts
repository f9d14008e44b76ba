import { toErrorShape } from '../../../../src-shared/errors';
import type { StepExecutor } from '../../playbook';
import type { Session } from '../../../session/types';
import { BAG, cardOf, clock, fault, num, routerOf } from './common';
import type { FailsafeDeps } from './deps';
import { said } from '../../../../src-shared/i18n/said';
import { sessionNotes } from '../../../session';

/**
 * Logs in as root without a password (SSH, then telnet) once a login port answers. The router's key is accepted
 * for this session only (rescue mode makes a new one every start) and never stored. Shows the rescue banner.
 */
export function connectStep(deps: FailsafeDeps): StepExecutor {
  return async (ctx) => {
    const old = ctx.bag.get(BAG.session) as Session | undefined;
    if (old && !old.closed) await old.close();
    ctx.bag.delete(BAG.mounted);
    const router = routerOf(ctx);
    ctx.setHint(undefined);
    const sshPort = num(ctx, 'sshPort', 22);
    ctx.transcript('note', said('failsafe.said.connecting', { router, port: sshPort }));
    // The login starts a few seconds after "Entering Failsafe!": wait for a port before logging in.
    const until = ctx.now() + Math.max(20, num(ctx, 'loginProbeS', 25)) * 1000;
    const ports = [sshPort, num(ctx, 'telnetPort', 23)];
    for (;;) {
      const r = await Promise.all(ports.map((p) => deps.probe(router, p, 800, cardOf(ctx)?.sourceAddress)));
      if (r.includes('open') || ctx.now() >= until || ctx.signal.aborted) break;
      await new Promise((res) => setTimeout(res, 300));
    }
    let s: Session;
    try {
      const from = cardOf(ctx)?.sourceAddress;
      s = await deps.connect({ host: router, port: sshPort, method: 'auto', user: 'root', password: '', hostKeyPolicy: 'session-only', timeoutMs: 12_000, ...(from ? { localAddress: from } : {}) });
    } catch (err) {
      const e = toErrorShape(err);
      if (e.code === 'AUTH_FAILED')
        return fault('NOT_IN_FAILSAFE', {}, e.details);
      return { ok: false, error: e };
    }
    ctx.bag.set(BAG.session, s);
    ctx.evidence(said('failsafe.said.loggedIn', { method: s.method === 'ssh' ? 'SSH' : 'telnet', host: s.host, port: s.port, time: clock(ctx.now()) }));
    if (s.hostKey) {
      const prev = deps.seenKeys.get(router);
      ctx.evidence(said('failsafe.said.sessionKey', { algorithm: s.hostKey.algorithm, fingerprint: s.hostKey.fingerprint, prev: prev && prev.fingerprint !== s.hostKey.fingerprint ? clock(prev.at) : 'none' }));
      deps.seenKeys.set(router, { fingerprint: s.hostKey.fingerprint, at: ctx.now() });
    }
    for (const n of sessionNotes(s)) ctx.transcript('note', n);
    let banner = s.banner.trim();
    if (s.method === 'ssh') {
      try {
        const r = await s.exec('cat /etc/banner.failsafe 2>/dev/null || cat /etc/banner 2>/dev/null', { timeoutMs: 8000 });
        const text = r.stdout.toString('utf8').trim();
        if (text) banner = text;
      } catch {
        // a missing banner is not a failure
      }
    }
    if (banner) ctx.transcript('received', banner);
    if (/failsafe/i.test(banner)) ctx.evidence(said('failsafe.said.banner'));
    return { ok: true };
  };
}
