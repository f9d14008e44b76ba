import { LOCALES, isLocale, PSEUDO_LOCALE } from '../../src-shared/i18n';
import { useLocale, useT } from '../i18n';

/** The language of the screen, each named in itself ("Deutsch"), remembered on this computer. */
export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const setLocale = useLocale((s) => s.setLocale);
  return (
    <label className="lang-switch">
      <span>{t('app.language')}</span>
      <select
        value={locale}
        onChange={(e) => {
          const v = e.target.value;
          if (isLocale(v)) void setLocale(v, { remember: true });
        }}
        data-testid="language"
      >
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
        {locale === PSEUDO_LOCALE && <option value={PSEUDO_LOCALE}>{PSEUDO_LOCALE}</option>}
      </select>
    </label>
  );
}
