/**
 * A playbook run's words on the command line in the person's language (--lang, LANG; decision 0130): what the
 * services said travels as catalogue id + values beside the English, and the step texts are the playbook's
 * catalogue entries. Without a language (and always with --json) the English as sent. A router's own words
 * (evidence without an id, the lines sent and received) stay as they came.
 */
import type { Evidence, Prompt, RunSnapshot, StepStatus, TranscriptLine } from '../../src-shared/capabilities/playbook';
import type { RbErrorShape } from '../../src-shared/errors';
import { localizeError } from '../../src-shared/i18n/errors';
import { sayIn, stepDoNow, stepText } from '../../src-shared/i18n/said';
import { english, type Translate } from '../../src-shared/i18n/translate';

export interface RunWords {
  title(playbookId: string, s: Pick<StepStatus, 'id' | 'title'>): string;
  doNow(playbookId: string, s: Pick<StepStatus, 'id' | 'doNow' | 'doNowMsg'>): string;
  /** A step's state word (done, failed, skipped…): the state's own name in English, as --json has it. */
  state(s: StepStatus['state']): string;
  evidence(e: Evidence): string;
  /** A transcript line as printed under its step: `>` sent, `<` received, `#` our note (said in the language, decision 0188). */
  transcript(l: Pick<TranscriptLine, 'dir' | 'text' | 'msg'>): string;
  question(p: Prompt): string;
  detail(p: Prompt): string | undefined;
  summary(run: RunSnapshot): string | undefined;
  error(e: RbErrorShape): RbErrorShape;
}

export function runWords(t: Translate = english): RunWords {
  return {
    title: (pid, s) => stepText(t, pid, s.id, 'title', s.title),
    doNow: (pid, s) => stepDoNow(t, pid, s),
    state: (state) => t('playbook.cli.state', { state }),
    evidence: (e) => sayIn(t, e.msg, e.text),
    transcript: (l) => `    ${l.dir === 'sent' ? '>' : l.dir === 'received' ? '<' : '#'} ${sayIn(t, l.msg, l.text).replace(/\n/g, '\n      ')}`,
    question: (p) => sayIn(t, p.msg, p.text),
    detail: (p) => (p.detail === undefined ? undefined : sayIn(t, p.detailMsg, p.detail)),
    summary: (run) => (run.summary === undefined ? undefined : sayIn(t, run.summaryMsg, run.summary)),
    error: (e) => localizeError(e, t),
  };
}
