import type { Translate } from '../../src-shared/i18n/translate';
import type { Locale } from '../../src-shared/i18n/locales';
import type { MessageId } from '../../src-shared/i18n/catalog';
import { wordsMsg, wordsText, type SaidMessage, type Words } from '../../src-shared/i18n/said';

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
 * what the terminal says in the person's language. Plain English is still accepted (flags.ts quotes the contract's
 * schema words) and shown as it came.
 */
export class UsageError extends Error {
  readonly msg: SaidMessage | undefined;
  constructor(words: Words) {
    super(wordsText(words));
    this.msg = wordsMsg(words);
  }
}
