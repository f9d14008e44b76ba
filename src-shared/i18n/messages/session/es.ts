import type { en } from './en';

/** The shared session code's words in Spanish (see en.ts). */
export const es: { readonly [K in keyof typeof en]: string } = {};
