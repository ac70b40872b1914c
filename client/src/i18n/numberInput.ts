import type { Language } from './i18n';

/* A decimal in a form field, in every UI language: read as typed (comma or point), written for editing. */

/** A number as typed in a form ("6,5" or "6.5"); undefined for empty, NaN for text that is no number. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return undefined;
  // A number too long to hold (Infinity) is no number either: the API takes finite ones only.
  return /^[-+]?\d+(\.\d+)?$/.test(t) && Number.isFinite(Number(t)) ? Number(t) : Number.NaN;
}

/** A stored number as a form shows it for editing, exactly and without grouping: "6,5" in Finnish and Swedish, "6.5" in English. */
export function decimalInput(value: number, lang: Language): string {
  return lang === 'en' ? String(value) : String(value).replace('.', ',');
}

/** The bounds of a whole-number field, as the server checks them (e.g. a need's estimated residents: 0–10 000 000). */
export interface WholeNumberRule {
  min: number;
  max: number;
}

/** What is wrong with a whole number: no whole number, or out of the field's bounds (the message key and its values). */
export type WholeNumberProblem =
  | 'error.fieldWholeNumber'
  | { key: 'error.fieldAtLeast'; values: { min: number } }
  | { key: 'error.fieldAtMost'; values: { max: number } };

/** The problem of a number the form holds (a vote count) against `rule`, or undefined when it is fine. */
export function wholeNumberProblem(value: number, rule: WholeNumberRule): WholeNumberProblem | undefined {
  if (!Number.isInteger(value)) return 'error.fieldWholeNumber';
  // A whole number too long to hold exactly is past one bound or the other, by its sign.
  if (value < rule.min) return { key: 'error.fieldAtLeast', values: { min: rule.min } };
  if (value > rule.max) return { key: 'error.fieldAtMost', values: { max: rule.max } };
  return undefined;
}

/**
 * A whole number as typed ("1200", "143 420" with Finnish grouping), checked against `rule` before it is sent, so
 * that the server (and GraphQL's 32-bit Int) never refuses it in English: the value (undefined for an empty
 * field), or the problem to show beside the field.
 */
export function readWholeNumber(
  text: string,
  rule: WholeNumberRule,
): { ok: true; value: number | undefined } | { ok: false; problem: WholeNumberProblem } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (compact === '') return { ok: true, value: undefined };
  if (!/^[-+]?\d+$/.test(compact)) return { ok: false, problem: 'error.fieldWholeNumber' };
  const value = Number(compact);
  const problem = wholeNumberProblem(value, rule);
  return problem ? { ok: false, problem } : { ok: true, value };
}
