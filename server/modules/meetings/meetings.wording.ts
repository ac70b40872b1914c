import { DECISION_MODES } from './meetings.inputs.js';

/** A decision mode (the schema's `DecisionMode`). */
type DecisionMode = (typeof DECISION_MODES)[number];

/**
 * The standard wording of the decision modes that do not adopt the proposal (a tabled item, one returned for
 * preparation): what Finnish minutes write as the decision ("päätös") when the secretary writes nothing else.
 * Finnish is the minutes' language (the working language); Swedish and English are kept beside it for the texts
 * that quote them (the client's hint says the same phrases).
 */
export const STANDARD_WORDING: Readonly<Record<string, { fi: string; sv: string; en: string }>> = {
  TABLED: { fi: 'Asia jätettiin pöydälle.', sv: 'Ärendet bordlades.', en: 'The matter was tabled.' },
  RETURNED_FOR_PREPARATION: {
    fi: 'Asia palautettiin valmisteluun.',
    sv: 'Ärendet återremitterades för beredning.',
    en: 'The matter was returned for preparation.',
  },
};

/**
 * The decision recorded when the caller gives no wording: the mode's standard phrase in the minutes' language
 * (Finnish) for a mode that does not adopt the proposal, else the proposal itself; null when there is neither.
 */
export function defaultDecisionWording(mode: string, proposal: string | null): string | null {
  return STANDARD_WORDING[mode]?.fi ?? (proposal?.trim() || null);
}

/** Where the wording recorded without one comes from: the schema's `DecisionWordingSource`. */
export type DecisionWordingSource = 'STANDARD_PHRASE' | 'PROPOSAL' | 'NONE';

/**
 * Per decision mode, the wording `defaultDecisionWording` records for an item with this proposal, and where it comes
 * from: what a client says beforehand (the hint, the missing wording) instead of knowing the phrases itself.
 */
export function defaultDecisionWordings(
  proposal: string | null,
): { mode: DecisionMode; wording: string | null; source: DecisionWordingSource }[] {
  return DECISION_MODES.map((mode) => {
    const wording = defaultDecisionWording(mode, proposal);
    const source = STANDARD_WORDING[mode] ? 'STANDARD_PHRASE' : wording ? 'PROPOSAL' : 'NONE';
    return { mode, wording, source };
  });
}

/**
 * The recorded decision is the wording recorded for its mode without one (the mode's standard phrase, the proposal as
 * it reads now): a correction of the mode without a wording then records the new mode's instead of keeping it.
 */
export function isDefaultDecisionWording(item: {
  decision: string | null;
  decisionMode: string | null;
  proposal: string | null;
}): boolean {
  if (item.decision == null || item.decisionMode == null) return false;
  return item.decision === defaultDecisionWording(item.decisionMode, item.proposal);
}
