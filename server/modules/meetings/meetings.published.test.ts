import { describe, expect, it } from 'vitest';
import { REMOVED_NAME, withoutPersonalData } from './meetings.published.js';
import type { PublishedMinutesValue } from './meetings.table.js';

const copy: PublishedMinutesValue = {
  bodyName: { fi: 'Kuntakokous' },
  title: 'Kevätkokous',
  startsAt: '2026-03-01T09:00:00.000Z',
  location: null,
  chair: 'Mikko Esimerkki (demo)',
  secretary: 'Kari Harjoitus (demo)',
  attendance: [{ name: 'Aino Demola (demo)', party: 'Jyväskylä', status: 'PRESENT', deputyFor: null }],
  items: [
    {
      section: 1,
      title: 'Avaus',
      publicity: 'PUBLIC',
      legalBasis: null,
      caseNumber: null,
      presenter: 'Mikko Esimerkki (demo)',
      preparer: null,
      proposal: 'Puheenjohtaja Mikko Esimerkki avaa kokouksen.',
      handling: null,
      decision: 'Avattiin.',
      decisionMode: 'NOTED',
      votes: null,
    },
  ],
  minutesText: 'Aino Demola esitteli asian. Jyväskylä kannatti.',
};

describe('withoutPersonalData', () => {
  it('drops names from the structured fields and replaces them in free text, keeping parties and decisions', () => {
    const out = withoutPersonalData(copy);
    expect(out.chair).toBeNull();
    expect(out.attendance[0]).toEqual({ name: null, party: 'Jyväskylä', status: 'PRESENT', deputyFor: null });
    expect(out.items[0]!.presenter).toBeNull();
    expect(out.items[0]!.proposal).toBe(`Puheenjohtaja ${REMOVED_NAME} avaa kokouksen.`);
    expect(out.minutesText).toBe(`${REMOVED_NAME} esitteli asian. Jyväskylä kannatti.`);
    expect(out.items[0]!.decision).toBe('Avattiin.');
  });
});
