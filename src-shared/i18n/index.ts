export * from './locales';
export * from './catalog';
export * from './translate';
export * from './errors';
export { pseudoMessage, accent } from './pseudo';
export * from './said';
