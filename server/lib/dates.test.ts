import { describe, expect, it } from 'vitest';
import { addDays, atHelsinkiClock, helsinkiDay, helsinkiIso, helsinkiYear, isOverdue, today } from './dates.js';

describe('today', () => {
  it('is the date on the clock in Finland, which turns two or three hours before the UTC date does', () => {
    expect(today(new Date('2026-12-31T21:59:59Z'))).toBe('2026-12-31');
    expect(today(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01');
    expect(today(new Date('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
    expect(today(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
  });

  it('dates today on the clock in Finland (moved here from the quorum tests)', () => {
    expect(today(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });
});

describe('isOverdue', () => {
  it('counts a due date as overdue from the day after it in Finland, and nothing without a due date', () => {
    const justAfterMidnightInFinland = new Date('2026-12-03T22:30:00Z');
    expect(isOverdue('2026-12-03', justAfterMidnightInFinland)).toBe(true);
    expect(isOverdue('2026-12-04', justAfterMidnightInFinland)).toBe(false);
    expect(isOverdue('2026-12-03', new Date('2026-12-03T21:30:00Z'))).toBe(false);
    expect(isOverdue(null, justAfterMidnightInFinland)).toBe(false);
  });
});

describe('helsinkiDay, helsinkiYear and helsinkiIso', () => {
  it('read a moment on the clock in Finland across the year and summer time boundaries', () => {
    expect(helsinkiDay(new Date('2026-03-28T22:30:00Z'))).toBe('2026-03-29');
    expect(helsinkiYear(new Date('2026-12-31T22:30:00Z'))).toBe(2027);
    expect(helsinkiYear(new Date('2026-12-31T21:30:00Z'))).toBe(2026);
    expect(helsinkiIso(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T03:59:59+03:00');
    expect(helsinkiIso(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T03:00:00+02:00');
  });
});

describe('atHelsinkiClock', () => {
  it('is the moment the clock in Finland shows, in summer (UTC+3) and in winter (UTC+2) time', () => {
    expect(atHelsinkiClock('2026-10-20', 9).toISOString()).toBe('2026-10-20T06:00:00.000Z');
    expect(atHelsinkiClock('2026-12-04', 9).toISOString()).toBe('2026-12-04T07:00:00.000Z');
    expect(atHelsinkiClock('2026-10-25', 9, 30).toISOString()).toBe('2026-10-25T07:30:00.000Z');
    expect(atHelsinkiClock('2027-01-01', 0, 30).toISOString()).toBe('2026-12-31T22:30:00.000Z');
    expect(helsinkiIso(atHelsinkiClock('2026-07-01', 9))).toBe('2026-07-01T09:00:00+03:00');
  });
});

describe('addDays', () => {
  it('counts calendar days over month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-03', 30)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
  });
});

describe('helsinkiIso', () => {
  it('writes a moment on the clock in Finland with its offset, winter and summer', () => {
    expect(helsinkiIso(new Date('2026-12-03T07:15:00Z'))).toBe('2026-12-03T09:15:00+02:00');
    expect(helsinkiIso(new Date('2026-06-30T21:30:05.999Z'))).toBe('2026-07-01T00:30:05+03:00');
  });

  it('follows the change to summer time at 03:00 local time on the last Sunday of March', () => {
    expect(helsinkiIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T02:59:59+02:00');
    expect(helsinkiIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T04:00:00+03:00');
  });
});
