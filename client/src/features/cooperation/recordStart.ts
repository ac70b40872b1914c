import type { RatificationOutcome } from '../../graphql/generated/graphql';

/** A party's ratification as the record form reads it (the agreement's RatificationFields). */
export interface RecordChoice {
  readonly party: { readonly id: string };
  readonly outcome: RatificationOutcome;
  readonly decidingBody?: string | null;
  readonly decisionDate?: string | null;
  readonly section?: string | null;
  readonly minutesUrl?: string | null;
}

/** The record form's typed values. */
export interface RecordValues {
  decidingBody: string;
  decisionDate: string;
  section: string;
  minutesUrl: string;
  outcome: RatificationOutcome;
}

/**
 * The party the record form starts on: the first, in the order the form lists them, still awaiting its decision;
 * '' when none awaits, so the form never starts on a decision already recorded (recording over it by mistake).
 */
export function firstAwaiting(choices: readonly RecordChoice[]): string {
  return choices.find((r) => r.outcome === 'PENDING')?.party.id ?? '';
}

/**
 * The form's values for the party the user has chosen: a party that has decided shows its record, to correct or
 * complete it (e.g. add the link); a party awaiting its decision (or none chosen) starts empty.
 */
export function recordValuesFor(choices: readonly RecordChoice[], partyId: string): RecordValues {
  const r = choices.find((c) => c.party.id === partyId && c.outcome !== 'PENDING');
  return {
    decidingBody: r?.decidingBody ?? '',
    decisionDate: r?.decisionDate ?? '',
    section: r?.section ?? '',
    minutesUrl: r?.minutesUrl ?? '',
    outcome: r?.outcome ?? 'APPROVED',
  };
}
