/**
 * The screen's `t` (decision 0157) is react-intl's `intl.formatMessage({ id }, values)` without its per-call cost:
 * for every message of every language, with no values, with numbers and with words for its arguments (so that
 * formatting works and fails the same way), it gives exactly what the store's react-intl object gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, act } from '@testing-library/react';
import { useLocale, useT } from '../../../src-renderer/i18n';
import { screenTranslator } from '../../../src-renderer/i18n/store';
import { loadCatalog, LOCALES, PSEUDO_LOCALE, type Locale, type MessageId, type MessageValues } from '../../../src-shared/i18n';

afterEach(async () => {
  await useLocale.getState().setLocale('en');
});

/** Every `{name` in a message: its arguments (and a few words of plural branches, which do no harm). */
const argNames = (message: string): string[] => [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!))];

describe('the screen translator', () => {
  for (const locale of [...LOCALES.map((l) => l.id), PSEUDO_LOCALE] as Locale[]) {
    it(`says every ${locale} message as react-intl does, with and without values`, async () => {
      await useLocale.getState().setLocale(locale);
      const { intl, t } = useLocale.getState();
      const catalog = await loadCatalog(locale);
      const ids = Object.keys(catalog) as MessageId[];
      expect(ids.length).toBeGreaterThan(100);
      let withArgs = 0;
      for (const id of ids) {
        const names = argNames(catalog[id]!);
        if (names.length) withArgs++;
        const variants: (MessageValues | undefined)[] = [
          undefined,
          Object.fromEntries(names.map((n) => [n, 2])),
          Object.fromEntries(names.map((n) => [n, 'x'])),
          Object.fromEntries(names.map((n) => [n, 1])),
        ];
        for (const v of variants) {
          // twice: the second answer comes from the translator's caches
          expect(t(id, v), `${locale} ${id} ${JSON.stringify(v)}`).toBe(intl.formatMessage({ id }, v));
          expect(t(id, v), `${locale} ${id} ${JSON.stringify(v)} (again)`).toBe(intl.formatMessage({ id }, v));
        }
      }
      expect(withArgs).toBeGreaterThan(20);
    });
  }

  it('gives the id for a message the catalogue does not have, or has empty, as react-intl does', () => {
    const t = screenTranslator('de', { 'app.skip': '' } as never);
    const intl = useLocale.getState().intl;
    expect(t('app.skip')).toBe('app.skip');
    expect(t('app.nav.label')).toBe('app.nav.label');
    expect(intl.formatMessage({ id: 'no.such.id' })).toBe('no.such.id');
  });

  it('is one function per language: components that keep it see a change only when the language changes', async () => {
    const { result, rerender } = renderHook(() => useT());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    await act(() => useLocale.getState().setLocale('de'));
    expect(result.current).not.toBe(first);
    expect(result.current('app.skip')).toBe(useLocale.getState().intl.formatMessage({ id: 'app.skip' }));
  });
});
