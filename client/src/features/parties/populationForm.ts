import type { FigureStatus, PopulationFigureInput } from '../../graphql/generated/graphql';
import { calendarDate } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/i18n';
import { wholeNumberProblem, type WholeNumberProblem } from '../../i18n/numberInput';

/** The population figure as the server takes it (parties.service.ts): a whole number 0–10 000 000. */
const populationRule = { min: 0, max: 10_000_000 };

/** The add-figure form's values, as typed. */
export interface PopulationFormValues {
  value: string;
  referenceDate: string;
  status: FigureStatus;
  source: string;
}

/** The form's fields, named by their path in PopulationFigureInput. */
export type PopulationFormField = 'value' | 'referenceDate' | 'status' | 'source';

/** A whole number of residents; spaces (also the no-break spaces Finnish formatting uses) are allowed. Its upper bound readPopulationForm checks. */
export function parsePopulation(input: string): number | undefined {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(compact)) return undefined;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** "2024-12-31" (as the shared date field gives it) or "31.12.2024" → "2024-12-31"; undefined if no such day. */
export function parseDate(input: string): string | undefined {
  const trimmed = input.trim();
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = finnish
    ? [Number(finnish[3]), Number(finnish[2]), Number(finnish[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isFinite(year)) return undefined;
  return calendarDate(year, month, day);
}

/** The input to send, or the messages for the fields that need fixing. */
export type PopulationFormResult =
  | { ok: true; input: PopulationFigureInput }
  | { ok: false; errors: Partial<Record<PopulationFormField, MessageKey | WholeNumberProblem>> };

/** Checks the form before sending; the server checks again. */
export function readPopulationForm(values: PopulationFormValues): PopulationFormResult {
  const value = parsePopulation(values.value);
  const referenceDate = parseDate(values.referenceDate);
  const source = values.source.trim();
  const errors: Partial<Record<PopulationFormField, MessageKey | WholeNumberProblem>> = {};
  const outOfBounds = value === undefined ? undefined : wholeNumberProblem(value, populationRule);
  if (value === undefined) errors.value = 'population.valueInvalid';
  else if (outOfBounds) errors.value = outOfBounds;
  // An empty date is missing; text that is no date the date field itself marks, and its form does not send it.
  if (referenceDate === undefined)
    errors.referenceDate = values.referenceDate.trim() === '' ? 'error.fieldRequired' : 'population.dateInvalid';
  if (source === '') errors.source = 'population.sourceRequired';
  if (value === undefined || outOfBounds || referenceDate === undefined || source === '') return { ok: false, errors };
  return { ok: true, input: { value, referenceDate, status: values.status, source } };
}
