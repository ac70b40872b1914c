import { yearInFinland } from '../../i18n/dates';
import { locales, type Language } from '../../i18n/i18n';

/** A share (0–1) as a whole percentage in the reader's language: "75 %". */
export function formatShare(share: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
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
