/**
 * Issue 19 (decision 0170): `tftp serve`'s engine reason and the refusal of an alias whose file is missing, in the
 * language asked for and in English word for word as before. Real commands; a real peer (tftp-hpa, atftp) on
 * loopback only.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tftpServe } from '../../../src-main/capabilities/tftp/cli';
import { run } from '../../../test-support/tftp';
import { captureCliIo, untilLine } from '../../../test-support/cli-io';

let dir: string;
let root: string;
const firmware = crypto.randomBytes(70_000);
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-words-'));
  root = path.join(dir, 'root');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'fw.bin'), firmware);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const capture = captureCliIo;
const until = untilLine;

/** `tftp serve --engine js` on loopback, one real client's download, every line printed. */
async function serveJs(lang: string[], client: 'tftp-hpa' | 'atftp'): Promise<string> {
  const s = capture();
  const served = runCli(['tftp', 'serve', '--root', root, '--bind', '127.0.0.1', '--port', '0', '--engine', 'js', ...lang], s.io, [tftpServe], {});
  const port = (await until(s.lines, /(?:port|Port|puerto) (\d+)/))[1]!;
  const local = path.join(dir, `got-${client}-${lang.join('')}`);
  // the server runs in this process: the client runs beside it (never spawnSync, which would stop the server)
  const r =
    client === 'tftp-hpa'
      ? await run('tftp', ['127.0.0.1', port, '-m', 'binary', '-c', 'get', 'fw.bin', local], { timeoutMs: 20_000 })
      : await run('atftp', ['--get', '--remote-file', 'fw.bin', '--local-file', local, '127.0.0.1', port], { timeoutMs: 20_000 });
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
  expect(fs.readFileSync(local).equals(firmware)).toBe(true);
  await until(s.lines, /sha256 [0-9a-f]{64}/);
  s.stop();
  expect(await served).toBe(0);
  return s.lines.join('\n');
}

const havePeers = spawnSync('tftp', ['-V']).error === undefined && spawnSync('atftp', ['--help']).error === undefined;
if (!havePeers) console.log('skipped: tftp-hpa and atftp are needed (apt install tftp-hpa atftp)');

describe.skipIf(!havePeers)('tftp serve says why the slower engine runs, in the language asked for (decision 0170)', () => {
  it('--lang de: the engine reason in German, while tftp-hpa downloads the file', async () => {
    const out = await serveJs(['--lang', 'de'], 'tftp-hpa');
    expect(out).toMatch(/^Übertragungen im Gleichschritt nutzen die langsamere JavaScript-Engine: Die native ist für diesen Server ausgeschaltet\.$/m);
    expect(out).not.toMatch(/turned off|slower JavaScript/);
  }, 60_000);

  it('--lang es with atftp, and English word for word as before', async () => {
    expect(await serveJs(['--lang', 'es'], 'atftp')).toMatch(/^Las transferencias paso a paso usan el motor JavaScript, más lento: el nativo está desactivado para este servidor\.$/m);
    expect(await serveJs([], 'atftp')).toMatch(/^Lock-step transfers use the slower JavaScript engine: the native one is turned off for this server\.$/m);
  }, 60_000);
});

describe('tftp serve --alias to a missing file: one sentence in the language asked for (decision 0170)', () => {
  async function refused(lang: string[]): Promise<{ code: number; out: string }> {
    const s = capture();
    const code = await runCli(['tftp', 'serve', '--root', root, '--bind', '127.0.0.1', '--port', '0', '--alias', 'ArcherC7v2_tp_recovery.bin=nope.bin', ...lang], s.io, [tftpServe], {});
    return { code, out: s.lines.join('\n') };
  }

  it('German: which alias, which file and why, all in German; the file names as given', async () => {
    const de = await refused(['--lang', 'de']);
    expect(de.code).not.toBe(0);
    expect(de.out).toContain('Die Datei für den Alias „ArcherC7v2_tp_recovery.bin“ („nope.bin“) kann nicht verwendet werden: „nope.bin“ liegt nicht im bereitgestellten Ordner.');
    expect(de.out).toContain('statt „nope.bin“');
    expect(de.out).not.toMatch(/The file for the alias|is not in the served folder/);
  });

  it('English: the sentence word for word as before', async () => {
    const en = await refused([]);
    expect(en.code).not.toBe(0);
    expect(en.out).toContain('The file for the alias "ArcherC7v2_tp_recovery.bin" ("nope.bin") cannot be used: "nope.bin" is not in the served folder.');
  });
});
