import { TIME_ZONE } from './dates';
import type { fi } from './fi';

/** Finland's clock and calendar (the time zone, today, a day's bounds, datetime-local values) live in ./dates. */
export { finnishDayBoundary, isoToLocalInput, localInputToIso, TIME_ZONE, todayInFinland } from './dates';

/** The UI languages, Finnish first: it is the default and the source of keys. */
export const languages = ['fi', 'sv', 'en'] as const;

/** One of the UI languages. */
export type Language = (typeof languages)[number];

/** Every message key; the Finnish catalogue defines them. */
export type MessageKey = keyof typeof fi;

/** A complete catalogue: typing a catalogue with this makes a missing or extra key a compile error. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** Values for `{name}` placeholders in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates a key, filling `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The default language (Finnish is the working language of the region). */
export const defaultLanguage: Language = 'fi';

/** Each language's name in itself, as a language menu shows it. */
export const languageNames: Readonly<Record<Language, string>> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

/** BCP 47 locale used for numbers, dates and sorting; Swedish as written in Finland. */
export const locales: Readonly<Record<Language, string>> = {
  fi: 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
};

/** Narrows an arbitrary string (localStorage, URL) to a language, or undefined. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  return languages.find((lang) => lang === value);
}

/**
 * Replaces `{name}` with params.name, and `{name|one|other}` with the form the language's plural rules
 * pick for the number params.name (`#` in a form stands for the number): "{count|# tarve|# tarvetta}".
 * Unknown placeholders stay visible so a missing value is noticed.
 */
export function interpolate(template: string, params?: MessageParams, lang: Language = defaultLanguage): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (match, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (one === undefined || other === undefined) return String(value);
    const n = Number(value);
    const form = new Intl.PluralRules(locales[lang]).select(n) === 'one' ? one : other;
    return form.replaceAll('#', typeof value === 'number' ? formatNumber(value, lang) : String(value));
  });
}

/** Placeholder names used in a message (plural forms count as their number), for the catalogue consistency test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1] ?? '').sort();
}

/** Builds a translate function over one catalogue. */
export function createTranslate(catalogue: Catalogue, lang: Language = defaultLanguage): Translate {
  return (key, params) => interpolate(catalogue[key], params, lang);
}

/** Text in the national languages, as the API's LocalizedText. */
export interface LocalizedNames {
  readonly fi: string;
  readonly sv?: string | null;
  readonly en?: string | null;
}

/** Picks the UI language's name, falling back to Finnish, which is always present. */
export function localizedName(names: LocalizedNames, lang: Language): string {
  const value = lang === 'fi' ? names.fi : names[lang];
  return value && value.trim() !== '' ? value : names.fi;
}

/** Formats an integer in the language's convention (fi: "143 420", en: "143,420"). */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }).format(value);
}

/** Formats an ISO calendar date ("2020-12-31") without letting the time zone shift the day. */
export function formatDate(isoDate: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locales[lang], { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(
    date,
  );
}

/** Formats an ISO date-time as the clock in Finland shows it. */
export function formatDateTime(isoDateTime: string, lang: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

/** A collator for sorting names the way the language does (Finnish puts Ä and Ö after Z). */
export function collator(lang: Language): Intl.Collator {
  return new Intl.Collator(locales[lang], { sensitivity: 'base', numeric: true });
}
