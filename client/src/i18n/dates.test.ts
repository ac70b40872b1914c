import { describe, expect, it } from 'vitest';
import { calendarDate, yearInFinland } from './dates';

describe('calendarDate', () => {
  it('writes a real day as ISO and refuses days that do not exist', () => {
    expect(calendarDate(2026, 3, 5)).toBe('2026-03-05');
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2026, 2, 29)).toBeUndefined();
    expect(calendarDate(2026, 13, 1)).toBeUndefined();
    expect(calendarDate(Number.NaN, 1, 1)).toBeUndefined();
  });
});

describe('yearInFinland', () => {
  it('turns to the new year at midnight in Finland, before it does in UTC', () => {
    expect(yearInFinland(new Date('2026-12-31T21:59:59Z'))).toBe(2026);
    expect(yearInFinland(new Date('2026-12-31T22:00:00Z'))).toBe(2027);
  });
});
