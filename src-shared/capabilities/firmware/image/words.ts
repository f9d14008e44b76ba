/**
 * The inspector's own words (decision 0148): each structure's description and each warning is made from the
 * catalogue (`firmware.img.*`) with values, and travels as its English beside `{ id, values }` so the screen and
 * the CLI say it in the person's language. Values whose key is `size` or ends in `Size` are byte counts shown
 * as binary sizes ("2.1 MiB") with Intl in the language shown; offsets are hex strings (technical, the same in
 * every language); what the image itself says (board names, versions, names of files) is a value, verbatim.
 */
import type { SaidMessage } from '../../../contract/common';
import { english, knownId, type Translate } from '../../../i18n/translate';
import type { MessageId } from '../../../i18n/catalog';

export type ImageValues = Record<string, string | number>;

export interface ImageSaid {
  text: string;
  msg: SaidMessage;
}

const isSizeKey = (k: string): boolean => k === 'size' || k.endsWith('Size');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string, digits: number): Intl.NumberFormat {
  const key = `${tag}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/** A byte count as the router's tools print it (B, KiB, MiB), the number formatted for `tag` ("2,1 MiB" in German). */
export function sizeIn(n: number, tag = 'en'): string {
  if (n < 1024) return `${numberFormat(tag, 0).format(n)} B`;
  if (n < 1024 * 1024) return `${numberFormat(tag, 1).format(n / 1024)} KiB`;
  return `${numberFormat(tag, 1).format(n / 1024 / 1024)} MiB`;
}

/** The values with every size turned into its text for `tag`. */
export function sizedValues(values: ImageValues | undefined, tag: string): ImageValues {
  const out: ImageValues = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = isSizeKey(k) && typeof v === 'number' ? sizeIn(v, tag) : v;
  return out;
}

/** One of the inspector's sentences: its English (sizes in English) and the id + values. */
export function imageSaid(id: MessageId, values?: ImageValues): ImageSaid {
  return { text: english(id, sizedValues(values, 'en')), msg: values && Object.keys(values).length ? { id, values } : { id } };
}

/**
 * An inspector sentence in the language of `t` (`tag`: its Intl language), when `msg` is one of ours and its
 * English with those values is `given` (the text sent); else `given` as it came (an older report, a sentence
 * reworded without its catalogue entry).
 */
export function sayImage(t: Translate, tag: string, msg: SaidMessage | undefined, given: string): string {
  const id = msg && knownId(msg.id);
  if (!msg || !id) return given;
  try {
    if (english(id, sizedValues(msg.values, 'en')) !== given) return given;
    return t(id, sizedValues(msg.values, tag));
  } catch {
    return given;
  }
}
