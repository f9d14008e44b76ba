/**
 * Node's parseArgs refuses what was typed in its own English (`Unknown option '--foo'`, `Option '--port <value>'
 * argument missing`). In English the command line prints Node's words as before (and --json carries them); in
 * another language it says the same mistake from the catalogue, the option as typed kept as a value (decision 0174).
 * A message of a shape not known here (a newer Node) is shown as it came.
 */
import type { Locale } from '../../src-shared/i18n/locales';
import type { Translate } from '../../src-shared/i18n/translate';

export function parseArgsMistake(err: { code?: string; message: string }, t: Translate, locale: Locale): string {
  const msg = err.message;
  if (locale === 'en') return msg;
  const quoted = /'([^']*)'/.exec(msg)?.[1];
  if (quoted === undefined) return msg;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli.args.unknownOption', { option: quoted, dash: msg.includes("after '--'") ? 'yes' : 'no' });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing$/.test(msg)) return t('cli.args.missingValue', { option: quoted.replace(/ <value>$/, '') });
      if (/does not take an argument$/.test(msg)) return t('cli.args.noValue', { option: quoted });
      return msg;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli.args.unexpected', { arg: quoted });
    default:
      return msg;
  }
}
