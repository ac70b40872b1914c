import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { languageNames, languages } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';

/** Suomi / Svenska / English; the choice is remembered and sets <html lang>. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <LanguageMenu
      buttonText={`${languageNames[lang]} (${lang.toUpperCase()})`}
      aria-label={t('header.languageMenu', { language: languageNames[lang] })}
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
