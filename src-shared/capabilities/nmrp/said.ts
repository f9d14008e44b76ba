/**
 * What the Netgear recovery says while it runs (the stages' `say` and `doNow`, the file check's warnings, the
 * permission's answer) travels in English (journal, --json). The catalogue holds the same words under
 * `nmrp.said.*` (and a few others); this finds the entry whose English, with its {values} taken from the text,
 * is the text sent, and says it in the language shown (decision 0102). Text it does not know stays as sent.
 * Shared by the screen and the command line (`recover netgear --lang de`, decision 0130).
 */
import { english } from '../../i18n/translate';
import { sourceCatalog, type MessageId, type MessageValues } from '../../i18n/catalog';

/** A translate function: the screen's useT() or the command line's translator (--lang, LANG). */
type T = (id: MessageId, values?: MessageValues) => string;

const IDS: MessageId[] = (Object.keys(sourceCatalog) as MessageId[]).filter(
  (k) => k.startsWith('nmrp.said.') || k === 'nmrp.grant.linux' || k === 'nmrp.grant.mac' || k === 'nmrp.image.large',
);

interface Pattern {
  id: MessageId;
  re: RegExp;
  names: string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const EXACT = new Map<string, MessageId>();
const PATTERNS: Pattern[] = [];
for (const id of IDS) {
  const src = sourceCatalog[id];
  if (!src.includes('{')) {
    EXACT.set(english(id), id);
    continue;
  }
  // only plain {name} arguments: a message with plural or select would need its own matcher
  if (/\{\w+,/.test(src)) continue;
  const names: string[] = [];
  const parts = src.split(/\{(\w+)\}/);
  const re = parts.map((p, i) => (i % 2 === 1 ? (names.push(p), '(.+?)') : escape(p))).join('');
  PATTERNS.push({ id, re: new RegExp(`^${re}$`, 's'), names });
}

/** `given` in the language shown when the catalogue knows it; else as it came. */
export function nmrpSaid(t: T, given: string): string {
  const exact = EXACT.get(given);
  if (exact) return t(exact);
  for (const p of PATTERNS) {
    const m = p.re.exec(given);
    if (!m) continue;
    const values: MessageValues = Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!]));
    // the match must be the same words made again (a greedy value could swallow a neighbour's text)
    if (english(p.id, values) === given) return t(p.id, values);
  }
  return given;
}
