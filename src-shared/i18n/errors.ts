/**
 * Error texts in the person's language. A fault carries its code, its English words (logs, --json, tests) and
 * the values its words were made with; where the catalogue has `error.<CODE>.message` and its English, made
 * with those values, is the fault's own message, the screen and the command line show the catalogue's words
 * in the chosen language. A code used for differently-worded faults is shown as it came, in English.
 *
 * A part whose catalogue words need a value the fault did not bring (a meaning with {why} from a producer
 * that sent only {peer}) is never shown with a raw "{why}": that part stays the fault's own English, and a
 * translation that fails to format for any other reason does the same.
 */
import type { RbErrorShape } from '../errors';
import type { SaidMessage } from '../contract/common';
import type { MessageId } from './catalog';
import { english, knownId, type Translate } from './translate';
import { saidOr, type Words } from './said';

/** The catalogue's words in the language shown, or undefined when they cannot be made with these values. */
function formatted(id: MessageId, values: Record<string, string | number>, t: Translate): string | undefined {
  try {
    // the English is made first: intl-messageformat throws on a missing value there, while the screen's
    // react-intl would quietly return the raw message with its {placeholders}
    english(id, values);
    return t(id, values);
  } catch {
    return undefined;
  }
}

/**
 * A fault's message alone as a said message (decision 0167: a progress line that quotes why a step failed): the
 * catalogue id whose English, with the fault's values, is its message; undefined when none is (then the English
 * is shown as it came).
 */
export function faultMessageSaid(e: RbErrorShape, part: 'message' | 'fix' = 'message'): SaidMessage | undefined {
  const values = e.values ?? {};
  for (const base of [`error.${e.code}`, 'error.internal']) {
    const id = knownId(`${base}.message`);
    try {
      if (!id || english(id, values) !== e.message) continue;
      // the fix (decision 0180: a retry question's detail) from the same entry, where its English is the fault's
      const partId = part === 'message' ? id : knownId(`${base}.${part}`);
      if (!partId || english(partId, values) !== e[part]) return undefined;
      return Object.keys(values).length ? { id: partId, values } : { id: partId };
    } catch {
      // values that do not make this entry: not its words
    }
  }
  return undefined;
}

/** A fault's message (or fix) to quote inside another sentence or ask with: said from its entry where it has one. */
export function faultWords(e: RbErrorShape, part: 'message' | 'fix' = 'message'): Words {
  return saidOr(e[part] ?? '', faultMessageSaid(e, part));
}

export function localizeError<E extends RbErrorShape>(e: E, t: Translate): E {
  const values = e.values ?? {};
  const matches = (base: string): boolean => {
    const id = knownId(`${base}.message`);
    try {
      return id !== undefined && english(id, values) === e.message;
    } catch {
      return false;
    }
  };
  // its code's texts, or the words every unexpected failure gets (toErrorShape), whatever its code
  const base = [`error.${e.code}`, 'error.internal'].find(matches);
  if (!base) return e;
  const message = formatted(knownId(`${base}.message`)!, values, t);
  if (message === undefined) return e;
  const part = (p: 'meaning' | 'fix'): string | undefined => {
    const pid = knownId(`${base}.${p}`);
    return (pid && formatted(pid, values, t)) ?? e[p];
  };
  const out = { ...e, message };
  const meaning = part('meaning');
  const fix = part('fix');
  if (meaning !== undefined) out.meaning = meaning;
  if (fix !== undefined) out.fix = fix;
  return out;
}
