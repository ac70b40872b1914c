import { describe, expect, it } from 'vitest';
import { mayRecordNeeds } from './needsAccess';

const party = { id: 'p1' };

describe('mayRecordNeeds', () => {
  it('lets the secretariat record needs, with or without a party', () => {
    expect(mayRecordNeeds({ roles: ['SECRETARIAT'], party: null })).toBe(true);
    expect(mayRecordNeeds({ roles: ['SECRETARIAT', 'ANALYST'], party })).toBe(true);
  });

  it("lets a party's representative record needs, but not one without a party (the server refuses them)", () => {
    expect(mayRecordNeeds({ roles: ['PARTY_REPRESENTATIVE'], party })).toBe(true);
    expect(mayRecordNeeds({ roles: ['PARTY_REPRESENTATIVE'], party: null })).toBe(false);
  });

  it('refuses analysts, people without these roles and no one signed in', () => {
    expect(mayRecordNeeds({ roles: ['ANALYST'], party: null })).toBe(false);
    expect(mayRecordNeeds({ roles: ['ANALYST'], party })).toBe(false);
    expect(mayRecordNeeds({ roles: [], party })).toBe(false);
    expect(mayRecordNeeds(null)).toBe(false);
    expect(mayRecordNeeds(undefined)).toBe(false);
  });
});
