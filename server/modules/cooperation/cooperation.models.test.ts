import { describe, expect, it } from 'vitest';
import { isCurrentMembership, overlappingMembership } from './cooperation.models.js';

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

describe('overlappingMembership', () => {
  const day = '2026-12-03';
  const seat = (id: string, startsOn: string | null, endsOn: string | null) => ({ id, startsOn, endsOn });
  it('finds a current or future seat whose term meets the new one, open ends reaching forever', () => {
    expect(overlappingMembership(seat('n', null, null), [seat('a', null, null)], day)?.id).toBe('a');
    expect(overlappingMembership(seat('n', '2027-01-01', null), [seat('a', null, '2027-01-01')], day)?.id).toBe('a');
    expect(overlappingMembership(seat('n', null, '2027-01-01'), [seat('a', '2027-01-01', null)], day)?.id).toBe('a');
  });
  it('lets terms that do not meet, and history on either side, through', () => {
    expect(overlappingMembership(seat('n', '2027-01-02', null), [seat('a', null, '2027-01-01')], day)).toBeUndefined();
    expect(overlappingMembership(seat('n', null, '2027-01-01'), [seat('a', '2027-01-02', null)], day)).toBeUndefined();
    expect(overlappingMembership(seat('n', null, null), [seat('a', null, '2026-12-02')], day)).toBeUndefined();
    expect(overlappingMembership(seat('n', null, '2026-12-02'), [seat('a', null, null)], day)).toBeUndefined();
  });
});
