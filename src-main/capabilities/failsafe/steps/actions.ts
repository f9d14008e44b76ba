/**
 * The fix menu once logged in: each fix of FAILSAFE_ACTIONS (src-shared/capabilities/failsafe/playbook.ts) is one
 * function below. Destructive fixes are confirmed first; a fix that fails is reported and the menu comes back,
 * unless the connection is gone.
 */
import { FAILSAFE_ACTIONS, type FailsafeAction } from '../../../../src-shared/capabilities/failsafe/playbook';
import { fault as faultOf, toErrorShape } from '../../../../src-shared/errors';
import type { StepContext, StepExecutor } from '../../playbook';
import type { Session } from '../../../session/types';
import { routerPasswordProblem } from '../../../session/router-text';
import { BAG, clock, fault, num } from './common';
import { clearOverlay, mount, requestReboot, run } from './router-shell';
import { shQuote } from '../../../session';
import { said, saidData } from '../../../../src-shared/i18n/said';
import { faultWords } from '../../../../src-shared/i18n/errors';

/** 'again': back to the menu; 'end': the router is restarting, the run is over. */
type Fix = (ctx: StepContext, s: Session) => Promise<'again' | 'end'>;

const mountRoot: Fix = async (ctx, s) => {
  await mount(ctx, s);
  return 'again';
};

const lanIp: Fix = async (ctx, s) => {
  const r = await run(ctx, s, 'uci get network.lan.ipaddr');
  const ip = r.out.split('\n')[0]?.trim() ?? '';
  if (r.code !== 0 || !ip) throw faultOf('NO_LAN_IP', {}, { details: r.out });
  ctx.evidence(said('failsafe.said.lanAddress', { ip }));
  ctx.setDoNow(said('failsafe.said.afterStart', { ip }));
  return 'again';
};

const password: Fix = async (ctx, s) => {
  const a = await ctx.ask({
    text: said('prompt.password.text'),
    detail: said('prompt.password.detail'),
    choices: [
      { id: 'set', label: said('prompt.password.set'), primary: true },
      { id: 'cancel', label: said('prompt.cancel') },
    ],
    input: { label: said('prompt.password.input'), secret: true, minLength: 6 },
  });
  if (a.choice !== 'set') return 'again';
  const pw = a.input ?? '';
  // The same rules over SSH and telnet: one line, no control characters; any alphabet, set as UTF-8 (decision 0008).
  const problem = routerPasswordProblem(pw);
  if (problem) throw faultOf('BAD_PASSWORD', problem.values);
  const r = await run(ctx, s, `printf '%s\\n%s\\n' ${shQuote(pw)} ${shQuote(pw)} | passwd root`, { shown: "printf '%s\\n%s\\n' '••••••' '••••••' | passwd root   (your password is hidden here)" });
  if (r.code !== 0) throw faultOf('PASSWD_FAILED', {}, { details: r.out });
  ctx.evidence(said('failsafe.said.passwordSet', { time: clock(ctx.now()) }));
  return 'again';
};

const resetNetwork: Fix = async (ctx, s) => {
  const one = (f: string): string => `if [ -f /etc/config/${f} ]; then mv -f /etc/config/${f} /etc/config/${f}.bak; fi; if [ -f /rom/etc/config/${f} ]; then cp /rom/etc/config/${f} /etc/config/${f}; fi`;
  const r = await run(ctx, s, `${one('network')}; ${one('firewall')}; ls /etc/config`);
  if (r.code !== 0) throw faultOf('RESET_CONFIG_FAILED', {}, { details: r.out });
  ctx.evidence(said('failsafe.said.networkRenamed'));
  return 'again';
};

const factoryReset: Fix = async (ctx, s) => {
  ctx.setDoNow(said('failsafe.said.erasing'));
  let ok = false;
  try {
    const r = await run(ctx, s, 'firstboot -y', { timeoutMs: num(ctx, 'firstbootTimeoutS', 45) * 1000 });
    ok = r.code === 0;
  } catch (err) {
    const e = toErrorShape(err);
    ctx.transcript('note', said('failsafe.said.fallback', { why: 'firstboot', reason: faultWords(e), code: 0 }));
    if (e.code === 'SESSION_LOST') throw err;
  }
  if (!ok) {
    await clearOverlay(ctx, s);
    ctx.evidence(said('failsafe.said.erasedOverlayFirstboot'));
  } else ctx.evidence(said('failsafe.said.erasedFirstboot', { time: clock(ctx.now()) }));
  ctx.setDoNow(said('failsafe.said.chooseFix'));
  return 'again';
};

