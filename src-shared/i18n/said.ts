/**
 * Words a service says, as catalogue id + values (decision 0130). A service makes them with `said(id, values)`:
 * the English for the journal, `--json` and logs, and the `msg` the screen and the CLI say in the person's
 * language. `sayIn` is the other end: the message in the language shown, or the English that came with it
 * when the id is unknown here (a newer workstation) or cannot be made with the values sent.
 */
import type { SaidMessage } from '../contract/common';
import { english, knownId, type Translate } from './translate';
import type { MessageId } from './catalog';

export type { SaidMessage };

/** Values a said message carries (plain data: it travels through the contract and the journal). */
export type SaidValues = Record<string, string | number>;

export interface Said {
  /** The English words (journal, --json, logs). */
  text: string;
  msg: SaidMessage;
}

export function said(id: MessageId, values?: SaidValues): Said {
  return { text: english(id, values), msg: values && Object.keys(values).length ? { id, values } : { id } };
}

/** Either finished English (older producers) or a said message. */
export type Words = string | Said;

export function wordsText(w: Words): string {
  return typeof w === 'string' ? w : w.text;
}
export function wordsMsg(w: Words): SaidMessage | undefined {
  return typeof w === 'string' ? undefined : w.msg;
}

/** A said message in the language of `t`; `fallback` (the English sent with it) when it cannot be said. */
export function sayIn(t: Translate, msg: SaidMessage | undefined, fallback: string): string {
  if (!msg) return fallback;
  const id = knownId(msg.id);
  if (!id) return fallback;
  // values that are themselves said messages (a nested sentence) arrive already made; plain values as sent
  const values = msg.values ?? {};
  try {
    english(id, values); // throws on a missing value, where the screen's react-intl would show a raw {name}
    return t(id, values);
  } catch {
    return fallback;
  }
}

/**
 * A playbook step's own words (title, do-now, explanation) in the language of `t` when the catalogue holds them
 * and they are still the run's text; else the run's text (a playbook changed without its catalogue entry stays
 * readable, in English). Shared by the screen and the command line.
 */
export function stepText(t: Translate, playbookId: string, stepId: string, part: 'title' | 'doNow' | 'explain', given: string): string {
  const id = knownId(`playbook.${playbookId}.${stepId}.${part}`);
  return id && english(id) === given ? t(id) : given;
}

/** A step's "do now": what the step said while running (its message), or the playbook's own words. */
export function stepDoNow(t: Translate, playbookId: string, step: { id: string; doNow: string; doNowMsg?: SaidMessage }): string {
  return step.doNowMsg ? sayIn(t, step.doNowMsg, step.doNow) : stepText(t, playbookId, step.id, 'doNow', step.doNow);
}

/** A sentence among several said together (a verdict's headline, reasons, steps): the entry whose English it is. */
export function saidAmong(t: Translate, given: string, list: readonly SaidMessage[] | undefined, inner: readonly SaidMessage[] = [], depth = 0): string {
  const m = list?.find((x) => sayIn(english, x, '') === given);
  if (!m) return given;
  // a value that is itself one of our sentences (the verdict quoting the image's slot-layout reason; a damaged
  // part quoting the inspector's warning): said too, its own values in turn; a list "a, b" or "a; b" part by part
  const one = (v: string): string => {
    if (inner.length === 0 || depth > 3) return v;
    const whole = saidAmong(t, v, inner, inner, depth + 1);
    if (whole !== v) return whole;
    // a sentence quoted inside another without its full stop
    const stopped = saidAmong(t, `${v}.`, inner, inner, depth + 1);
    if (stopped !== `${v}.`) return stopped.replace(/[.。]$/, '');
    for (const sep of ['; ', ', ']) {
      if (!v.includes(sep)) continue;
      const parts = v.split(sep);
      const said = parts.map((p) => saidAmong(t, p, inner, inner, depth + 1));
      if (said.some((p, i) => p !== parts[i])) return said.join(sep);
    }
    return v;
  };
  const values = m.values && Object.fromEntries(Object.entries(m.values).map(([k, v]) => [k, typeof v === 'string' ? one(v) : v]));
  return sayIn(t, values ? { id: m.id, values } : { id: m.id }, given);
}
