import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  checkVariables,
  isoDate,
  isUuid,
  optionalLine,
  optionalText,
  parseInput,
  requiredLine,
  requiredText,
  storableJson,
  textProblem,
  unique,
  uniqueBy,
} from './validation.js';

describe('validation helpers', () => {
  it('keeps an absent optional text absent, and turns an empty one into null', () => {
    const schema = z.object({ a: optionalText(5), b: optionalText(5), c: optionalText(5) });
    expect(parseInput(schema, { b: '  ', c: ' x ' })).toEqual({ b: null, c: 'x' });
    expect('a' in parseInput(schema, {}) && parseInput(schema, {}).a !== undefined).toBe(false);
  });

  it('names the field under its input path', () => {
    const schema = z.object({ names: z.object({ fi: requiredText(3) }), date: isoDate });
    expect(() => parseInput(schema, { names: { fi: '' }, date: '2025-02-30' })).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ fields: { 'input.names.fi': 'Required', 'input.date': expect.any(String) } }),
      }),
    );
  });

  it('refuses a required text with no visible character, and a line break where a single line is asked for', () => {
    const schema = z.object({ title: requiredLine(20).optional(), body: requiredText(20).optional(), sv: optionalLine(20) });
    const fields = (input: unknown) => {
      try {
        parseInput(schema, input);
        return undefined;
      } catch (e) {
        return (e as { extensions: { fields: Record<string, string> } }).extensions.fields;
      }
    };
    expect(fields({ title: '\u200B\u200C\u200D', body: '\u2060\n\u00AD' })).toEqual({
      'input.title': 'Has no visible character',
      'input.body': 'Has no visible character',
    });
    expect(fields({ title: '  ' })).toEqual({ 'input.title': 'Required' });
    expect(fields({ title: 'a\nb', sv: 'a\u2028b' })).toEqual({
      'input.title': 'Must be a single line (no line breaks)',
      'input.sv': 'Must be a single line (no line breaks)',
    });
    expect(parseInput(schema, { title: ' Tarve\n', body: 'a\r\nb', sv: '' })).toEqual({
      title: 'Tarve',
      body: 'a\r\nb',
      sv: null,
    });
  });

  it('keeps each value of a sent list once, in the order first sent, as a schema transform too', () => {
    expect(unique(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
    expect(parseInput(z.object({ ids: z.array(z.string()).transform(unique) }), { ids: ['x', 'x', 'y'] })).toEqual({
      ids: ['x', 'y'],
    });
  });
});

describe('uniqueBy', () => {
  it('keeps the first record of each key, in the order first sent', () => {
    const byCode = uniqueBy((v: { code: string; label?: string }) => v.code);
    expect(byCode([{ code: 'a', label: '1' }, { code: 'b' }, { code: 'a', label: '2' }])).toEqual([
      { code: 'a', label: '1' },
      { code: 'b' },
    ]);
  });
});

describe('the edge checks of request input', () => {
  const nested = (depth: number) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  it('lets variables nest 32 levels and names the path of the first one deeper, without recursion', () => {
    expect(checkVariables({ x: nested(31) })).toBeUndefined();
    expect(checkVariables({ x: nested(33) })).toMatchObject({ message: expect.stringMatching(/deeper than 32/) });
    expect(checkVariables({ x: nested(100_000) })?.path).toMatch(/^x(\[0\]){32}$/);
  });

  it('finds NUL and lone surrogates in variables by their path, in document order', () => {
    expect(checkVariables({ input: { names: { fi: 'ok', sv: 'a\ud800b' }, title: 'a\u0000' } })).toEqual({
      path: 'input.names.sv',
      message: expect.stringMatching(/surrogate/),
    });
    expect(checkVariables({ list: ['ok', 'x\u0000'] })?.path).toBe('list[1]');
    expect(textProblem('emoji 😀 is well-formed')).toBeUndefined();
  });

  it('keeps years PostgreSQL and JavaScript agree on', () => {
    expect(isoDate.safeParse('1900-01-01').success).toBe(true);
    expect(isoDate.safeParse('0050-01-01').success).toBe(false);
    expect(isoDate.safeParse('2201-01-01').success).toBe(false);
  });

  it('reads UUIDs as PostgreSQL does in canonical form, any version', () => {
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('')).toBe(false);
    expect(isUuid('0c8a1b2e-1111-4111-8111-11111111111')).toBe(false);
  });

  it('makes logged variables storable: no NUL, no lone surrogate, nothing too deep', () => {
    expect(storableJson({ a: 'x\u0000y\ud800' })).toEqual({ a: 'xy\ufffd' });
    expect(storableJson({ x: nested(40) })).toBeNull();
  });
});

describe('parseInput words zod refusals for people', () => {
  const schema = z.object({
    title: requiredText(10).optional(),
    id: z.uuid('Expected an id').optional(),
    kind: z.enum(['A', 'B']).optional(),
    count: z.number().optional(),
    list: z.array(z.string()).optional(),
  });
  const fieldsOf = (raw: unknown) => {
    try {
      parseInput(schema, raw);
    } catch (err) {
      return (err as { extensions: { fields: Record<string, string> } }).extensions.fields;
    }
    throw new Error('accepted');
  };

  it('answers Required for null in a field that may not be cleared, whatever its type', () => {
    expect(fieldsOf({ title: null, id: null, kind: null, count: null, list: null })).toEqual({
      'input.title': 'Required',
      'input.id': 'Required',
      'input.kind': 'Required',
      'input.count': 'Required',
      'input.list': 'Required',
    });
  });

  it('says what a value of the wrong type should be, and keeps a field’s own message', () => {
    expect(fieldsOf({ title: 1, id: 'x', kind: 'C', count: 'x', list: 'x' })).toEqual({
      'input.title': 'Expected text',
      'input.id': 'Expected an id',
      'input.kind': 'Expected one of A, B',
      'input.count': 'Expected a number',
      'input.list': 'Expected a list',
    });
  });
});
