/**
 * Error texts in the person's language. A fault carries its code, its English words (logs, --json, tests) and
 * the values its words were made with; where the catalogue has `error.<CODE>.message` and its English, made
 * with those values, is the fault's own message, the screen and the command line show the catalogue's words
 * in the chosen language. A code used for differently-worded faults is shown as it came, in English.
 */
import type { RbErrorShape } from '../errors';
import { english, knownId, type Translate } from './translate';

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
  const id = knownId(`${base}.message`)!;
  const part = (p: 'meaning' | 'fix'): string | undefined => {
    const pid = knownId(`${base}.${p}`);
    return pid ? t(pid, values) : e[p];
  };
  const out = { ...e, message: t(id, values) };
  const meaning = part('meaning');
  const fix = part('fix');
  if (meaning !== undefined) out.meaning = meaning;
  if (fix !== undefined) out.fix = fix;
  return out;
}
