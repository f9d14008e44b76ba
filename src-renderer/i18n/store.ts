/**
 * The language shown. English is always loaded; another language is fetched on first use (its own chunk) and
 * the screen switches when it has arrived. The choice is remembered on this computer; until the person makes
 * one, the language follows the system (navigator.languages in a browser, Electron's preferred system
 * languages through app.info in the desktop app). <html lang> always names the language shown.
 */
import { create } from 'zustand';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { IntlMessageFormat } from 'intl-messageformat';
import { intlTag, isLocale, loadCatalog, pickLocale, sourceCatalog, SOURCE_LOCALE, type Catalog, type Locale, type MessageId, type MessageValues } from '../../src-shared/i18n';

/** The catalogue in the language shown, one sentence at a time (see `useT`). */
export type T = (id: MessageId, values?: MessageValues) => string;

const KEY = 'rescueBench.language';
const cache = createIntlCache();

function makeIntl(locale: Locale, catalog: Catalog): IntlShape {
  return createIntl(
    {
      locale: intlTag(locale),
      defaultLocale: 'en',
      messages: catalog,
      // a missing translation falls back to English quietly; the catalogue test names it
      onError: () => undefined,
    },
    cache,
  );
}

/**
 * What `intl.formatMessage({ id }, values)` gives for our plain-value messages, without its per-call cost: react-intl
 * spreads the values, merges the formats and builds a JSON key over its arguments to find the cached formatter on
 * every call, which made each render of the failsafe timeline (dozens of sentences) cost ~1 ms more than before
 * the catalogue (issue 19's cue latency, decision 0157). Same engine (IntlMessageFormat, same tag), same outcomes:
 * a missing or empty message gives its id, a message that cannot be parsed or formatted (a missing value) gives
 * the message verbatim.
 */
export function screenTranslator(locale: Locale, catalog: Catalog): T {
  const tag = intlTag(locale);
  const formats = new Map<string, IntlMessageFormat | null>();
  const plain = new Map<string, string>();
  return (id, values) => {
    const message = Object.hasOwn(catalog, id) ? catalog[id] : undefined;
    if (!message) return id;
    if (values === undefined) {
      const done = plain.get(id);
      if (done !== undefined) return done;
    }
    let f = formats.get(id);
    if (f === undefined) {
      try {
        f = new IntlMessageFormat(message, tag);
      } catch {
        f = null;
      }
      formats.set(id, f);
    }
    let text: string;
    try {
      text = f ? String(f.format(values)) : message;
    } catch {
      text = message;
    }
    if (values === undefined) plain.set(id, text);
    return text;
  };
}

interface LocaleStore {
  locale: Locale;
  intl: IntlShape;
  /** The catalogue in the language shown (one function per language: a stable value for memoised components). */
  t: T;
  /** Whether the person chose the language in the app (then the system's languages no longer decide). */
  chosen: boolean;
  setLocale(locale: Locale, opts?: { remember?: boolean }): Promise<void>;
  /** The system's languages, in order: used only while the person has not chosen one. */
  followSystem(languages: readonly string[]): Promise<void>;
}

function remembered(): Locale | undefined {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

let wanted: Locale = SOURCE_LOCALE;

export const useLocale = create<LocaleStore>((set, get) => ({
  locale: SOURCE_LOCALE,
  intl: makeIntl(SOURCE_LOCALE, sourceCatalog),
  t: screenTranslator(SOURCE_LOCALE, sourceCatalog),
  chosen: remembered() !== undefined,
  async setLocale(locale, opts = {}) {
    wanted = locale;
    if (opts.remember) {
      try {
        globalThis.localStorage?.setItem(KEY, locale);
      } catch {
        /* private mode: the choice lasts for this window */
      }
      set({ chosen: true });
    }
    const catalog = await loadCatalog(locale);
    if (wanted !== locale) return; // a later choice won the race
    set({ locale, intl: makeIntl(locale, catalog), t: screenTranslator(locale, catalog) });
    if (typeof document !== 'undefined') document.documentElement.lang = intlTag(locale);
  },
  async followSystem(languages) {
    if (get().chosen) return;
    await get().setLocale(pickLocale(languages));
  },
}));

/** At start-up: the remembered choice, or `?lang=` (tests, screenshots), or the browser's languages. */
export async function startLocale(search = globalThis.location?.search ?? ''): Promise<void> {
  const asked = new URLSearchParams(search).get('lang');
  if (asked && isLocale(asked)) return useLocale.getState().setLocale(asked);
  const mine = remembered();
  if (mine) return useLocale.getState().setLocale(mine);
  const langs = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return useLocale.getState().followSystem(langs);
}
