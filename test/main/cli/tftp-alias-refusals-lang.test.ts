/**
 * Issue 19 (decision 0183): `tftp serve --alias` refused by the served folder's rules other than a missing file (a
 * link leading outside, a file given by a path outside the folder, a folder, a link loop, a hidden part, a link to
 * a hidden file): one sentence in the language asked for, the names as given, and English word for word as before.
 * Real commands on a real folder; the server never starts (the check comes first), so nothing is sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tftpServe } from '../../../src-main/capabilities/tftp/cli';
import type { CliIo } from '../../../src-main/cli/types';

let dir: string;
let root: string;
let rootReal: string;
let outsideFile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-alias-'));
  root = path.join(dir, 'root');
  fs.mkdirSync(root);
  rootReal = fs.realpathSync(root);
  outsideFile = path.join(fs.realpathSync(dir), 'elsewhere.bin');
  fs.writeFileSync(outsideFile, 'x');
  fs.writeFileSync(path.join(root, 'fw.bin'), 'x');
  fs.mkdirSync(path.join(root, 'images'));
  fs.mkdirSync(path.join(root, '.secret'));
  fs.writeFileSync(path.join(root, '.secret', 'key.bin'), 'x');
  fs.symlinkSync(outsideFile, path.join(root, 'out.bin'));
  fs.symlinkSync(path.join(root, '.secret', 'key.bin'), path.join(root, 'sneaky.bin'));
  fs.symlinkSync('loop-b.bin', path.join(root, 'loop-a.bin'));
  fs.symlinkSync('loop-a.bin', path.join(root, 'loop-b.bin'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refused(file: string, lang: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: (l) => lines.push(l), stopped: new Promise<void>(() => undefined) };
  const code = await runCli(['tftp', 'serve', '--root', root, '--bind', '127.0.0.1', '--port', '0', '--alias', `recovery.bin=${file}`, ...lang], io, [tftpServe], {});
  return { code, out: lines.join('\n') };
}

// file given, the English reason as the jail said it before decision 0183, the German and Spanish reasons
const cases = (): Array<[string, string, string, string]> => [
  ['out.bin', '"out.bin" leads outside the served folder (a symbolic link pointing elsewhere)', '„out.bin“ führt aus dem bereitgestellten Ordner hinaus (ein symbolischer Link, der woandershin zeigt)', '«out.bin» lleva fuera de la carpeta servida (un enlace simbólico que apunta a otro sitio)'],
  [outsideFile, `"${outsideFile}" is not inside the served folder ${rootReal}`, `„${outsideFile}“ liegt nicht im bereitgestellten Ordner ${rootReal}`, `«${outsideFile}» no está dentro de la carpeta servida ${rootReal}`],
  ['images', '"images" is a folder or a device, not a file', '„images“ ist ein Ordner oder ein Gerät, keine Datei', '«images» es una carpeta o un dispositivo, no un archivo'],
  ['loop-a.bin', '"loop-a.bin" is a symbolic link loop or a link that may not be followed', '„loop-a.bin“ ist eine Schleife symbolischer Links oder ein Link, dem nicht gefolgt werden darf', '«loop-a.bin» es un bucle de enlaces simbólicos o un enlace que no se puede seguir'],
  ['.secret/key.bin', '".secret" starts with a dot: hidden files are never served', '„.secret“ beginnt mit einem Punkt: versteckte Dateien werden nie bereitgestellt', '«.secret» empieza por un punto: los archivos ocultos nunca se sirven'],
  ['sneaky.bin', '"sneaky.bin" is a link to a hidden file or folder (".secret"): hidden files are never served', '„sneaky.bin“ ist ein Link auf eine versteckte Datei oder einen versteckten Ordner („.secret“): versteckte Dateien werden nie bereitgestellt', '«sneaky.bin» es un enlace a un archivo o carpeta oculto («.secret»): los archivos ocultos nunca se sirven'],
];

describe('tftp serve --alias refused by a folder rule: one sentence in the language asked for (decision 0183)', () => {
  it('German: which alias, which file and why, all in German; the names as given', async () => {
    for (const [file, en, de] of cases()) {
      const r = await refused(file, ['--lang', 'de']);
      expect(r.code, file).not.toBe(0);
      expect(r.out).toContain(`Die Datei für den Alias „recovery.bin“ („${file}“) kann nicht verwendet werden: ${de}.`);
      expect(r.out).not.toContain(en);
    }
  }, 60_000);

  it('Spanish, and English word for word as before', async () => {
    for (const [file, en, , es] of cases()) {
      const e = await refused(file, []);
      expect(e.code, file).not.toBe(0);
      expect(e.out).toContain(`The file for the alias "recovery.bin" ("${file}") cannot be used: ${en}.`);
      expect((await refused(file, ['--lang', 'es'])).out).toContain(`El archivo del alias «recovery.bin» («${file}») no se puede usar: ${es}.`);
    }
  }, 60_000);
});
