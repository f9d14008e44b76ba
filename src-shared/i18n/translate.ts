/**
 * Format catalogue messages outside React (the command line, error texts built in the main process) with the
 * same ICU engine react-intl uses in the renderer (intl-messageformat).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { intlTag, type Locale } from './locales';
import { isMessageId, sourceCatalog, type Catalog, type MessageId, type MessageValues } from './catalog';

export type Translate = (id: MessageId, values?: MessageValues) => string;

export function translator(locale: Locale, catalog: Catalog): Translate {
  const cache = new Map<string, IntlMessageFormat>();
  const tag = intlTag(locale);
  return (id, values) => {
    let f = cache.get(id);
    if (!f) cache.set(id, (f = new IntlMessageFormat(catalog[id] ?? sourceCatalog[id], tag)));
    return String(f.format(values));
  };
}

/** English, synchronously: the words a fault carries beside its message id (logs, --json, tests). */
export const english: Translate = translator('en', sourceCatalog);

/** A catalogue id that exists, or undefined: for ids built from data (`error.${code}.fix`). */
export function knownId(id: string): MessageId | undefined {
  return isMessageId(id) ? id : undefined;
}
