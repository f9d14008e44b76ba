import { useLocale } from './store';
import type { MessageId, MessageValues } from '../../src-shared/i18n';
import { english, knownId, localizeError, sourceCatalog } from '../../src-shared/i18n';
import type { RbErrorShape } from '../../src-shared/errors';

export { useLocale, startLocale } from './store';

export type T = (id: MessageId, values?: MessageValues) => string;

/** The catalogue in the language shown: `const t = useT(); t('app.nav.label')`. Keys are checked by the compiler. */
export function useT(): T {
  const intl = useLocale((s) => s.intl);
  return (id, values) => intl.formatMessage({ id }, values);
}

/** Outside components (stores, formatters): the same, for the language shown now. */
export const tNow: T = (id, values) => useLocale.getState().intl.formatMessage({ id }, values);

/** An error's three parts in the language shown (its English words when the catalogue does not have them). */
export function useLocalizedError<E extends RbErrorShape>(e: E): E {
  const t = useT();
  return localizeError(e, t);
}

const PROFILE_WORDS: Record<string, MessageId> = Object.fromEntries(
  (Object.keys(sourceCatalog) as MessageId[]).filter((k) => k.startsWith('profile.')).map((k) => [english(k), k]),
);

/** A router profile's words (which button, when to press) in the language shown, where the catalogue has them. */
export function profileText(t: T, given: string): string {
  const id = PROFILE_WORDS[given];
  return id ? t(id) : given;
}

/**
 * A playbook step's words in the language shown. The run carries them in English (the journal, the CLI's
 * --json); the catalogue holds them as `playbook.<playbookId>.<stepId>.<part>`, shown when its English is the
 * run's text (a playbook changed without its catalogue entry stays readable, in English).
 */
export function stepText(t: T, playbookId: string, stepId: string, part: 'title' | 'doNow' | 'explain', given: string): string {
  const id = knownId(`playbook.${playbookId}.${stepId}.${part}`);
  return id && english(id) === given ? t(id) : given;
}
