import type { en } from './en';

/** The firmware capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {};
