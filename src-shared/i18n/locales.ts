/**
 * The languages Rescue Bench speaks, and how the person's own list of languages (the browser's
 * navigator.languages, Electron's preferred system languages, LANG in a terminal) picks one of them.
 * Decision 0100.
 */
export const LOCALES = [
  { id: 'en', name: 'English' },
  { id: 'de', name: 'Deutsch' },
  { id: 'es', name: 'Español' },
] as const;

/** Accented, 40 % longer English: the tests render every view in it to catch text that escaped the catalogue. */
export const PSEUDO_LOCALE = 'en-XA';

export type ShippedLocale = (typeof LOCALES)[number]['id'];
export type Locale = ShippedLocale | typeof PSEUDO_LOCALE;
export const SOURCE_LOCALE: ShippedLocale = 'en';

export function isLocale(x: unknown): x is Locale {
  return x === PSEUDO_LOCALE || LOCALES.some((l) => l.id === x);
}

/**
 * The first of the person's languages that we speak: "de-AT" → de, "es-419" → es, "pt-BR, es" → es.
 * POSIX forms from LANG ("de_DE.UTF-8", "C", "POSIX") are understood too. English when none fits.
 */
export function pickLocale(preferred: readonly (string | undefined | null)[]): Locale {
  for (const raw of preferred) {
    if (!raw) continue;
    const tag = raw.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
    if (tag.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
    const lang = tag.split('-')[0]!.toLowerCase();
    const hit = LOCALES.find((l) => l.id === lang);
    if (hit) return hit.id;
  }
  return SOURCE_LOCALE;
}

/** The language tag for Intl and <html lang>: the pseudo-locale formats numbers and dates as English. */
export function intlTag(locale: Locale): string {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}
