import { useContext } from 'react';
import { I18nContext, type I18nValue } from './I18nProvider';

/** The UI language, its translate function and locale-aware formatters. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
