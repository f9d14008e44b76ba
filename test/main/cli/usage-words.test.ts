/**
 * Issue 19: the command line's usage mistakes and command summaries in the person's language (decisions 0172,
 * 0173). Every command's summary is a catalogue id of the capability that owns the command, held by every locale;
 * `help`, `CMD --help` and a usage mistake say them in German or Spanish through the real entry (runCli); the
 * English and the --json USAGE envelope stay as they were, word for word.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { loadCliCommands } from '../../../src-main/cli/registry';
import { serve } from '../../../src-main/cli/serve';
import { parseArgsMistake } from '../../../src-main/cli/parse-args-words';
import { targetWithPassword } from '../../../src-main/capabilities/flash/cli-target';
import { mainCapabilities } from '../../../src-main/capabilities';
import type { LooseMainCapability } from '../../../src-main/core/capability';
import type { CliCommand } from '../../../src-main/cli/types';
import { english, loadCatalog, translator, type Catalog, type Translate } from '../../../src-shared/i18n';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stopped: Promise.resolve() } };
}

let commands: CliCommand[];
let de: Translate;
beforeAll(async () => {
  commands = await loadCliCommands();
  de = translator('de', await loadCatalog('de'));
});

describe("the commands' summaries", () => {
  it('every command has a summary id that every locale holds, translated (not the English copied)', async () => {
    expect(commands.length).toBeGreaterThan(25);
    const missing: string[] = [];
    for (const locale of ['en', 'de', 'es', 'en-XA'] as const) {
      const catalog: Catalog = await loadCatalog(locale);
      for (const c of commands) {
        const text = Object.hasOwn(catalog, c.summary) ? catalog[c.summary] : undefined;
        if (!text?.trim()) missing.push(`${locale}: ${c.words.join(' ')} (${c.summary})`);
        else if ((locale === 'de' || locale === 'es') && text === english(c.summary)) missing.push(`${locale}: ${c.words.join(' ')} is the English`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a summary's words belong to the capability that owns the command (serve: the command line's own)", async () => {
    const wrong: string[] = [];
    for (const cap of mainCapabilities as readonly LooseMainCapability[]) {
      for (const c of (await cap.cli?.()) ?? []) if (!c.summary.startsWith(`${cap.id}.cli.summary.`)) wrong.push(`${c.words.join(' ')}: ${c.summary} (owned by ${cap.id})`);
    }
    if (!serve.summary.startsWith('cli.summary.')) wrong.push(`serve: ${serve.summary}`);
    expect(wrong).toEqual([]);
  });
});

describe('help in the person’s language', () => {
  it('help in German lists every command by its usage (as typed) and its summary in German', async () => {
    const t = io();
    expect(await runCli(['help'], t.io, undefined, { LANG: 'de_DE.UTF-8' })).toBe(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/^Aufruf: rescue-bench BEFEHL \[Optionen\]$/m);
    expect(text).toMatch(/^Befehle:$/m);
    for (const c of commands) {
      expect(text).toContain(`  ${c.usage.padEnd(58)} ${de(c.summary)}`);
      expect(text).not.toContain(english(c.summary));
    }
    expect(text).toContain('Einen Ordner per TFTP für die Bootloader von Routern bereitstellen (nur lesbar, außer mit --allow-write)');
  });

  it('help in English is word for word what it was', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io, undefined, {})).toBe(0);
    const text = t.out.join('\n');
    expect(text).toContain(`  ${'tftp serve --root DIR [--bind ADDR | --interface IF [--router-ip ADDR]] [--port N] [--allow-write DIR] [--overwrite] [--alias NAME=FILE]... [--answer-any FILE] [--progress] [--poll-us N] [--engine auto|js|native] [--json]'} Serve a folder by TFTP (read-only unless --allow-write) for router bootloaders`);
    expect(text).toContain(`  ${'jobs show ID [--json]'.padEnd(58)} One job: the router, every step with its times and evidence, images with SHA-256, backups, outcome, and when this router was seen before`);
  });

  it('CMD --help in Spanish: the usage as typed, the summary in Spanish', async () => {
    const t = io();
    expect(await runCli(['tftp', 'put', '--help', '--lang', 'es'], t.io, undefined, {})).toBe(0);
    expect(t.out.join('\n')).toBe(
      'Uso: rescue-bench tftp put --host ADDR [--port 69] --file FILE [--remote-name NAME] [--blksize N] [--windowsize N] [--local-address IP | --interface IF] [--timeout-ms N] [--retries N] [--json]\n\n' +
        'Enviar un archivo a un router cuyo gestor de arranque es un servidor TFTP (modo de rescate de ASUS, urescue de Ubiquiti)',
    );
  });
});

describe('usage mistakes in the person’s language', () => {
  const putUsage = 'tftp put --host ADDR [--port 69] --file FILE [--remote-name NAME] [--blksize N] [--windowsize N] [--local-address IP | --interface IF] [--timeout-ms N] [--retries N] [--json]';

  it('tftp put without --file, in German: the mistake and the usage line; exit 2', async () => {
    const t = io();
    expect(await runCli(['tftp', 'put', '--host', '127.0.0.1', '--lang', 'de'], t.io, undefined, {})).toBe(2);
    expect(t.err.join('\n')).toBe(`--file FILE fehlt: die Firmware-Datei, die gesendet werden soll\nAufruf: rescue-bench ${putUsage}`);
    expect(t.out).toEqual([]);
  });

  it('the same in English, word for word as before; --json keeps the English USAGE envelope with --lang de', async () => {
    const en = io();
    expect(await runCli(['tftp', 'put', '--host', '127.0.0.1'], en.io, undefined, {})).toBe(2);
    expect(en.err.join('\n')).toBe(`--file FILE is required: the firmware file to send\nUsage: rescue-bench ${putUsage}`);

    const j = io();
    expect(await runCli(['tftp', 'put', '--host', '127.0.0.1', '--json', '--lang', 'de'], j.io, undefined, {})).toBe(2);
    expect(j.err.join('\n').split('\n')[0]).toBe('--file FILE fehlt: die Firmware-Datei, die gesendet werden soll');
    const result = JSON.parse(j.out.at(-1)!);
    expect(result).toMatchObject({ event: 'cli.result', payload: { command: 'tftp put', ok: false, error: { code: 'USAGE', message: '--file FILE is required: the firmware file to send', fix: `Usage: rescue-bench ${putUsage}` } } });
  });

  it('a mistake with a value: jobs report --out with the wrong ending, in German (LANG) and Spanish (--lang); the file name kept as typed', async () => {
    const d = io();
    expect(await runCli(['jobs', 'report', 'J1', '--out', 'bericht.txt'], d.io, undefined, { LANG: 'de_DE.UTF-8' })).toBe(2);
    expect(d.err.join('\n')).toBe('--out bericht.txt: Der Dateiname muss auf .html oder .pdf enden (das wählt die Art des Berichts).\nAufruf: rescue-bench jobs report ID --out FILE.html|FILE.pdf [--lang de|es|en] [--json]');

    const s = io();
    expect(await runCli(['recover', '--lang', 'es'], s.io, undefined, {})).toBe(2);
    expect(s.err.join('\n').split('\n')[0]).toBe('indica el fabricante: uno de tplink, asus, ubiquiti, dlink (Netgear: recover netgear)');

    const e = io();
    expect(await runCli(['jobs', 'report', 'J1', '--out', 'report.txt'], e.io, undefined, {})).toBe(2);
    expect(e.err.join('\n').split('\n')[0]).toBe('--out report.txt: the file name must end in .html or .pdf (that chooses the kind of report).');
  });
});

describe("a flag's value refused by the contract, in the person's language (decision 0174)", () => {
  it('failsafe watch --port 0 --lang de through runCli; the --json envelope keeps the English', async () => {
    const t = io();
    expect(await runCli(['failsafe', 'watch', '--port', '0', '--lang', 'de'], t.io, undefined, {})).toBe(2);
    expect(t.err.join('\n').split('\n')[0]).toBe('--port braucht eine Zahl von 1 bis 65535, nicht „0“');
    const j = io();
    expect(await runCli(['failsafe', 'watch', '--port', '0', '--json', '--lang', 'de'], j.io, undefined, {})).toBe(2);
    expect(JSON.parse(j.out.at(-1)!).payload.error).toMatchObject({ code: 'USAGE', message: '--port must be a number from 1 to 65535, not "0"' });
  });

  it('tftp serve --engine fast --lang es: what the flag takes in Spanish, from the tftp capability', async () => {
    const t = io();
    expect(await runCli(['tftp', 'serve', '--root', '.', '--engine', 'fast', '--lang', 'es'], t.io, undefined, {})).toBe(2);
    expect(t.err.join('\n').split('\n')[0]).toBe('--engine necesita auto, js o native, no «fast»');
  });
});

describe("Node's parseArgs mistakes in the person's language (decision 0174)", () => {
  const nodeMistake = (args: string[], o: Parameters<typeof parseArgs>[0] = {}): Error & { code?: string } => {
    try {
      parseArgs({ args, strict: true, ...o });
    } catch (err) {
      return err as Error & { code?: string };
    }
    throw new Error('accepted');
  };

  it('each kind Node raises, said in German from the real error; English is Node’s own words', async () => {
    const unknown = nodeMistake(['--frob']);
    expect(parseArgsMistake(unknown, english, 'en')).toBe("Unknown option '--frob'");
    expect(parseArgsMistake(unknown, de, 'de')).toBe('Unbekannte Option: --frob. Die Aufrufzeile darunter zeigt die Optionen dieses Befehls.');
    expect(parseArgsMistake(nodeMistake(['--frob'], { allowPositionals: true }), de, 'de')).toBe(
      'Unbekannte Option: --frob. Die Aufrufzeile darunter zeigt die Optionen dieses Befehls. Um einen Wert zu übergeben, der mit einem Bindestrich beginnt, setzen Sie ihn ans Ende nach --, etwa so: -- --frob',
    );
    expect(parseArgsMistake(nodeMistake(['--port'], { options: { port: { type: 'string' } } }), de, 'de')).toBe('--port braucht einen Wert: --port WERT');
    expect(parseArgsMistake(nodeMistake(['--json=1'], { options: { json: { type: 'boolean' } } }), de, 'de')).toBe('--json braucht keinen Wert: Schreiben Sie nur --json.');
    expect(parseArgsMistake(nodeMistake(['extra']), de, 'de')).toBe('Unerwartetes Wort: extra. Dieser Befehl kennt nur Optionen (siehe die Aufrufzeile darunter).');
    // a shape not known here stays as it came
    expect(parseArgsMistake({ code: 'ERR_PARSE_ARGS_SOMETHING_NEW', message: 'Something new' }, de, 'de')).toBe('Something new');
  });

  it('through runCli: an unknown option in Spanish; English and the --json envelope keep Node’s words', async () => {
    const s = io();
    expect(await runCli(['jobs', 'list', '--frob', '--lang', 'es'], s.io, undefined, {})).toBe(2);
    expect(s.err.join('\n')).toBe('Opción desconocida: --frob. La línea de uso de abajo muestra las opciones de esta orden.\nUso: rescue-bench jobs list [--find TEXT] [--limit N] [--json]');
    const e = io();
    expect(await runCli(['jobs', 'list', '--frob'], e.io, undefined, {})).toBe(2);
    expect(e.err.join('\n')).toBe("Unknown option '--frob'\nUsage: rescue-bench jobs list [--find TEXT] [--limit N] [--json]");
    const j = io();
    expect(await runCli(['jobs', 'list', '--frob', '--json', '--lang', 'de'], j.io, undefined, {})).toBe(2);
    expect(JSON.parse(j.out.at(-1)!).payload.error).toMatchObject({ code: 'USAGE', message: "Unknown option '--frob'" });
  });
});

describe('the router password on the command line (flash cli-target)', () => {
  it('the --ask-password prompt and the --password warning in German; English as before', async () => {
    const prompts: string[] = [];
    const err: string[] = [];
    const base = { out: () => undefined, err: (l: string) => err.push(l), stopped: Promise.resolve() };
    await targetWithPassword({ host: '192.168.1.1', 'ask-password': true }, { ...base, t: de, askSecret: async (p) => (prompts.push(p), 'pw') }, {});
    await targetWithPassword({ host: '192.168.1.1', 'ask-password': true }, { ...base, askSecret: async (p) => (prompts.push(p), 'pw') }, {});
    expect(prompts).toEqual(['Passwort für root@192.168.1.1: ', 'Password for root@192.168.1.1: ']);
    await targetWithPassword({ host: '192.168.1.1', password: 'pw' }, { ...base, t: de }, {});
    await targetWithPassword({ host: '192.168.1.1', password: 'pw' }, base, {});
    expect(err[0]).toMatch(/^Achtung: --password legt das Passwort dorthin, wo andere Benutzer dieses Computers es sehen können/);
    expect(err[1]).toBe(
      'Warning: --password puts the password where other users of this computer can see it (the process list) and into your shell history. Use RB_PASSWORD=… or --ask-password instead.',
    );
  });
});

describe('no usage mistake is plain English any more', () => {
  it('every `new UsageError(` in src-main is made with said(id, values), or with a function of the translator (flags.ts)', () => {
    const root = path.resolve(__dirname, '../../../src-main');
    const plain: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const src = fs.readFileSync(p, 'utf8');
          for (const m of src.matchAll(/new UsageError\(\s*([^)\s][^\n]{0,40})/g)) {
            if (m[1]!.startsWith('said(') || m[1]!.startsWith('(t) =>')) continue;
            plain.push(`${path.relative(root, p)}: ${m[0]}`);
          }
        }
      }
    };
    walk(root);
    expect(plain).toEqual([]);
  });
});
