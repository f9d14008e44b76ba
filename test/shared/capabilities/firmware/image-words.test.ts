/**
 * The inspector's structure descriptions and warnings are catalogue sentences (decision 0148): every one the
 * inspector makes over a corpus of whole, cut and damaged images carries an id + values whose English is the
 * text sent, every `firmware.img.*` id is in German and Spanish with the same placeholders, and German says
 * sizes with a decimal comma while offsets stay hex and the image's own words stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { english, loadCatalog, translator } from '../../../../src-shared/i18n';
import { argumentsOf } from '../../../../src-shared/i18n/check';
import { inspectBytes, flattenFormats, type Inspection } from '../../../../src-shared/capabilities/firmware/image/inspect';
import type { Structure } from '../../../../src-shared/capabilities/firmware/image/types';
import { sayImage, sizedValues, sizeIn } from '../../../../src-shared/capabilities/firmware/image/words';
import { en } from '../../../../src-shared/capabilities/firmware/messages/en';
import { de } from '../../../../src-shared/capabilities/firmware/messages/de';
import { es } from '../../../../src-shared/capabilities/firmware/messages/es';
import { nodeDigests } from '../../../../src-main/capabilities/firmware/digests';
import * as W from '../../../../test-support/firmware-images';
import type { SaidMessage } from '../../../../src-shared/contract/common';

const { kernel, sq, images } = W.sampleImages();
const WHOLE: Record<string, Buffer> = {
  ...images,
  linksys: W.linksysStockLike(),
  dtb: W.minimalDtb('Linksys WRT32X', ['linksys,wrt32x']),
  tar: W.tarOf([
    { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
    { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(kernel) },
    { name: 'sysupgrade-linksys_wrt32x/root', data: sq },
  ]),
  noise: W.noise(5000, 9),
};
/** Whole images, every one cut in three places (the cut-off warnings), and a few with a byte flipped. */
function corpus(): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  for (const [name, buf] of Object.entries(WHOLE)) {
    out.push([name, buf]);
    for (const f of [0.3, 0.6, 0.9]) out.push([`${name} cut at ${f}`, buf.subarray(0, Math.floor(buf.length * f))]);
    for (const at of [4, 12, 40, 100]) {
      if (at >= buf.length) continue;
      const b = Buffer.from(buf);
      b[at] = b[at]! ^ 0xff;
      out.push([`${name} byte ${at} flipped`, b]);
    }
  }
  return out;
}

function* walk(list: Structure[]): Generator<Structure> {
  for (const s of list) {
    yield s;
    yield* walk(s.children);
  }
}

/** Every (text, msg) pair an inspection says. */
function sentences(r: Inspection): { text: string; msg: SaidMessage | undefined; where: string }[] {
  const out: { text: string; msg: SaidMessage | undefined; where: string }[] = [];
  r.warnings.forEach((w, i) => out.push({ text: w, msg: r.warningsMsg[i], where: 'report warning' }));
  for (const s of walk(r.structures)) {
    out.push({ text: s.description, msg: s.descriptionMsg, where: `${s.type} description` });
    s.warnings.forEach((w, i) => out.push({ text: w, msg: s.warningsMsg?.[i], where: `${s.type} warning` }));
    if (s.warnings.length) expect(s.warningsMsg).toHaveLength(s.warnings.length);
  }
  return out;
}

const IMG = (Object.keys(en) as (keyof typeof en)[]).filter((k) => k.startsWith('firmware.img.'));

