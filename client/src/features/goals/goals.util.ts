import { yearInFinland } from '../../i18n/dates';
import { locales, type Language } from '../../i18n/i18n';

/** A share (0–1) as a whole percentage in the reader's language: "75 %". */
export function formatShare(share: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number as typed in a form ("6,5" or "6.5"); undefined for empty, NaN for text that is no number. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A stored number as a form shows it for editing, exactly and without grouping: "6,5" in Finnish and Swedish, "6.5" in English. */
export function decimalInput(value: number, lang: Language): string {
  return lang === 'en' ? String(value) : String(value).replace('.', ',');
}

/** A year as typed; NaN unless a whole year 1900–2100. */
export function parseYear(text: string): number {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : Number.NaN;
}

/** The last full year in Finland: the default year of a follow-up report. */
export const lastFullYear = (now = new Date()) => yearInFinland(now) - 1;

/** Where a goal's follow-up report is. */
export const reportPath = (agreementId: string, goalId: string, year: number) =>
  `/agreements/${agreementId}/goals/${goalId}/report?year=${year}`;
