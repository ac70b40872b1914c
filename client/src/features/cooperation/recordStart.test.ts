import { describe, expect, it } from 'vitest';
import { firstAwaiting, recordValuesFor, type RecordChoice } from './recordStart';

const hankasalmi: RecordChoice = {
  party: { id: 'hankasalmi' },
  outcome: 'APPROVED',
  decidingBody: 'Kunnanvaltuusto',
  decisionDate: '2025-10-18',
  section: '§ 12',
  minutesUrl: null,
};
const joutsa: RecordChoice = { party: { id: 'joutsa' }, outcome: 'PENDING' };
const jyvaskyla: RecordChoice = { party: { id: 'jyvaskyla' }, outcome: 'PENDING' };
const empty = { decidingBody: '', decisionDate: '', section: '', minutesUrl: '', outcome: 'APPROVED' };

describe('where the ratification form starts', () => {
  it('on the first party still awaiting its decision, in the order listed, with empty fields', () => {
    const choices = [hankasalmi, joutsa, jyvaskyla];
    expect(firstAwaiting(choices)).toBe('joutsa');
    expect(recordValuesFor(choices, firstAwaiting(choices))).toEqual(empty);
  });

  it('on no party when every party has decided, so nothing is recorded over by mistake', () => {
    expect(firstAwaiting([hankasalmi])).toBe('');
    expect(recordValuesFor([hankasalmi], '')).toEqual(empty);
  });

  it("shows a decided party's record only when the user picks that party", () => {
    expect(recordValuesFor([hankasalmi, joutsa], 'hankasalmi')).toEqual({
      decidingBody: 'Kunnanvaltuusto',
      decisionDate: '2025-10-18',
      section: '§ 12',
      minutesUrl: '',
      outcome: 'APPROVED',
    });
  });
});
