import type { StepExecutor } from '../../playbook';
import { clock, fault } from './common';

/** A step the person does by hand (cables): shown with one "Done" button. */
export const confirmStep: StepExecutor = async (ctx) => {
  const a = await ctx.ask({ text: ctx.step.doNow, detail: ctx.step.explain, choices: [{ id: 'ok', label: 'Done', primary: true }] });
  return a.choice === 'ok' ? { ok: true, summary: `Confirmed at ${clock(ctx.now())}.` } : fault('NOT_CONFIRMED', { what: 'step' });
};
