import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogues } from './catalogues';
import {
  createTranslate,
  defaultLanguage,
  formatDate,
  formatDateTime,
  formatNumber,
  localizedName,
  parseLanguage,
  type Language,
  type LocalizedNames,
  type Translate,
} from './i18n';

/** What components get from useI18n(). */
export interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
  number: (value: number) => string;
  date: (isoDate: string) => string;
  dateTime: (isoDateTime: string) => string;
  name: (names: LocalizedNames) => string;
}

/** The i18n context; use the useI18n hook rather than this directly. */
export const I18nContext = createContext<I18nValue | null>(null);

/** Where the chosen language is remembered between visits. */
const storageKey = 'yhteispeli.lang';

/** The language chosen in this browser before (the language switch), or undefined: none, or storage is blocked. */
export function storedLanguage(): Language | undefined {
  try {
    return parseLanguage(localStorage.getItem(storageKey));
  } catch {
    // Storage can be blocked (privacy settings); the default is fine then.
    return undefined;
  }
}

function initialLanguage(): Language {
  return storedLanguage() ?? defaultLanguage;
}

/** Holds the UI language, remembers it in localStorage and mirrors it to <html lang>. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>.
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered, still switched.
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: createTranslate(catalogues[lang], lang),
      number: (n) => formatNumber(n, lang),
      date: (d) => formatDate(d, lang),
      dateTime: (d) => formatDateTime(d, lang),
      name: (names) => localizedName(names, lang),
    }),
    [lang, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
