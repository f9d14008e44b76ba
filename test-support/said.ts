/**
 * The check that a run's words are ours (decision 0188): every evidence line, and every transcript note, comes
 * with a catalogue id whose English is the line word for word, and the same id in German is not the English —
 * also where the line quotes other sentences (an image's headline, a fault's words, a plan's goal), which travel
 * as `inner`. The router's own lines (sent/received) are data and are not checked.
 */
import { expect } from 'vitest';
import { english, sayIn, type Translate } from '../src-shared/i18n';
import type { SaidMessage } from '../src-shared/contract/common';

/** Ids whose words are the same in every language: the router's own fields quoted with their names. */
const SAME_IN_EVERY_LANGUAGE = new Set(['upgrade.said.ev.validate']);

/** Each line in `t`'s language, after checking it is said from an id (the lines without one fail the test). */
export function expectAllSaid(lines: readonly { text: string; msg?: SaidMessage }[], t: Translate): string[] {
  return lines.map((l) => {
    expect(l.msg, `a line without an id: ${l.text}`).toBeDefined();
    expect(sayIn(english, l.msg, ''), `its id does not say this English: ${l.text}`).toBe(l.text);
    const said = sayIn(t, l.msg, l.text);
    if (!SAME_IN_EVERY_LANGUAGE.has(l.msg!.id)) expect(said, `not said in the other language: ${l.text}`).not.toBe(l.text);
    return said;
  });
}
