import type { en } from './en';

/** The shared core code's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {};
