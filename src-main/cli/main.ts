#!/usr/bin/env node
/**
 * rescue-bench: the command line over the same services the app uses.
 * From a checkout: npm run --silent cli -- <command> …
 */
import { fault, RbFault, toErrorShape } from '../../src-shared/errors';
import type { CliCommandName } from '../../src-shared/contract/cli';
import { APP_VERSION } from '../version';
import { UsageError, type CliCommand, type CliIo } from './types';
import { askSecretOnTty, PromptCancelled } from './secret-prompt';
import { CliPrinter, formatFault } from './printer';
import { parseArgsMistake } from './parse-args-words';
import { loadCatalog, pickLocale, translator, type Locale, type Translate } from '../../src-shared/i18n';

function help(commands: CliCommand[], t: Translate): string {
  const lines = [
    t('cli.help.title', { version: APP_VERSION }),
    '',
    t('cli.help.usage'),
    '',
    t('cli.help.commands'),
    ...commands.map((c) => `  ${c.usage.padEnd(58)} ${t(c.summary)}`),
    '',
    t('cli.help.json'),
    t('cli.help.lang'),
    t('cli.help.exit'),
  ];
  return lines.join('\n');
}

/**
 * The language of the plain words: `--lang de` (taken out of argv, any position), else the POSIX variables
 * in their order of precedence (LC_ALL, LC_MESSAGES, LANG; LANGUAGE's list first where set). English otherwise.
 */
export async function cliLanguage(argv: string[], env: Record<string, string | undefined>): Promise<{ argv: string[]; locale: Locale; t: Translate }> {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') asked = argv[++i];
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
    else rest.push(a);
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const locale = pickLocale(asked ? [asked] : [...(fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX' ? (env.LANGUAGE ?? '').split(':') : []), fromEnv]);
  return { argv: rest, locale, t: translator(locale, await loadCatalog(locale)) };
}

/**
 * The commands are imported on demand: most of them pull in ssh2, serialport or ws, which take ~0.5 s to
 * load. `inspect` (a quick, frequent command) loads only itself.
 */
async function loadCommands(argv: string[]): Promise<CliCommand[]> {
  if (argv[0] === 'inspect') return [...((await (await import('../capabilities/firmware')).firmwareMain.cli?.()) ?? [])];
  return (await import('./registry')).loadCliCommands();
}

export async function runCli(argvGiven: string[], ioGiven: CliIo, commandList?: CliCommand[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { argv, t, locale } = await cliLanguage(argvGiven, env);
  const io: CliIo = { ...ioGiven, t, locale };
  const commands = commandList ?? (await loadCommands(argv));
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(help(commands, t));
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    io.out(APP_VERSION);
    return 0;
  }
  const match = [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => argv[i] === w));
  if (!match) {
    io.err(`${t('cli.unknownCommand', { words: argv.slice(0, 2).join(' ') })}\n\n${help(commands, t)}`);
    return 2;
  }
  const rest = argv.slice(match.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${t('cli.usage', { usage: match.usage })}\n\n${t(match.summary)}`);
    return 0;
  }
  try {
    return await match.run(rest, io);
  } catch (err) {
    // What the command could not say itself (it stopped before its work began): a cli.result line with --json too.
    const printer = new CliPrinter(io, rest.includes('--json'), match.words.join(' ') as CliCommandName);
    if (err instanceof PromptCancelled) {
      io.err(t('cli.noPassword'));
      printer.resultLine({ command: printer.command, ok: false, error: fault('CANCELLED', { what: 'password' }).toShape() });
      return 130;
    }
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      // the person's language on the terminal; --json's USAGE envelope keeps the English (decision 0172)
      const said = err instanceof UsageError ? err.say(t) : parseArgsMistake(err as Error & { code?: string }, t, locale);
      io.err(`${said}\n${t('cli.usage', { usage: match.usage })}`);
      printer.usage((err as Error).message, match.usage);
      return 2;
    }
    const error = toErrorShape(err);
    printer.resultLine({ command: printer.command, ok: false, error });
    io.err(err instanceof RbFault ? formatFault(error, t) : t('cli.error', { message: (err as Error)?.stack ?? String(err) }));
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1] ?? '';
  return /cli[/\\]main\.(ts|js|mjs|cjs)$/.test(entry) || /cli\.(mjs|cjs|js)$/.test(entry) || /rescue-bench$/.test(entry);
}

if (isMain()) {
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  let signals = 0;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      signals++;
      if (signals > 1) process.exit(130);
      stop();
    });
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const io: CliIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n'), stopped, askSecret: (prompt) => askSecretOnTty(prompt) };
  // The process lives until its command returns. A command that waits for Ctrl-C may hold no handle of its own
  // for a while: `serial watch` after the adapter was pulled waits for it to come back (its presence poll is
  // unref'd, as the app needs), and Node would otherwise end there with 0, the console "reconnecting" to nobody.
  const alive = setInterval(() => undefined, 1 << 30);
  runCli(process.argv.slice(2), io).finally(() => clearInterval(alive)).then(
    (code) => {
      process.exitCode = code;
      // Long-lived handles (sockets, ports) are closed by the commands; exit promptly anyway.
      setImmediate(() => process.exit(code));
    },
    (err) => {
      process.stderr.write(String(err) + '\n');
      process.exit(1);
    },
  );
}
