import { yearInFinland } from '../../i18n/dates';
import { locales, type Language, type MessageKey } from '../../i18n/i18n';
import { decimalInput, parseDecimal } from '../../i18n/numberInput';

/** A share (0–1) as a whole percentage in the reader's language: "75 %". */
export function formatShare(share: number, lang: Language): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A year as typed; NaN unless a whole year 1900–2100. */
export function parseYear(text: string): number {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : Number.NaN;
}

/** An indicator's baseline and target for an area, as typed in a form: a goal's measure, a need's indicator target. */
export interface TargetText {
  indicatorId: string;
  partyId: string;
  baselineYear: string;
  baselineValue: string;
  targetYear: string;
  targetValue: string;
}

/** What is wrong with a field of a target: nothing chosen, not a year 1900–2100, no number, a target year before the baseline's. */
export type TargetProblem = 'required' | 'year' | 'number' | 'targetBeforeBaseline';

/** A target's figures as the API takes them. */
export interface TargetFigures {
  indicatorId: string;
  partyId: string;
  baselineYear: number;
  baselineValue: number | null;
  targetYear: number;
  targetValue: number;
}

/**
 * Reads a target as the server checks it (a goal's measure and a need's indicator target have the same rules):
 * the indicator and the area chosen, both years 1900–2100 with the target's not before the baseline's, the
 * baseline's value a number or empty, the target's value a number. The figures, or each field's problem.
 */
export function readTarget(
  text: TargetText,
): { ok: true; figures: TargetFigures } | { ok: false; problems: Partial<Record<keyof TargetText, TargetProblem>> } {
  const problems: Partial<Record<keyof TargetText, TargetProblem>> = {};
  const baselineYear = parseYear(text.baselineYear);
  const targetYear = parseYear(text.targetYear);
  const baselineValue = parseDecimal(text.baselineValue);
  const targetValue = parseDecimal(text.targetValue);
  if (!text.indicatorId) problems.indicatorId = 'required';
  if (!text.partyId) problems.partyId = 'required';
  if (Number.isNaN(baselineYear)) problems.baselineYear = 'year';
  if (Number.isNaN(targetYear)) problems.targetYear = 'year';
  else if (targetYear < baselineYear) problems.targetYear = 'targetBeforeBaseline';
  if (baselineValue !== undefined && Number.isNaN(baselineValue)) problems.baselineValue = 'number';
  if (targetValue === undefined) problems.targetValue = 'required';
  else if (Number.isNaN(targetValue)) problems.targetValue = 'number';
  if (Object.keys(problems).length > 0 || targetValue === undefined) return { ok: false, problems };
  const { indicatorId, partyId } = text;
  return {
    ok: true,
    figures: { indicatorId, partyId, baselineYear, baselineValue: baselineValue ?? null, targetYear, targetValue },
  };
}

/** A measure's figures as its edit form shows them (its fields as stored). */
export interface MeasureText {
  indicator: { id: string };
  party: { id: string };
  baselineYear: number;
  /** As set; null when the imported value of the baseline year is used. */
  storedBaselineValue?: number | null;
  targetYear: number;
  targetValue: number;
  note?: string | null;
}

/**
 * What a measure's form starts from: empty for a new one; an edit starts from the STORED baseline, so that a
 * baseline taken from the imported values stays so (empty, the placeholder says it) when the edit does not touch it.
 */
export function measureFormText(measure: MeasureText | undefined, lang: Language): TargetText & { note: string } {
  if (!measure)
    return { indicatorId: '', partyId: '', baselineYear: '', baselineValue: '', targetYear: '', targetValue: '', note: '' };
  return {
    indicatorId: measure.indicator.id,
    partyId: measure.party.id,
    baselineYear: String(measure.baselineYear),
    baselineValue: measure.storedBaselineValue != null ? decimalInput(measure.storedBaselineValue, lang) : '',
    targetYear: String(measure.targetYear),
    targetValue: decimalInput(measure.targetValue, lang),
    note: measure.note ?? '',
  };
}

/** A target's problems in a form's own words: `messageOf` names each field's problem. */
export function targetMessages(
  problems: Partial<Record<keyof TargetText, TargetProblem>>,
  messageOf: (field: keyof TargetText, problem: TargetProblem) => MessageKey,
): Partial<Record<keyof TargetText, MessageKey>> {
  return Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [field, messageOf(field as keyof TargetText, problem)]),
  );
}

/** The last full year in Finland: the default year of a follow-up report. */
export const lastFullYear = (now = new Date()) => yearInFinland(now) - 1;

/** Where a goal's follow-up report is. */
export const reportPath = (agreementId: string, goalId: string, year: number) =>
  `/agreements/${agreementId}/goals/${goalId}/report?year=${year}`;
