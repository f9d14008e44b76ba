/**
 * The language shown. English is always loaded; another language is fetched on first use (its own chunk) and
 * the screen switches when it has arrived. The choice is remembered on this computer; until the person makes
 * one, the language follows the system (navigator.languages in a browser, Electron's preferred system
 * languages through app.info in the desktop app). <html lang> always names the language shown.
 */
import { create } from 'zustand';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { intlTag, isLocale, loadCatalog, pickLocale, sourceCatalog, SOURCE_LOCALE, type Catalog, type Locale } from '../../src-shared/i18n';

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

interface LocaleStore {
  locale: Locale;
  intl: IntlShape;
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
    set({ locale, intl: makeIntl(locale, catalog) });
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
