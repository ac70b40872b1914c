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
