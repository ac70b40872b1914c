import { describe, expect, it } from 'vitest';
import type { FeatureMessages } from './catalogues';
import { en } from './en';
import { fi } from './fi';
import { languages, type Language } from './i18n';
import { sv } from './sv';

// Every feature's catalogue, found by name as catalogues.test.ts finds them.
const featureModules = import.meta.glob<Record<string, FeatureMessages<string>>>('../features/*/*.messages.ts', { eager: true });
const shell: FeatureMessages<string> = { fi, sv, en };
const all = [shell, ...Object.values(featureModules).map((exports) => Object.values(exports)[0]!)];

/** Every message of the language, shell's and features', as [key, text]. */
const messages = (lang: Language): [string, string][] => all.flatMap((c) => Object.entries(c[lang]));

/** The one word a form's optional field is marked with, as the design system's optionalText shows it: "(valinnainen)". */
const optional: Record<Language, string> = { fi: 'valinnainen', sv: 'valfritt', en: 'optional' };
/** Other words for it that a catalogue has used. */
const synonyms = /\((vapaaehtoinen|valinnainen|frivillig|frivilligt|valfri|valfritt|optional)[;)]/i;

describe('the markers of optional and required fields', () => {
  it.each(languages)('mark an optional field with one word in %s, in a label and in optionalText alike', (lang) => {
    const marks = messages(lang)
      .map(([key, text]) => [key, synonyms.exec(text)?.[1]] as const)
      .filter(([, word]) => word !== undefined);
    expect(marks.length).toBeGreaterThan(5);
    expect(marks.filter(([, word]) => word !== optional[lang])).toEqual([]);
    expect(shell[lang]['edit.optional']).toBe(optional[lang]);
  });

  it.each(languages)('do not mark required fields in %s: the design system marks only the optional ones', (lang) => {
    const required = /\((pakollinen|obligatorisk|required)\)/i;
    expect(messages(lang).filter(([, text]) => required.test(text))).toEqual([]);
  });
});
