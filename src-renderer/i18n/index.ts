import { useLocale, type T } from './store';
import { dataWordIds, english, localizeError, sayIn } from '../../src-shared/i18n';
/** Said among several (decision 0139): in src-shared, so the CLI words a verdict the same way as the screen. */
export { saidAmong } from '../../src-shared/i18n';
import type { RbErrorShape } from '../../src-shared/errors';
import type { SaidMessage } from '../../src-shared/contract/common';

export { useLocale, startLocale, type T } from './store';

/**
 * The catalogue in the language shown: `const t = useT(); t('app.nav.label')`. Keys are checked by the compiler.
 * The same function until the language changes (formatters made once per sentence, decision 0157).
 */
export function useT(): T {
  return useLocale((s) => s.t);
}

/** Outside components (stores, formatters): the same, for the language shown now. */
export const tNow: T = (id, values) => useLocale.getState().t(id, values);

/** An error's three parts in the language shown (its English words when the catalogue does not have them). */
export function useLocalizedError<E extends RbErrorShape>(e: E): E {
  const t = useT();
  return localizeError(e, t);
}

/**
 * Words the workstation sends as data (router profiles, the failsafe guide's questions and choices) that the
 * catalogue holds under `profile.*` and `prompt.*`: found by their English, shown in the language shown.
 */
const SAID = dataWordIds();

/** The `.explain` entries of SAID, in its order: the confirmation's first half. */
const EXPLAINS = [...SAID].filter(([, k]) => k.endsWith('.explain'));

/** Words the workstation sent, in the language shown where the catalogue has them; else as they came. */
export function saidText(t: T, given: string): string {
  const id = SAID.get(given);
  if (id) return t(id);
  // "<action label>?" and "<explain> <consequence>": the guide's confirmation of a destructive fix
  const asked = SAID.get(given.slice(0, -1));
  if (given.endsWith('?') && asked) return t('prompt.confirm.question', { action: t(asked) });
  for (const [en, k] of EXPLAINS) {
    if (given.startsWith(`${en} `)) {
      const rest = SAID.get(given.slice(en.length + 1));
      if (rest) return `${t(k)} ${t(rest)}`;
    }
  }
  return given;
}

/** A router profile's words (which button, when to press) in the language shown, where the catalogue has them. */
export const profileText = saidText;

/** A playbook step's words, and its "do now", in the language shown (shared with the command line). */
export { stepText, stepDoNow } from '../../src-shared/i18n';

/**
 * A sentence the workstation said, with its catalogue id and values beside its English (SaidMessage): in the
 * language shown when the id is in the catalogue and its English with those values is the text sent; else the
 * text as it came (an older workstation, a reworded sentence, or data such as a command line).
 */
export function saidMessage(t: T, given: string, msg: SaidMessage | undefined): string {
  return msg && sayIn(english, msg, '') === given ? sayIn(t, msg, given) : given;
}

/**
 * Words a service said (decision 0130): its message id and values in the language shown; without them (an
 * older workstation or journal) the English sent, matched against the catalogue as before (saidText).
 */
export function sayText(t: T, given: string, msg?: SaidMessage): string {
  return msg ? sayIn(t, msg, saidText(t, given)) : saidText(t, given);
}

/** One line of a step's evidence: ours in the language shown; anything else (a router's words) as it came. */
export function evidenceText(t: T, e: { text: string; msg?: SaidMessage }): string {
  return e.msg ? sayIn(t, e.msg, e.text) : e.text;
}