const eraseSettingsPartition: Fix = async (ctx, s) => {
  ctx.setDoNow(said('failsafe.said.erasingStorage'));
  let outcome: 'restarting' | 'fallback' = 'fallback';
  try {
    const r = await run(ctx, s, 'mtd -r erase rootfs_data', { timeoutMs: num(ctx, 'firstbootTimeoutS', 45) * 1000 });
    // mtd erases, then restarts the router: the command may still return before the connection drops
    if (r.code === 0) outcome = 'restarting';
    else ctx.transcript('note', said('failsafe.said.fallback', { why: 'mtdExit', reason: 'none', code: r.code }));
  } catch (err) {
    const e = toErrorShape(err);
    if (e.code === 'SESSION_LOST') outcome = 'restarting'; // the restart cut the connection: expected
    else if (e.code === 'COMMAND_TIMEOUT') ctx.transcript('note', said('failsafe.said.fallback', { why: 'mtdUnfinished', reason: faultWords(e), code: 0 }));
    else throw err;
  }
  if (outcome === 'restarting') {
    ctx.evidence(said('failsafe.said.storageErased', { time: clock(ctx.now()) }));
  } else {
    await clearOverlay(ctx, s);
    ctx.evidence(said('failsafe.said.erasedOverlayMtd'));
    await requestReboot(ctx, s);
    ctx.evidence(said('failsafe.said.restartLikeNew', { time: clock(ctx.now()) }));
  }
  await s.close().catch(() => undefined);
  return 'end';
};

const reboot: Fix = async (ctx, s) => {
  await requestReboot(ctx, s);
  ctx.evidence(said('failsafe.said.restartNormal', { time: clock(ctx.now()) }));
  await s.close().catch(() => undefined);
  return 'end';
};

/** Each fix by its FAILSAFE_ACTIONS id. */
const FIXES: Record<string, Fix> = {
  'mount-root': mountRoot,
  'lan-ip': lanIp,
  password,
  'reset-network': resetNetwork,
  'factory-reset': factoryReset,
  'erase-settings-partition': eraseSettingsPartition,
  reboot,
};

async function doAction(ctx: StepContext, s: Session, act: FailsafeAction): Promise<'again' | 'end'> {
  if (act.destructive) {
    const a = await ctx.ask({
      text: said('prompt.confirm.question', { action: saidData(act.label) }),
      detail: said('failsafe.said.confirmDetail', { explain: saidData(act.explain), consequence: act.consequence ? saidData(act.consequence) : 'none' }),
      choices: [
        { id: 'cancel', label: said('prompt.cancel'), primary: true },
        { id: 'confirm', label: said(act.id === 'reset-network' ? 'prompt.confirm.resetNetwork' : 'prompt.confirm.erase'), destructive: true },
      ],
    });
    if (a.choice !== 'confirm') {
      ctx.evidence(said('failsafe.said.fixCancelled', { action: saidData(act.label) }));
      return 'again';
    }
  }
  if (act.needsMount) await mount(ctx, s);
  const fix = FIXES[act.id];
  return fix ? fix(ctx, s) : 'again';
}

export const actionsStep: StepExecutor = async (ctx) => {
  const s = ctx.bag.get(BAG.session) as Session | undefined;
  if (!s || s.closed) return fault('SESSION_LOST', { what: 'closed' });
  for (;;) {
    const a = await ctx.ask({
      text: said('prompt.fix.question'),
      choices: [
        ...FAILSAFE_ACTIONS.map((x) => ({ id: x.id, label: saidData(x.label), detail: saidData(x.explain), ...(x.destructive ? { destructive: true } : {}) })),
        { id: 'finish', label: said('prompt.finish.label'), detail: said('prompt.finish.detail') },
      ],
    });
    if (a.choice === 'finish') return { ok: true, summary: said('failsafe.said.finished') };
    const act = FAILSAFE_ACTIONS.find((x) => x.id === a.choice)!;
    try {
      if ((await doAction(ctx, s, act)) === 'end') return { ok: true, summary: said('failsafe.said.restartingNormally') };
    } catch (err) {
      const e = toErrorShape(err);
      ctx.evidence(said('failsafe.said.fixFailed', { action: saidData(act.label), reason: faultWords(e), fix: e.fix ? faultWords(e, 'fix') : 'none' }));
      if (e.code === 'SESSION_LOST' || s.closed) return { ok: false, error: e };
    }
  }
};
