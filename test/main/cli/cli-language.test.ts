/**
 * The command line speaks the person's language (issue 19): --lang, else LC_ALL / LC_MESSAGES / LANG; plain
 * words and a failure's three parts come from the same catalogue as the screen; --json lines stay English
 * with the code and the values, for scripts.
 */
import { describe, expect, it } from 'vitest';
import { cliLanguage, runCli } from '../../../src-main/cli/main';
import { fault } from '../../../src-shared/errors';
import type { CliCommand } from '../../../src-main/cli/types';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stopped: Promise.resolve() } };
}

// a command whose work fails with a fault from the catalogue (a real CliCommand; runCli runs it as any other)
const failing: CliCommand = {
  words: ['fail'],
  summary: 'error.UNKNOWN_COMMAND.message', // a catalogue id, as every command's summary (decision 0173)
  usage: 'fail [--json]',
  run: async () => {
    throw fault('UNKNOWN_COMMAND', {}, { details: 'frob.nicate' });
  },
};

describe('CLI language', () => {
  it('--lang anywhere picks the language and is taken out of the arguments', async () => {
    expect((await cliLanguage(['inspect', '--lang', 'de', 'x.bin'], {})).argv).toEqual(['inspect', 'x.bin']);
    expect((await cliLanguage(['--lang=es', 'inspect'], { LANG: 'de_DE.UTF-8' })).locale).toBe('es');
  });

  it('without --lang: LC_ALL, then LC_MESSAGES, then LANG (LANGUAGE\'s list first); C and POSIX mean English', async () => {
    expect((await cliLanguage([], { LANG: 'de_AT.UTF-8' })).locale).toBe('de');
    expect((await cliLanguage([], { LANG: 'de_DE.UTF-8', LC_ALL: 'es_MX.UTF-8' })).locale).toBe('es');
    expect((await cliLanguage([], { LANG: 'de_DE.UTF-8', LANGUAGE: 'es:de' })).locale).toBe('es');
    expect((await cliLanguage([], { LANG: 'C.UTF-8' })).locale).toBe('en');
    expect((await cliLanguage([], { LC_ALL: 'POSIX', LANGUAGE: 'de' })).locale).toBe('en');
    expect((await cliLanguage([], {})).locale).toBe('en');
  });

  it('help in German with LANG=de_DE.UTF-8', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io, [failing], { LANG: 'de_DE.UTF-8' })).toBe(0);
    expect(t.out.join('\n')).toMatch(/^Aufruf: rescue-bench BEFEHL \[Optionen\]$/m);
    expect(t.out.join('\n')).toMatch(/Rückgabewert: 0 bei Erfolg/);
  });

  it('a failure in Spanish on the terminal; the --json result line stays English with its code', async () => {
    const t = io();
    expect(await runCli(['fail', '--lang', 'es', '--json'], t.io, [failing], {})).toBe(1);
    expect(t.err.join('\n')).toBe(
      'Error: La estación de trabajo no conoce esa orden.\nProbablemente la pantalla y la estación de trabajo son de versiones distintas.\nQué hacer: Recarga la página o reinicia Rescue Bench.\nDetalles: frob.nicate',
    );
    const result = JSON.parse(t.out.at(-1)!);
    expect(result.event).toBe('cli.result');
    expect(result.payload.error).toMatchObject({ code: 'UNKNOWN_COMMAND', message: 'The workstation does not know that command.' });
  });

  it('English stays exactly as before without a language', async () => {
    const t = io();
    expect(await runCli(['fail'], t.io, [failing], {})).toBe(1);
    expect(t.err.join('\n')).toBe(
      'Error: The workstation does not know that command.\nThe screen and the workstation are probably from different versions.\nWhat to do: Reload the page or restart Rescue Bench.\nDetails: frob.nicate',
    );
  });

  it('the real inspect command on a missing file: the whole three-part error in German, the path kept as given', async () => {
    const t = io();
    expect(await runCli(['inspect', '/nonexistent/image.bin', '--lang', 'de'], t.io, undefined, {})).toBe(1);
    expect(t.err.join('\n')).toMatch(
      /^Fehler: Unter \/nonexistent\/image\.bin gibt es keine Datei\.\nVielleicht wurde sie verschoben, umbenannt oder noch nicht heruntergeladen\.\nWas Sie tun können: Prüfen Sie Namen und Ordner, oder ziehen Sie die Datei in dieses Fenster\.\nDetails: ENOENT/,
    );
  });
});
