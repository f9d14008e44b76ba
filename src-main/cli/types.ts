import type { Locale } from '../../src-shared/i18n/locales';
import type { MessageId } from '../../src-shared/i18n/catalog';
import { sayIn, wordsMsg, wordsText, type SaidMessage, type Words } from '../../src-shared/i18n/said';
import { english, type Translate } from '../../src-shared/i18n/translate';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C / SIGTERM). Long-running commands await it. */
  stopped: Promise<void>;
  /** Ask for a secret on the terminal without echo; undefined when there is no terminal (scripts, pipes). */
  askSecret?: (prompt: string) => Promise<string | undefined>;
  /** The person's language for plain words (--lang, LANG); English where unset. --json stays English. */
  t?: Translate;
  /** That language's id (a job report is written in it). */
  locale?: Locale;
}

export interface CliCommand {
  /** Words that select the command, e.g. ["failsafe", "watch"]. */
  words: string[];
  /**
   * What it does, in one line: a catalogue id of the capability that owns the command (`help` and `CMD --help`
   * say it in the person's language). test/main/cli/usage-words.test.ts checks every locale holds it.
   */
  summary: MessageId;
  usage: string;
  /**
   * Run it: parse the flags (a mistake throws UsageError), then work over the contract through
   * cli/transport.ts, which prints every line (--json: one envelope per line, the last one cli.result).
   */
  run(argv: string[], io: CliIo): Promise<number>;
}

/**
 * A usage mistake: exit status 2, the message and the command's usage on stderr (and a cli.result line with --json).
 * Made from `said(id, values)` (decision 0172): `message` is the English (--json's USAGE envelope, as before), `msg`
 * what the terminal says in the person's language. A mistake put together from several said parts (flags.ts: the
 * flag, what it takes, a hint) comes as a function of the translator instead (decision 0174); plain English is
 * still accepted and shown as it came.
 */
export class UsageError extends Error {
  readonly msg: SaidMessage | undefined;
  /** The mistake in the language of `t` (main.ts prints it). */
  readonly say: (t: Translate) => string;
  constructor(words: Words | ((t: Translate) => string)) {
    super(typeof words === 'function' ? words(english) : wordsText(words));
    if (typeof words === 'function') {
      this.msg = undefined;
      this.say = words;
    } else {
      const msg = wordsMsg(words);
      const text = this.message;
      this.msg = msg;
      this.say = (t) => sayIn(t, msg, text);
    }
  }
}
