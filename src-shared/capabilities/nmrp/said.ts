/**
 * What the Netgear recovery says while it runs (decision 0145): the session and the service make each stage's
 * `say`, `doNow` and `warning` with `said()` (catalogue id + values, `nmrp.said.*`), so the English (journal,
 * --json, logs) and the message the screen and the CLI say in the person's language come from one entry.
 * A stage without a message (a workstation from before 0145, an OS error quoted as a warning) is shown as it came;
 * a failed stage is said through its fault. Shared by the screen and the command line (`recover netgear --lang de`).
 */
import type { SaidMessage } from '../../contract/common';
import { localizeError } from '../../i18n/errors';
import { sayIn, type Said } from '../../i18n/said';
import type { Translate } from '../../i18n/translate';
import type { RbErrorShape } from '../../errors';

export const sayPart = (w: Said): { say: string; sayMsg: SaidMessage } => ({ say: w.text, sayMsg: w.msg });
export const doNowPart = (w: Said): { doNow: string; doNowMsg: SaidMessage } => ({ doNow: w.text, doNowMsg: w.msg });
export const warningPart = (w: Said): { warning: string; warningMsg: SaidMessage } => ({ warning: w.text, warningMsg: w.msg });

interface StageWords {
  say: string;
  sayMsg?: SaidMessage | undefined;
  fault?: RbErrorShape | undefined;
}

/** What a stage says, in the language of `t`: its fault's message when it failed, else its `say`. */
export function stageSay(t: Translate, s: StageWords): string {
  return s.fault ? localizeError(s.fault, t).message : sayIn(t, s.sayMsg, s.say);
}

/** A stage's instruction in the language of `t` (the English sent when it has no message). */
export function stageDoNow(t: Translate, s: { doNow?: string | undefined; doNowMsg?: SaidMessage | undefined }): string | undefined {
  return s.doNow === undefined ? undefined : sayIn(t, s.doNowMsg, s.doNow);
}

/** A stage's warning in the language of `t`; an OS error quoted as the warning stays as it came. */
export function stageWarning(t: Translate, s: { warning?: string | undefined; warningMsg?: SaidMessage | undefined }): string | undefined {
  return s.warning === undefined ? undefined : sayIn(t, s.warningMsg, s.warning);
}
