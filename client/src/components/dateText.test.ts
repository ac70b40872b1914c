import { describe, expect, it } from 'vitest';
import {
  dateExample,
  dateFieldValue,
  dateTextToIso,
  isoToDateText,
  isoToTimeText,
  joinDateTime,
  splitDateTime,
  timeTextToIso,
} from './dateText';

describe('date and time text of the design system’s fields', () => {
  it('shows ISO dates the Finnish way and reads them back', () => {
    expect(isoToDateText('2026-03-05')).toBe('5.3.2026');
    expect(isoToDateText('')).toBe('');
    for (const text of ['5.3.2026', ' 05.03.2026 ']) expect(dateTextToIso(text), text).toBe('2026-03-05');
  });

  it('refuses text that is not a real date', () => {
    for (const text of ['31.2.2026', '2026-03-05', '5.3.']) expect(dateTextToIso(text), text).toBeUndefined();
  });

  it('reads a day-first date with ".", "/" or "-" and one or two digits for the day and month, in every language', () => {
    for (const text of ['31/12/2026', '31-12-2026']) expect(dateTextToIso(text), text).toBe('2026-12-31');
    for (const text of ['5/3/2026', '05/03/2026', '5-3-2026']) expect(dateTextToIso(text), text).toBe('2026-03-05');
    expect(dateTextToIso(' 29.2.2028 ')).toBe('2028-02-29');
    expect(dateFieldValue('31/12/2026')).toBe('2026-12-31');
  });

  it('refuses a date that mixes separators, is month first or has a short year', () => {
    for (const text of ['31.12/2026', '12/31/2026', '31/12/26', '29/2/2026', '123.1.2026', '31 12 2026'])
      expect(dateTextToIso(text), text).toBeUndefined();
  });

  it('writes a date the way the UI language writes dates, and reads it back', () => {
    expect(isoToDateText('2026-03-05', 'fi')).toBe('5.3.2026');
    expect(isoToDateText('2026-03-05', 'sv')).toBe('5.3.2026');
    expect(isoToDateText('2026-03-05', 'en')).toBe('05/03/2026');
    for (const lang of ['fi', 'sv', 'en'] as const) expect(dateTextToIso(isoToDateText('2026-12-31', lang))).toBe('2026-12-31');
    expect(isoToDateText('5.3.', 'en')).toBe('5.3.');
    expect(dateExample('fi')).toBe('31.12.2026');
    expect(dateExample('sv')).toBe('31.12.2026');
    expect(dateExample('en')).toBe('31/12/2026');
  });

  it('gives a form an empty value, an ISO date, or the text as typed for the form to refuse', () => {
    expect(dateFieldValue('  ')).toBe('');
    expect(dateFieldValue('1.1.2027')).toBe('2027-01-01');
    expect(dateFieldValue('32.1.2027')).toBe('32.1.2027');
  });

  it('reads a time of day in the usual ways', () => {
    for (const text of ['9.30', '09:30', '930']) expect(timeTextToIso(text), text).toBe('09:30');
    expect(timeTextToIso('14')).toBe('14:00');
    for (const text of ['24.00', '9.75']) expect(timeTextToIso(text), text).toBeUndefined();
    expect(isoToTimeText('09:30')).toBe('9.30');
  });

  it('splits and joins a datetime-local value', () => {
    expect(splitDateTime('2026-12-12T10:00')).toEqual(['2026-12-12', '10:00']);
    expect(splitDateTime('')).toEqual(['', '']);
    expect(joinDateTime('2026-12-12', '10:00')).toBe('2026-12-12T10:00');
    expect(joinDateTime('', '')).toBe('');
    // A part missing stays visible in the value, so the form marks that part.
    expect(joinDateTime('2026-12-12', '')).toBe('2026-12-12T');
    expect(joinDateTime('', '10:00')).toBe('T10:00');
    expect(splitDateTime('T25:61')).toEqual(['', '25:61']);
  });
});
