/**
 * Decisions 0182, 0186: a backup's own note (a NAND partition read without nanddump), its phase lines and its
 * result line said by `backup` in the language asked for, while manifest.json keeps its English. Through the CLI
 * inside the station namespace against the stand-in router (real dropbear; its busybox has no nanddump, so a NAND
 * partition is read through /dev/mtd).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { ManifestSchema } from '../../../src-shared/capabilities/flash';

const support = netnsSupport();
if (!support.ok) reportSkip('flash backup notes in German (stand-in router)', support.reason);

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const NOTE_EN = 'This router has no nanddump, so this NAND partition was read through /dev/mtd: bad blocks were neither skipped nor marked, and a bad block may hold garbage in the copy.';
const NOTE_DE =
  'Dieser Router hat kein nanddump, deshalb wurde diese NAND-Partition über /dev/mtd gelesen: Defekte Blöcke wurden weder übersprungen noch markiert, und ein defekter Block kann in der Kopie unbrauchbare Daten enthalten.';

function plain(lan: RescueLan, dataDir: string, args: string[]): Promise<{ code: number; text: string }> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  p.stdout.on('data', (d: Buffer) => (text += d.toString()));
  p.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const kill = setTimeout(() => p.kill('SIGKILL'), 100_000);
  return new Promise((resolve) => p.on('close', (code) => (clearTimeout(kill), resolve({ code: code ?? -1, text }))));
}

describe.skipIf(!support.ok)("backup says its own notes in the language asked for; the manifest keeps the English (decision 0182)", () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  beforeAll(async () => {
    lan = createRescueLan('flnt');
    router = await startStandinRouter(lan, { partitions: [{ name: 'config', size: 0x10000 }, { name: 'ubi', size: 0x40000, erasesize: 0x20000, type: 'nand' }] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-flnt-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('--lang de: the NAND note in German under its partition; English word for word without --lang', async () => {
    const de = await plain(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--out', path.join(tmp, 'de'), '--lang', 'de']);
    expect(de.code, de.text).toBe(0);
    expect(de.text).toMatch(new RegExp(`^ {2}ok {6}mtd1 ubi → .*\\n {4}Hinweis: ${NOTE_DE.replace(/[.()/]/g, '\\$&')}$`, 'm'));
    expect(de.text).not.toContain('no nanddump');
    // the phase lines and the result line too (decision 0186): German words and decimal commas, names as they came
    expect(de.text).toMatch(/^(verbinde|lese den Router|Prüfsummen auf dem Router|kopiere|prüfe|fertig)( \d+\/\d+ \S+)? {2}\d+ % {2}\d+,\d\d MiB von \d+,\d\d MiB {2}\d+,\d\d MiB\/s/m);
    expect(de.text).toContain(`Fertig. 2 Partitionen kopiert und geprüft, in ${path.join(tmp, 'de')}`);
    expect(de.text).not.toMatch(/\bcopying\b|Done\./);
    const m = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(tmp, 'de', 'manifest.json'), 'utf8')));
    expect(m.partitions.find((p) => p.name === 'ubi')!.warnings).toEqual([NOTE_EN]);
    expect(m.partitions.find((p) => p.name === 'config')!.warnings).toBeUndefined();
    const en = await plain(lan, tmp, ['backup', '--host', '192.168.1.1', '--ssh', '--out', path.join(tmp, 'en')]);
    expect(en.code, en.text).toBe(0);
    expect(en.text).toContain(`\n    note: ${NOTE_EN}\n`);
    expect(en.text).toMatch(/^(connecting|discovering|hashing-on-router|copying|verifying|done)( \d+\/\d+ \S+)? {2}\d+% {2}\d+\.\d\d MiB of \d+\.\d\d MiB {2}\d+\.\d\d MiB\/s/m);
    expect(en.text).toContain(`Done. 2 partitions copied and checked, in ${path.join(tmp, 'en')}`);
  }, 120_000);
});
