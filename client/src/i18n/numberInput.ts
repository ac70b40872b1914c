import type { Language } from './i18n';

/* A decimal in a form field, in every UI language: read as typed (comma or point), written for editing. */

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
