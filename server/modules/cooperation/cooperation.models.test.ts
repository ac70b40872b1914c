import { describe, expect, it } from 'vitest';
import { isCurrentMembership } from './cooperation.models.js';

describe('isCurrentMembership', () => {
  const day = '2026-12-03';
  it('holds from its first day to its last, both inclusive, and when either end is open', () => {
    expect(isCurrentMembership({ startsOn: null, endsOn: null }, day)).toBe(true);
    expect(isCurrentMembership({ startsOn: day, endsOn: day }, day)).toBe(true);
    expect(isCurrentMembership({ startsOn: '2024-01-01', endsOn: null }, day)).toBe(true);
    expect(isCurrentMembership({ endsOn: '2027-01-01' }, day)).toBe(true);
  });
  it('does not hold before it starts or after it ends', () => {
    expect(isCurrentMembership({ startsOn: '2026-12-04', endsOn: null }, day)).toBe(false);
    expect(isCurrentMembership({ startsOn: null, endsOn: '2026-12-02' }, day)).toBe(false);
  });
});
