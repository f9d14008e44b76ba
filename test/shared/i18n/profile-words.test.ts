/**
 * The words a router profile gives a seller (which button, when to press it, when to let go, what the lights
 * do) are shown in the guide and the recovery's cue card, and said in the recovery's questions and evidence:
 * each one is a catalogue entry (`profile.*`, found by its English), complete in every language. A new profile
 * with new words fails here until they are in the catalogue. The routers view's summaries stay reference data.
 */
import { describe, expect, it } from 'vitest';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { LOCALES, loadCatalog, said, saidData, sayIn, translator } from '../../../src-shared/i18n';
import { URESCUE_FORCE_WARNING } from '../../../src-shared/capabilities/recover/playbooks';

const WORDS = [
  ...new Set(
    DEVICE_PROFILES.flatMap((p) => [p.failsafe.button, p.failsafe.when, p.failsafe.note, ...Object.values(p.recovery.cues ?? {})]).filter((v): v is string => typeof v === 'string'),
  ),
];

describe('router profile words', () => {
  it('every button, timing, note and light cue is a catalogue entry', () => {
    expect(WORDS.length).toBeGreaterThan(20);
    expect(WORDS.filter((w) => typeof saidData(w) === 'string')).toEqual([]);
  });

  it('said in every language, and not left in English', async () => {
    for (const locale of LOCALES.map((l) => l.id).filter((id) => id !== 'en')) {
      const t = translator(locale, await loadCatalog(locale));
      const same = WORDS.filter((w) => {
        const s = saidData(w);
        return typeof s !== 'string' && sayIn(t, s.msg, w) === w;
      });
      expect(same, locale).toEqual([]);
    }
  });

  it('the recovery\'s hold question says the model\'s cues from their ids: English word for word as before, German', async () => {
    const de = translator('de', await loadCatalog('de'));
    for (const p of DEVICE_PROFILES) {
      const cues = p.recovery.cues;
      if (!cues) continue;
      const ubnt = p.recovery.flow === 'ubiquiti';
      const w = said('recover.said.ask.holdCues', { until: saidData(cues.holdUntil), button: saidData(cues.button), ubnt: ubnt ? 'yes' : 'no' });
      // the template it replaced, written out
      expect(w.text).toBe([`${cues.holdUntil} (Button: ${cues.button}.)`, ubnt ? `With a serial cable you can also type urescue at the bootloader prompt. ${URESCUE_FORCE_WARNING}` : ''].filter(Boolean).join(' '));
      const g = sayIn(de, w.msg, w.text);
      expect(g).toContain('(Taste: ');
      expect(g).not.toContain(cues.holdUntil);
      expect(g).not.toContain(cues.button);
    }
  });
});
