/**
 * The words of the shared core code (src-main/core/), in English, the source (decision 0100): mostly its faults,
 * `error.<CODE>.message|meaning|fix`. ../en.ts merges them; de.ts and es.ts beside this file hold every key.
 */
export const en = {} as const satisfies Record<string, string>;
