/**
 * The one printer of the command line (docs/decisions/0043-cli-is-a-transport.md). With --json every line on
 * stdout is an envelope `{"event","at","payload"}` (src-shared/contract/cli.ts); without it, plain sentences.
 * Kept free of the contract's runtime so `--help` and main.ts's error paths load nothing else.
 */
import type { AnyEvent } from '../core/bus';
import type { CliCommandName, CliLineName, CliLinePayload, CliResult } from '../../src-shared/contract/cli';
import type { RbErrorShape } from '../../src-shared/errors';
import type { CliIo } from './types';
import { english, type Translate } from '../../src-shared/i18n/translate';
import { localizeError } from '../../src-shared/i18n/errors';

/** The reason a command failed, as the terminal shows it (the same words as the screen's error panel), in the person's language. */
export function formatFault(raw: RbErrorShape, t: Translate = english): string {
  const e = localizeError(raw, t);
  return [
    t('cli.error', { message: e.message }),
    e.meaning,
    e.fix ? t('cli.whatToDo', { fix: e.fix }) : undefined,
    e.details ? t('cli.details', { details: e.details }) : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Plain words for the terminal: to stderr (status, the default) or stdout (what the command produces). */
export type Said = string | { text: string; to: 'out' | 'err' };

/** The one place that writes a command's output, in either form. */
export class CliPrinter {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
    readonly command: CliCommandName,
  ) {}

  private envelope(event: string, payload: unknown): void {
    this.io.out(JSON.stringify({ event, at: Date.now(), payload }));
  }

  /** A contract event, as the other two transports deliver it (--json only). */
  event(e: AnyEvent): void {
    if (this.json) this.envelope(e.name, e.payload);
  }

  /** One of the CLI's own lines (--json only); `cli.result` is written by result(). */
  line<L extends Exclude<CliLineName, 'cli.result'>>(name: L, payload: CliLinePayload<L>): void {
    if (this.json) this.envelope(name, payload);
  }

  /** Plain words (without --json only). */
  say(said: Said | undefined): void {
    if (this.json || said === undefined) return;
    const { text, to } = typeof said === 'string' ? { text: said, to: 'err' as const } : said;
    (to === 'out' ? this.io.out : this.io.err)(text);
  }

  /** The last line: the result (--json) or the closing sentence, and a failure's three parts on stderr in either form. */
  result(r: CliResult, text?: string): void {
    if (this.json) this.resultLine(r);
    else if (text) this.io.out(text);
    if (!r.ok) this.io.err(formatFault(r.error, this.io.t));
  }

  /** Only the cli.result line (--json), for a caller that tells the rest itself (main.ts: usage mistakes). */
  resultLine(r: CliResult): void {
    if (this.json) this.envelope('cli.result', r);
  }

  /** A usage mistake's result line (--json only); main.ts prints the usage text itself. */
  usage(message: string, usage: string): void {
    this.resultLine({
      command: this.command,
      ok: false,
      error: { code: 'USAGE', message, meaning: english('error.USAGE.meaning'), fix: english('cli.usage', { usage }) },
    });
  }
}
