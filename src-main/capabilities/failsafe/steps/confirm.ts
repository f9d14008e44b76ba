import type { StepExecutor } from '../../playbook';
import { clock, fault } from './common';
import { said } from '../../../../src-shared/i18n/said';
import { stepSaid } from '../../playbook';

/** A step the person does by hand (cables): shown with one "Done" button. */
export const confirmStep: StepExecutor = async (ctx) => {
  const a = await ctx.ask({ text: stepSaid(ctx, 'doNow'), detail: stepSaid(ctx, 'explain'), choices: [{ id: 'ok', label: said('prompt.done'), primary: true }] });
  return a.choice === 'ok' ? { ok: true, summary: said('failsafe.said.confirmedAt', { time: clock(ctx.now()) }) } : fault('NOT_CONFIRMED', { what: 'step' });
};
