import { Kind, parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('Date', () => {
  it('takes real calendar dates within the years 1900-2200 and keeps them as sent', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2200-12-31' })).toBe('2200-12-31');
    expect(refusal(() => DateScalar.parseValue('2023-02-29'))).toBe('Expected a date as YYYY-MM-DD');
    expect(refusal(() => DateScalar.parseValue('2026-6-15'))).toBe('Expected a date as YYYY-MM-DD');
    expect(refusal(() => DateScalar.parseValue(20260615))).toBe('Expected a date as YYYY-MM-DD');
    expect(refusal(() => DateScalar.parseValue('1899-12-31'))).toBe(
      'Expected a date as YYYY-MM-DD; the year must be between 1900 and 2200',
    );
  });
});

describe('DateTime', () => {
  it('takes RFC 3339 moments with an offset, also without seconds, and answers in UTC', () => {
    expect((DateTimeScalar.parseValue('2026-06-15T09:00:00.123+03:00') as Date).toISOString()).toBe('2026-06-15T06:00:00.123Z');
    expect((DateTimeScalar.parseValue('2026-11-28T09:00Z') as Date).toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date('2026-06-15T09:00:00+03:00'))).toBe('2026-06-15T06:00:00.000Z');
  });

  it('refuses a moment without an offset, an hour that does not exist and years outside 1900-2200', () => {
    expect(refusal(() => DateTimeScalar.parseValue('2026-06-15T09:00:00'))).toBe('Expected an ISO 8601 date-time with offset');
    expect(refusal(() => DateTimeScalar.parseValue('2026-06-15T25:00:00Z'))).toBe('Expected an ISO 8601 date-time with offset');
    expect(refusal(() => DateTimeScalar.parseValue('0000-01-01T00:00:00Z'))).toMatch(/year must be between 1900 and 2200/);
  });
});

describe('JSON', () => {
  it('reads literals with variables inside them', () => {
    expect(JSONScalar.parseLiteral(parseValue('{ a: [1, "x", $v], b: null }'), { v: 7 })).toEqual({ a: [1, 'x', 7], b: null });
  });
});
