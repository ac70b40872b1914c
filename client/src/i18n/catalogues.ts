import { en } from './en';
import { fi } from './fi';
import { languages, type Language, type MessageKey } from './i18n';
import { sv } from './sv';

/** One feature's messages in every UI language; its Finnish catalogue defines the keys. */
export type FeatureMessages<K extends string> = { readonly [L in Language]: Readonly<Record<K, string>> };

/**
 * The messages loaded so far, per language: the shell's (fi.ts, sv.ts, en.ts) from the start, and a
 * feature's once its code has loaded. A feature's `<feature>.messages.ts` adds them and the components
 * that use its keys import it, so a page's lazy chunk brings the page's words (catalogues.test.ts checks
 * that every file using a key imports, directly or through its imports, the catalogue that defines it).
 */
export const catalogues: Readonly<Record<Language, Partial<Record<MessageKey, string>>>> = {
  fi: { ...fi },
  sv: { ...sv },
  en: { ...en },
};

/** Adds a feature's messages to every language's catalogue, and returns them (the catalogue test reads them). */
export function addMessages<K extends string>(messages: FeatureMessages<K>): FeatureMessages<K> {
  for (const lang of languages) Object.assign(catalogues[lang], messages[lang]);
  return messages;
}
