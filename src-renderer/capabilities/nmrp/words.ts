/** What the Netgear recovery says, in the language shown (decision 0145): shared with the command line. */
export { stageDoNow, stageSay, stageWarning } from '../../../src-shared/capabilities/nmrp/said';
