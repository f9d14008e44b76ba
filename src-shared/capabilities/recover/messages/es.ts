import type { en } from './en';

/** The recover capability's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {};
