/** The Netgear recovery's words in the language shown: the matcher lives in src-shared (the CLI uses it too). */
export { nmrpSaid } from '../../../src-shared/capabilities/nmrp/said';