describe('the inspector says its descriptions and warnings from the catalogue', () => {
  it('every firmware.img.* id is in German and Spanish with the same placeholders', () => {
    expect(IMG.length).toBeGreaterThan(50);
    for (const k of IMG) {
      expect(argumentsOf(de[k]), `de ${k}`).toEqual(argumentsOf(en[k]));
      expect(argumentsOf(es[k]), `es ${k}`).toEqual(argumentsOf(en[k]));
      // the same in every language only where the sentence is all technical names and values
      if (!['firmware.img.d.tarMember', 'firmware.img.d.trx'].includes(k)) expect(de[k], `de ${k} is translated`).not.toBe(en[k]);
    }
  });

  it('every description and warning over whole, cut and damaged images carries an id whose English is the text sent', () => {
    const seen = new Set<string>();
    let warnings = 0;
    for (const [name, buf] of corpus()) {
      const r = inspectBytes(buf, nodeDigests);
      expect(r.warningsMsg, name).toHaveLength(r.warnings.length);
      for (const { text, msg, where } of sentences(r)) {
        expect(msg, `${name}: ${where} "${text}" has no id`).toBeDefined();
        expect(msg!.id.startsWith('firmware.img.'), `${name}: ${where}`).toBe(true);
        // the screen's check: the English made from the id and values is the text sent
        expect(english(msg!.id as keyof typeof en, sizedValues(msg!.values, 'en')), `${name}: ${where}`).toBe(text);
        seen.add(msg!.id);
        if (where.endsWith('warning')) warnings++;
      }
    }
    expect(warnings).toBeGreaterThan(10);
    // the corpus reaches most of the sentences (descriptions of every format, the cut-off warnings)
    expect(seen.size, [...seen].sort().join(' ')).toBeGreaterThan(25);
  });

  it('German: sizes with a decimal comma, offsets hex, the image\'s own words verbatim; --json keeps the English and the ids', async () => {
    const tde = translator('de', await loadCatalog('de'));
    const tes = translator('es', await loadCatalog('es'));
    expect(sizeIn(2202009, 'de')).toBe('2,1 MiB');
    expect(sizeIn(2202009, 'en')).toBe('2.1 MiB');
    const r = inspectBytes(WHOLE.uimageFwtool!, nodeDigests);
    const u = [...walk(r.structures)].find((s) => s.type === 'uimage')!;
    expect(u.description).toMatch(/^uImage "[^"]*", ARM Linux .*, (\d+\.\d KiB|\d+ B)$/);
    const inGerman = sayImage(tde, 'de', u.descriptionMsg, u.description);
    expect(inGerman).toMatch(/^uImage „[^“]*“, ARM Linux .*, \d+,\d KiB$/);
    expect(sayImage(tes, 'es', u.descriptionMsg, u.description)).toMatch(/^uImage «[^»]*», ARM Linux .*, \d+,\d KiB$/);

    // a cut image: the warning in German with its numbers grouped the German way
    const cut = inspectBytes(W.uimageOf(W.noise(300_000, 3)).subarray(0, 100_000), nodeDigests);
    const cu = [...walk(cut.structures)].find((s) => s.type === 'uimage')!;
    expect(cu.warnings[0]).toBe('The header says 300,000 bytes of data follow, but only 99,936 are left: the image is cut off.');
    expect(sayImage(tde, 'de', cu.warningsMsg![0], cu.warnings[0]!)).toBe('Laut Header folgen 300.000 Byte Daten, aber es sind nur noch 99.936 übrig: Das Image ist abgeschnitten.');

    // a tar header damaged: its offset is hex in every language
    const tar = Buffer.from(WHOLE.tar!);
    tar[1024 + 10] = tar[1024 + 10]! ^ 0xff; // the second member's header (after CONTROL's header and its 512-byte block)
    const tw = [...walk(inspectBytes(tar, nodeDigests).structures)].flatMap((s) => s.warningsMsg ?? []).find((m) => m.id === 'firmware.img.w.tarHeader');
    expect(tw).toBeDefined();
    expect(tde('firmware.img.w.tarHeader', tw!.values)).toMatch(/^Beschädigter tar-Header bei 0x[0-9a-f]+\.$/);

    // a message that is no longer ours (reworded) or unknown: the English as it came
    expect(sayImage(tde, 'de', { id: 'firmware.img.w.noFormat' }, 'Something else.')).toBe('Something else.');
    expect(sayImage(tde, 'de', { id: 'firmware.img.w.gone' }, 'Old words.')).toBe('Old words.');

    // the flat list for --json: English description and warnings, with their ids beside
    const flat = flattenFormats(r.structures);
    const fu = flat.find((f) => f.type === 'uimage')!;
    expect(fu.description).toBe(u.description);
    expect(fu.descriptionMsg).toEqual(u.descriptionMsg);
  });

  it('the report-level warnings: nothing recognised, said in Spanish', async () => {
    const tes = translator('es', await loadCatalog('es'));
    const r = inspectBytes(W.noise(5000, 9), nodeDigests);
    expect(r.warnings).toEqual(['No known firmware format was recognised in this file.']);
    expect(sayImage(tes, 'es', r.warningsMsg[0], r.warnings[0]!)).toBe('No se reconoció ningún formato de firmware conocido en este archivo.');
    const data = r.structures[0]!;
    expect(data.description).toBe('4.9 KiB of unrecognised data');
    expect(sayImage(tes, 'es', data.descriptionMsg, data.description)).toBe('4,9 KiB de datos no reconocidos');
  });
});
