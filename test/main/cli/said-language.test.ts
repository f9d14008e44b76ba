/**
 * What the services say reaches the command line in the person's language (decision 0130): the recovery's plan
 * (a real `recover asus --check` through the CLI transport), a playbook run's evidence, questions and summary
 * (upgrade), U-Boot and failsafe words by their ids, and the Netgear stage lines. --json stays English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { recoverCommand } from '../../../src-main/capabilities/recover/cli';
import { describe as netgearLine } from '../../../src-main/capabilities/nmrp/cli';
import { runWords } from '../../../src-main/cli/run-words';
import { english, loadCatalog, said, translator } from '../../../src-shared/i18n';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { fault } from '../../../src-shared/errors';
import { tplinkFactory, tplinkUpBoot } from '../../../test-support/vendor-images';

let dir: string;
const env0 = process.env.XDG_DATA_HOME;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-said-'));
  process.env.XDG_DATA_HOME = dir;
});
afterAll(() => {
  if (env0 === undefined) delete process.env.XDG_DATA_HOME;
  else process.env.XDG_DATA_HOME = env0;
  fs.rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stopped: new Promise<void>(() => undefined) } };
}

describe('service words on the command line', () => {
  it('recover asus --check --lang de prints the plan in German; --json keeps the English with the id', async () => {
    const file = path.join(dir, 'fw.trx');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('HDR0'), Buffer.alloc(4096, 7)]));
    const de = io();
    expect(await runCli(['recover', 'asus', '--file', file, '--check', '--lang', 'de'], de.io, [recoverCommand], {})).toBe(0);
    const text = de.out.join('\n');
    expect(text).toMatch(/^Unverändert gesendet\.$/m);
    expect(text).toMatch(/ok Format: Ein TRX-Firmware-Image \(das Format, das der ASUS-Rettungsmodus annimmt\)\./);
    expect(text).toMatch(/ok Modell: Dieses Format trägt keine Modell-ID/);
    expect(text).toMatch(/Die Datei ist bereit für den Router: 4100 Bytes\./);

    const js = io();
    expect(await runCli(['recover', 'asus', '--file', file, '--check', '--lang', 'de', '--json'], js.io, [recoverCommand], {})).toBe(0);
    const result = JSON.parse(js.out.at(-1)!);
    expect(result.payload.value.plan.image.cutReason).toBe('Sent unchanged.');
    expect(result.payload.value.plan.image.cutReasonMsg).toEqual({ id: 'recover.said.plan.unchanged' });
  });

  it('recover tplink --check --lang de prints the cut reason (bytes, offset, the dd hint) in German; --json keeps the English and the id', async () => {
    const file = path.join(dir, 'ArcherC7v2_up_boot.bin');
    fs.writeFileSync(file, tplinkUpBoot(0xc7000002, tplinkFactory(0xc7000002)));
    const de = io();
    expect(await runCli(['recover', 'tplink', '--file', file, '--model', 'tplink,archer-c7-v2', '--check', '--lang', 'de'], de.io, [recoverCommand], {})).toBe(0);
    const text = de.out.join('\n');
    expect(text).toMatch(/^Die ersten 131\.584 Bytes \(0x00020200\) werden abgeschnitten: der äußere TP-Link-Header \(512 Bytes\) und der Bootloader darin \(128 KiB\)\./m);
    expect(text).toContain('Dasselbe wie `dd bs=512 skip=257` im OpenWrt-Wiki.');
    expect(text).toMatch(/ok TP-Link-Header: /);
    expect(text).not.toMatch(/Cut the first|bootloader it carries/);

    const js = io();
    expect(await runCli(['recover', 'tplink', '--file', file, '--model', 'tplink,archer-c7-v2', '--check', '--lang', 'de', '--json'], js.io, [recoverCommand], {})).toBe(0);
    const image = JSON.parse(js.out.at(-1)!).payload.value.plan.image;
    expect(image.cutReason).toMatch(/^Cut the first 131,584 bytes \(0x00020200\)/);
    expect(image.cutReasonMsg).toEqual({ id: 'recover.said.plan.cutBootloader', values: { cut: 131584, at: '0x00020200', header: 512, bootUnit: 'kib', boot: 128, dd: 'dd bs=512 skip=257' } });
  });

  it("a run's evidence, question, doNow and summary in Spanish; a router's own words as they came", async () => {
    const es = runWords(translator('es', await loadCatalog('es')));
    const ev = said('upgrade.said.ev.hashMatches', { algorithm: 'SHA-256', value: 'ab12' });
    expect(es.evidence({ at: 1, ...ev })).toBe('La SHA-256 de la copia calculada por el router coincide con la de este equipo: ab12. Todavía no se ha escrito nada.');
    expect(es.evidence({ at: 1, text: 'Closing all shell sessions' })).toBe('Closing all shell sessions');
    const q = said('upgrade.said.ask.backup');
    const run = {
      runId: 'r', playbookId: 'upgrade-flash', title: 'x', state: 'done', startedAt: 0, current: 0, options: {},
      steps: [{ id: 'wait', kind: 'wait-event', title: 'Wait for the router', state: 'active', explain: 'y', attempts: 1, evidence: [], ...(() => { const w = said('upgrade.said.wait.restarting'); return { doNow: w.text, doNowMsg: w.msg }; })() }],
      summary: said('upgrade.said.dry.nothingWritten').text, summaryMsg: said('upgrade.said.dry.nothingWritten').msg,
    } satisfies RunSnapshot;
    expect(es.question({ id: 'q', stepId: 'backup', text: q.text, msg: q.msg, choices: [] })).toBe('¿Hacer primero una copia completa del router?');
    expect(es.title(run.playbookId, run.steps[0]!)).toBe(translator('es', await loadCatalog('es'))('playbook.upgrade-flash.wait.title'));
    expect(es.doNow(run.playbookId, run.steps[0]!)).toMatch(/^El router está escribiendo y reiniciándose/);
    expect(es.summary(run)).toBe('Prueba sin escritura: no se escribió nada.');
    // without a language: the English as sent
    expect(runWords().summary(run)).toBe('Dry run: nothing was written.');
  });

  it('U-Boot and failsafe words by their ids, in German', async () => {
    const de = translator('de', await loadCatalog('de'));
    const w = runWords(de);
    expect(w.evidence({ at: 1, ...said('uboot.said.received', { bytes: 1234567, rate: '1.2 MiB/s' }) })).toBe('Der Router hat 1.234.567 Bytes empfangen mit 1.2 MiB/s.');
    expect(english('uboot.said.received', { bytes: 1234567, rate: 'none' })).toBe('The router received 1,234,567 bytes.');
    expect(w.evidence({ at: 1, ...said('failsafe.said.nothingAnswers', { router: '192.168.1.1' }) })).toBe('Unter 192.168.1.1 antwortet noch nichts: gut, der Router ist aus.');
  });

  it('the Netgear stage lines in German (recover netgear --lang de): words by their ids, a failed stage by its fault', async () => {
    const de = translator('de', await loadCatalog('de'));
    const busy = said('nmrp.said.busy');
    const pieces = said('nmrp.said.manyPieces', { max: 65535, blksize: 1456 });
    const stage = { runId: 'n1', at: 0, stage: 'writing', say: busy.text, sayMsg: busy.msg, warning: pieces.text, warningMsg: pieces.msg, keepAlives: 3 } as unknown as Parameters<typeof netgearLine>[0];
    const line = netgearLine(stage, de);
    expect(line).toBe(`[writing] ${de('nmrp.said.busy')}\n    Hinweis: Die Datei braucht mehr als 65535 Stücke, wenn der Router die größeren Stücke (1456 Bytes) ablehnt; der Stückzähler würde dann wieder bei 0 beginnen, und manche Bootloader kommen damit nicht zurecht.`);
    expect(line).not.toMatch(/The router is writing/);
    // without a language: the English as sent
    expect(netgearLine(stage).split('\n')[0]).toBe('[writing] The router is writing the firmware and says it is still busy. Do not switch it off.');
    // a stage from an older workstation (English only) is printed as it came
    expect(netgearLine({ ...stage, sayMsg: undefined, warning: undefined, warningMsg: undefined } as typeof stage, de)).toBe(`[writing] ${busy.text}`);
    // a failed stage says its fault in the language asked for (its `say` is the English message)
    const f = fault('NMRP_IMAGE_REJECTED', { times: 4 }).toShape();
    const failed = { runId: 'n1', at: 0, stage: 'failed', say: f.message, fault: f } as unknown as Parameters<typeof netgearLine>[0];
    expect(netgearLine(failed, de)).toBe(`[failed] ${de('error.NMRP_IMAGE_REJECTED.message', { times: 4 })}`);
    expect(netgearLine(failed, de)).not.toMatch(/The router asked/);
    // the upload's numbers, formatted the German way
    const up = said('nmrp.said.uploaded');
    const uploaded = { runId: 'n1', at: 0, stage: 'uploaded', say: up.text, sayMsg: up.msg, upload: { bytes: 31_457_280, total: 31_457_280, bytesPerSecond: 2_097_152, blksize: 1456, sha256: 'ab12', ms: 15_000 } } as unknown as Parameters<typeof netgearLine>[0];
    expect(netgearLine(uploaded, de).split('\n')[1]).toBe('    30,00 MiB in 15,00 s (2,00 MiB/s, Blöcke zu 1456 Bytes), sha256 ab12');
    expect(netgearLine(uploaded).split('\n')[1]).toBe('    30.00 MiB in 15.00 s (2.00 MiB/s, blocks of 1456 bytes), sha256 ab12');
  });
});
