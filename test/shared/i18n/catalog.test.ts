/**
 * The catalogue (issue 19): every shipped locale has every key of the English source with the same
 * placeholders; the pseudo-locale is accented and 40 % longer; languages are picked from the person's list;
 * error texts are shown translated only when they are the words the fault was made with.
 */
import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  PSEUDO_LOCALE,
  english,
  loadCatalog,
  localizeError,
  pickLocale,
  pseudoMessage,
  sourceCatalog,
  translator,
  type Catalog,
} from '../../../src-shared/i18n';
import { argumentsOf, checkCatalog } from '../../../src-shared/i18n/check';
import { fault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';

describe('message catalogue', () => {
  for (const { id } of LOCALES.filter((l) => l.id !== 'en')) {
    it(`${id} has every key of the English source, each parsing, with the same placeholders`, async () => {
      const problems = checkCatalog(sourceCatalog, await loadCatalog(id));
      expect(problems).toEqual([]);
    });
  }

  it('the check names a missing key, a lost placeholder and a broken message (so the test above can fail)', () => {
    const src = { a: 'Listening on UDP port {port}.', b: 'Hello', c: '{n, plural, one {# line} other {# lines}}' };
    expect(checkCatalog(src, { a: 'Hört auf UDP-Port.', c: '{n, plural, one {# Zeile} other {# Zeilen}' })).toEqual([
      { key: 'a', problem: 'placeholders differ', detail: ' ≠ port' },
      { key: 'b', problem: 'missing' },
      expect.objectContaining({ key: 'c', problem: 'does not parse' }),
    ]);
  });

  it('every message of every locale formats with a value for each of its placeholders', async () => {
    for (const locale of [...LOCALES.map((l) => l.id), PSEUDO_LOCALE] as const) {
      const catalog = await loadCatalog(locale);
      const t = translator(locale, catalog);
      for (const key of Object.keys(sourceCatalog) as (keyof Catalog)[]) {
        const values = Object.fromEntries(argumentsOf(sourceCatalog[key]).filter((a) => !a.startsWith('<')).map((a) => [a, 2]));
        expect(() => t(key, values), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it('plurals follow the language', async () => {
    const de = translator('de', await loadCatalog('de'));
    expect(english('failsafe.monitor.received', { count: 1 })).toBe('1 message received.');
    expect(english('failsafe.monitor.received', { count: 3 })).toBe('3 messages received.');
    expect(de('failsafe.monitor.received', { count: 1 })).toBe('1 Nachricht empfangen.');
    expect(de('failsafe.monitor.received', { count: 1200 })).toBe('1.200 Nachrichten empfangen.');
  });

  it('the pseudo-locale accents every letter, keeps placeholders and plural rules, and is about 40 % longer', async () => {
    const xa = await loadCatalog(PSEUDO_LOCALE);
    expect(Object.keys(xa)).toEqual(Object.keys(sourceCatalog));
    expect(checkCatalog(sourceCatalog, xa)).toEqual([]);
    const t = translator(PSEUDO_LOCALE, xa);
    const out = t('failsafe.monitor.listening', { port: 4919 });
    expect(out).toMatch(/^⟦.*⟧$/);
    expect(out).toContain('4919');
    expect(out).not.toMatch(/[A-Za-z]/);
    expect(t('failsafe.transcript.title', { count: 1 })).toMatch(/\(1 ŀīƞḗ\)/);
    const plain = english('failsafe.cue.hint');
    expect(t('failsafe.cue.hint').length).toBeGreaterThanOrEqual(Math.floor(plain.length * 1.4));
    expect(pseudoMessage("Start TP-Link's own recovery")).toMatch(/^⟦Şŧȧřŧ ŦƤ-Ŀīƞķ'ş ǿẇƞ řḗƈǿṽḗřẏ/);
  });

  it('picks the first of the person\'s languages that we speak', () => {
    expect(pickLocale(['de-AT', 'en'])).toBe('de');
    expect(pickLocale(['pt-BR', 'es-419'])).toBe('es');
    expect(pickLocale(['de_DE.UTF-8'])).toBe('de');
    expect(pickLocale(['C', 'POSIX'])).toBe('en');
    expect(pickLocale(['fr-FR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['en-XA'])).toBe('en-XA');
  });
});

describe('error texts in the person\'s language', () => {
  it('an unexpected failure is shown in German with its details kept', async () => {
    const de = translator('de', await loadCatalog('de'));
    const e = toErrorShape(new Error('EIO: boom'));
    const shown = localizeError(e, de);
    expect(shown.message).toBe('In Rescue Bench ist etwas schiefgegangen.');
    expect(shown.fix).toMatch(/Versuchen Sie es noch einmal/);
    expect(shown.details).toBe('EIO: boom');
    expect(shown.code).toBe(e.code);
  });

  it('a fault built from the catalogue carries English plus its values, and is shown translated', async () => {
    const f = fault('UNKNOWN_COMMAND', {}, { details: 'x.y' });
    expect(f.message).toBe('The workstation does not know that command.');
    const es = translator('es', await loadCatalog('es'));
    expect(localizeError(f.toShape(), es).message).toBe('La estación de trabajo no conoce esa orden.');
  });

  it('a count of seconds takes its plural in every language (UBOOT_TIMEOUT: "In 1 Sekunde", not "1 Sekunden")', async () => {
    const one = fault('UBOOT_TIMEOUT', { step: 'stopAutoboot', seconds: 1 }).toShape();
    const many = fault('UBOOT_TIMEOUT', { step: 'stopAutoboot', seconds: 30 }).toShape();
    expect(one.meaning).toMatch(/in 1 second\.$/);
    expect(many.meaning).toMatch(/in 30 seconds\.$/);
    const de = translator('de', await loadCatalog('de'));
    const es = translator('es', await loadCatalog('es'));
    expect(localizeError(one, de).meaning).toMatch(/^In 1 Sekunde kam/);
    expect(localizeError(many, de).meaning).toMatch(/^In 30 Sekunden kam/);
    expect(localizeError(one, es).meaning).toMatch(/^En 1 segundo no/);
    expect(localizeError(many, es).meaning).toMatch(/^En 30 segundos no/);
  });

  it('a fault whose words differ from the catalogue entry of its code stays as it came (never the wrong words)', async () => {
    const de = translator('de', await loadCatalog('de'));
    const other = { code: 'UNKNOWN_COMMAND', message: 'The bench server does not offer that command.' };
    expect(localizeError(other, de)).toEqual(other);
  });

  it('a code the catalogue does not have yet stays English', async () => {
    const de = translator('de', await loadCatalog('de'));
    const e = { code: 'SOMETHING_NEW', message: 'Plain words.', fix: 'Do this.' };
    expect(localizeError(e, de)).toEqual(e);
  });

  it('a part whose words need a value the fault did not bring stays its own English, never a raw {placeholder}', async () => {
    const de = translator('de', await loadCatalog('de'));
    // TFTP_REFUSED's message needs {peer}, {op} and {file}; its meaning needs {why} as well
    const values = { peer: '192.168.1.1', op: 'read', file: 'x.bin' };
    const message = english('error.TFTP_REFUSED.message', values);
    const e: RbErrorShape = { code: 'TFTP_REFUSED', message, meaning: 'Only files inside the served folder are sent.', values };
    const shown = localizeError(e, de);
    expect(shown.message).toMatch(/^Der Router unter 192\.168\.1\.1/);
    expect(shown.meaning).toBe('Only files inside the served folder are sent.');
    expect(shown.fix).not.toMatch(/\{/);
    // the screen's formatter (react-intl) does not throw: it quietly returns the raw message
    const quiet = (id: Parameters<typeof de>[0], v?: Parameters<typeof de>[1]): string => {
      try {
        return de(id, v);
      } catch {
        return '{why}';
      }
    };
    expect(localizeError(e, quiet).meaning).toBe('Only files inside the served folder are sent.');
    // a translator that fails for its own reasons: the fault's English, whole
    const broken = (): string => {
      throw new Error('format failed');
    };
    expect(localizeError(e, broken)).toEqual(e);
  });

  it('fault() refuses a code without catalogue words', () => {
    expect(() => fault('NOT_IN_THE_CATALOGUE')).toThrow(/no catalogue text/);
  });
});
