/**
 * Words a service says, as catalogue id + values (decision 0130). A service makes them with `said(id, values)`:
 * the English for the journal, `--json` and logs, and the `msg` the screen and the CLI say in the person's
 * language. `sayIn` is the other end: the message in the language shown, or the English that came with it
 * when the id is unknown here (a newer workstation) or cannot be made with the values sent.
 */
import type { SaidMessage } from '../contract/common';
import { english, knownId, type Translate } from './translate';
import { sourceCatalog, type MessageId } from './catalog';

export type { SaidMessage };

/** Values a said message carries (plain data: it travels through the contract and the journal). */
export type SaidValues = Record<string, string | number>;

export interface Said {
  /** The English words (journal, --json, logs). */
  text: string;
  msg: SaidMessage;
}

/**
 * Our words as id + values. A value may be another `Said` (a sentence quoted inside this one, decision 0188): its
 * English goes into the text and into `values`, its id + values into `msg.inner` under the same name. Nesting
 * stops at two levels; a deeper sentence is kept as its English.
 */
export function said(id: MessageId, values?: Record<string, string | number | Said>): Said {
  const plain: SaidValues = {};
  const inner: Record<string, SaidMessage> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === 'object') {
      plain[k] = v.text;
      inner[k] = v.msg;
    } else plain[k] = v;
  }
  const msg: SaidMessage = Object.keys(plain).length ? { id, values: plain } : { id };
  if (Object.keys(inner).length) msg.inner = clip(inner, 1) as SaidMessage['inner'];
  return { text: english(id, plain), msg };
}

/** The inner sentences kept to the contract's depth (level 1 may hold flat sentences, level 2 none). */
function clip(inner: Record<string, SaidMessage>, level: number): Record<string, SaidMessage> {
  return Object.fromEntries(
    Object.entries(inner).map(([k, m]) => {
      const { inner: deeper, ...flat } = m;
      return [k, deeper && level < 2 ? { ...flat, inner: clip(deeper, level + 1) } : flat];
    }),
  );
}

let dataWords: ReadonlyMap<string, MessageId> | undefined;
/**
 * The catalogue's entries for words that travel as data (router profiles, the failsafe guide's questions and
 * choices): `profile.*` and `prompt.*` without values, by their English. Made once.
 */
export function dataWordIds(): ReadonlyMap<string, MessageId> {
  dataWords ??= new Map(
    (Object.keys(sourceCatalog) as MessageId[]).filter((k) => (k.startsWith('profile.') || k.startsWith('prompt.')) && !sourceCatalog[k].includes('{')).map((k) => [english(k), k]),
  );
  return dataWords;
}

/** Words that travel as data (a router profile's LED line, a failsafe fix's label) as a `Said` when the catalogue holds them; else the text. */
export function saidData(text: string): Words {
  const id = dataWordIds().get(text);
  return id ? { text, msg: { id } } : text;
}

/** Finished English with its id + values when it has them (a report's `text` beside its `textMsg`). */
export function saidOr(text: string, msg: SaidMessage | undefined): Words {
  return msg ? { text, msg } : text;
}

/** A sentence among `list` whose English is `text`, as a `Said`; else the text itself (a router's words, an older record). */
export function saidFrom(text: string, list: readonly SaidMessage[] | undefined): Words {
  return saidOr(text, list?.find((m) => sayIn(english, m, '') === text));
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
  // a value that is itself one of our sentences (`inner`, decision 0188) is said in this language too, falling
  // back to its English; plain values as sent
  const values: SaidValues = { ...(msg.values ?? {}) };
  for (const [k, m] of Object.entries(msg.inner ?? {})) {
    const given = values[k];
    if (typeof given === 'string') values[k] = sayIn(t, m, given);
  }
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
