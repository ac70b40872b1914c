import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { languageNames, languages } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';

/** Suomi / Svenska / English; the choice is remembered and sets <html lang>. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const current = `${languageNames[lang]} (${lang.toUpperCase()})`;
  return (
    <LanguageMenu
      buttonText={current}
      // The accessible name starts with the visible text (WCAG 2.5.3), then says what the button does.
      aria-label={`${current}, ${t('header.languageMenu')}`}
      className="yp-language-menu"
      data-testid="language-menu"
    >
      {languages.map((code) => (
        <LanguageMenuItem key={code} lang={code} selected={code === lang} onSelect={() => setLang(code)}>
          {`${languageNames[code]} (${code.toUpperCase()})`}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
