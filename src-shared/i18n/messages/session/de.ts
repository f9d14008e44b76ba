import type { en } from './en';

/** The shared session code's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {};
