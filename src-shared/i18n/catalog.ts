/**
 * The one message catalogue (decision 0100): English is the source, in ICU MessageFormat. Every other locale is
 * loaded on demand (a separate chunk in the renderer bundle) and must hold every key of the source
 * (test/shared/i18n/catalog.test.ts; the type says so too).
 */
import { en } from './messages/en';
import { pseudoCatalog } from './pseudo';
import type { Locale } from './locales';

export type MessageId = keyof typeof en;
export type Catalog = { readonly [K in MessageId]: string };
/** Values put into a message's {placeholders}. */
export type MessageValues = Record<string, string | number | Date>;

export const sourceCatalog: Catalog = en;

let pseudo: Catalog | undefined;

/** The catalogue of a locale; English is always there, the others are fetched the first time they are used. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'en':
      return en;
    case 'de':
      return (await import('./messages/de')).de;
    case 'es':
      return (await import('./messages/es')).es;
    case 'en-XA':
      return (pseudo ??= pseudoCatalog(en));
  }
}

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}
