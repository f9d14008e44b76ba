import { english, knownId } from '../../../src-shared/i18n/translate';
import { said, type Words } from '../../../src-shared/i18n/said';
import type { StepContext } from './runner';

/**
 * A step's own words (its do-now, explanation or title) as a `Said` when the catalogue holds them for this
 * playbook and they are still the step's text; else the text as it is. A question that repeats the step's words
 * (a "Done" confirmation) is then said in the person's language on the screen and at the command line alike.
 */
export function stepSaid(ctx: Pick<StepContext, 'step' | 'playbookId'>, part: 'doNow' | 'explain' | 'title'): Words {
  const given = ctx.step[part];
  const id = ctx.playbookId === undefined ? undefined : knownId(`playbook.${ctx.playbookId}.${ctx.step.id}.${part}`);
  return id && english(id) === given ? said(id) : given;
}
