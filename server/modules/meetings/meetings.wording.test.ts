import { describe, expect, it } from 'vitest';
import { defaultDecisionWording, defaultDecisionWordings, isDefaultDecisionWording } from './meetings.wording.js';

describe('the wording recorded without one', () => {
  it('is per mode the standard phrase or the proposal, none when there is no proposal', () => {
    expect(defaultDecisionWordings('  Hyväksytään. ')).toEqual([
      { mode: 'UNANIMOUS', wording: 'Hyväksytään.', source: 'PROPOSAL' },
      { mode: 'VOTE', wording: 'Hyväksytään.', source: 'PROPOSAL' },
      { mode: 'TABLED', wording: 'Asia jätettiin pöydälle.', source: 'STANDARD_PHRASE' },
      { mode: 'RETURNED_FOR_PREPARATION', wording: 'Asia palautettiin valmisteluun.', source: 'STANDARD_PHRASE' },
      { mode: 'NOTED', wording: 'Hyväksytään.', source: 'PROPOSAL' },
    ]);
    // The same answer recordDecision gives, mode by mode.
    for (const d of defaultDecisionWordings(' ')) expect(d.wording).toBe(defaultDecisionWording(d.mode, ' '));
    expect(
      defaultDecisionWordings(null)
        .filter((d) => d.source === 'NONE')
        .map((d) => d.mode),
    ).toEqual(['UNANIMOUS', 'VOTE', 'NOTED']);
  });

  it('is the recorded decision only for the mode it was recorded with', () => {
    const item = (decision: string | null, decisionMode: string | null, proposal: string | null = 'Hyväksytään.') => ({
      decision,
      decisionMode,
      proposal,
    });
    expect(isDefaultDecisionWording(item('Asia jätettiin pöydälle.', 'TABLED'))).toBe(true);
    expect(isDefaultDecisionWording(item('Hyväksytään.', 'UNANIMOUS', ' Hyväksytään. '))).toBe(true);
    expect(isDefaultDecisionWording(item('Hyväksytään muutoksin.', 'UNANIMOUS'))).toBe(false);
    expect(isDefaultDecisionWording(item('Asia palautettiin valmisteluun.', 'TABLED'))).toBe(false);
    expect(isDefaultDecisionWording(item('Hyväksytään.', 'TABLED'))).toBe(false);
    expect(isDefaultDecisionWording(item(null, null))).toBe(false);
  });
});
