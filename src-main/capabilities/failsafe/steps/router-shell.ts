/** Commands on the router's rescue shell, each shown in the transcript as sent and as answered. */
import { RbFault, fault, toErrorShape } from '../../../../src-shared/errors';
import type { StepContext } from '../../playbook';
import type { Session } from '../../../session/types';
import { BAG, clock } from './common';
import { said } from '../../../../src-shared/i18n/said';

/** Run one command; its output and exit code go to the transcript (`shown` replaces the command there, e.g. to hide a password). */
export async function run(ctx: StepContext, s: Session, cmd: string, opts: { timeoutMs?: number; shown?: string } = {}): Promise<{ code: number; out: string }> {
  ctx.transcript('sent', opts.shown ?? cmd);
  const r = await s.exec(cmd, { timeoutMs: opts.timeoutMs ?? 20_000 });
  const out = (r.stdout.toString('utf8') + (r.stderr ? r.stderr : '')).trim();
  ctx.transcript('received', `${out}${out ? '\n' : ''}(exit code ${r.code})`);
  return { code: r.code, out };
}

/** Open the saved settings (mount_root), once per session. */
export async function mount(ctx: StepContext, s: Session): Promise<void> {
  if (ctx.bag.get(BAG.mounted)) return;
  const r = await run(ctx, s, 'mount_root');
  if (r.code !== 0 && !/already/i.test(r.out))
    throw fault('MOUNT_ROOT_FAILED', {}, { details: r.out });
  ctx.bag.set(BAG.mounted, true);
  ctx.evidence(said('failsafe.said.mounted', { time: clock(ctx.now()) }));
}

/** The fallback when firstboot or mtd erase hangs (wiki: "the files can be deleted using the rm… method"). */
export async function clearOverlay(ctx: StepContext, s: Session): Promise<void> {
  await mount(ctx, s);
  const r = await run(ctx, s, 'if [ -d /overlay/upper ]; then rm -rf /overlay/upper/* /overlay/work/* 2>/dev/null; else rm -rf /overlay/* 2>/dev/null; fi; sync; echo overlay-cleared', { timeoutMs: 60_000 });
  if (!r.out.includes('overlay-cleared')) throw fault('FACTORY_RESET_FAILED', {}, { details: r.out });
}

/** Ask the router to restart. A lost connection or a command that never returns is what a restart looks like. */
export async function requestReboot(ctx: StepContext, s: Session): Promise<void> {
  try {
    await run(ctx, s, 'reboot', { timeoutMs: 8000 });
  } catch (err) {
    const code = toErrorShape(err).code;
    if (code !== 'SESSION_LOST' && code !== 'COMMAND_TIMEOUT') throw err;
  }
}
