import { en } from './en';
import { fi } from './fi';
import type { Catalogue, Language } from './i18n';
import { sv } from './sv';

/** Every UI language's catalogue. */
export const catalogues: Readonly<Record<Language, Catalogue>> = { fi, sv, en };
