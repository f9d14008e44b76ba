/**
 * The nmrp capability's words in English, the source (decision 0100): keys start with `nmrp.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {} as const satisfies Record<string, string>;
