import { IntlMessageFormat } from 'intl-messageformat';
import { TIME_ZONE } from './dates';
import type { fi } from './fi';
import type { MessageKey } from './messageKeys';

export type { MessageKey } from './messageKeys';

/** Finland's clock and calendar (the time zone, today, a day's bounds, datetime-local values) live in ./dates. */
export { finnishDayBoundary, isoToLocalInput, localInputToIso, TIME_ZONE, todayInFinland } from './dates';

/** The UI languages, Finnish first: it is the default and the source of keys. */
export const languages = ['fi', 'sv', 'en'] as const;

/** One of the UI languages. */
export type Language = (typeof languages)[number];

/** The shell's complete catalogue: typing sv.ts and en.ts with this makes a missing or extra key a compile error. */
export type Catalogue = { readonly [K in keyof typeof fi]: string };

/** Values for a message's arguments (`{name}`, and the number of `{count, plural, …}`). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates a key, formatting its ICU message with the values. */
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

/** A message compiled for one language, cached: compiling parses the ICU syntax, formatting is cheap. */
const compiled = new Map<string, IntlMessageFormat>();

function compile(template: string, lang: Language): IntlMessageFormat {
  const id = `${lang}\u0000${template}`;
  let format = compiled.get(id);
  if (!format) {
    // ignoreTag: messages are plain text, so "<" is a character and not the start of rich-text markup.
    format = new IntlMessageFormat(template, locales[lang], undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

/** One element of a parsed ICU message. */
type MessageElement = ReturnType<IntlMessageFormat['getAst']>[number];

function argumentNames(elements: readonly MessageElement[]): string[] {
  return elements.flatMap((el) => {
    const own = 'value' in el && typeof el.value === 'string' && el.type !== 0 ? [el.value] : []; // 0: literal text
    const nested = 'options' in el ? Object.values(el.options).flatMap((option) => argumentNames(option.value)) : [];
    return [...own, ...nested];
  });
}

/**
 * Formats an ICU message (https://unicode-org.github.io/icu/userguide/format_parse/messages/) in the
 * language: `{name}` takes params.name, `{count, plural, one {# tarve} other {# tarvetta}}` the form the
 * language's plural rules pick for the number (`#` is the number written in the language's convention),
 * `{kind, select, A {…} other {…}}` the branch for a value. Placeholders without a value stay visible,
 * so a missing value is noticed rather than thrown.
 */
export function interpolate(template: string, params?: MessageParams, lang: Language = defaultLanguage): string {
  if (!template.includes('{')) return template;
  const format = compile(template, lang);
  const values: Record<string, string | number> = { ...params };
  for (const el of format.getAst()) if (el.type === 1 && !(el.value in values)) values[el.value] = `{${el.value}}`; // 1: a plain {name}
  try {
    const text = format.format(values);
    return typeof text === 'string' ? text : template;
  } catch {
    // A count or choice without its value: the message as written is more telling than a guessed form.
    return template;
  }
}

/** The arguments a message uses, each once and sorted, for the catalogue consistency test; throws if it is not valid ICU. */
export function placeholders(template: string): string[] {
  return [...new Set(argumentNames(compile(template, defaultLanguage).getAst()))].sort();
}

/** Builds a translate function over one language's catalogue; a key it lacks shows as itself, to be noticed. */
export function createTranslate(catalogue: Partial<Record<MessageKey, string>>, lang: Language = defaultLanguage): Translate {
  return (key, params) => interpolate(catalogue[key] ?? key, params, lang);
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

/**
 * A recorded number as the language writes it: "5,5" in Finnish and Swedish, "5.5" in English. Digits are grouped
 * only from five up ("123 456", but a year stays "2026"), and no decimal is rounded away (the audit shows what was
 * recorded).
 */
export function formatRecordedNumber(value: number, lang: Language): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(locales[lang], { useGrouping: 'min2', maximumFractionDigits: 20 }).format(value);
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

/**
 * An ISO calendar date written out with its weekday, as the language says it: "torstai 1. lokakuuta 2026",
 * "torsdag 1 oktober 2026", "Thursday 1 October 2026". The weekday and the date are each the language's own
 * (Intl.DateTimeFormat); `join` (the catalogue's form.longDate) puts them together, as one format with a weekday
 * would not: Finnish would say "torstaina" and British English add a comma. The text as it was if it is no date.
 */
export function formatLongDate(isoDate: string, lang: Language, join: (weekday: string, date: string) => string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const weekday = new Intl.DateTimeFormat(locales[lang], { timeZone: 'UTC', weekday: 'long' }).format(date);
  const day = new Intl.DateTimeFormat(locales[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return join(weekday, day.format(date));
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

/**
 * Party and place names (Äänekoski, Jämsä, Keski-Suomen hyvinvointialue) are Finnish names: they sort in Finnish
 * order, Å, Ä and Ö after Z, whatever the UI language (an English collator would put "Äänekoski" first).
 */
export const placeNames: Intl.Collator = collator('fi');

/** A list sorted by each item's party or place name (`nameOf`, as shown), in Finnish order (`placeNames`). */
export function byPlaceName<T>(list: readonly T[], nameOf: (item: T) => string): T[] {
  return [...list].sort((a, b) => placeNames.compare(nameOf(a), nameOf(b)));
}
