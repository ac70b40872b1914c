import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isoDate, optionalText, parseInput, requiredText } from './validation.js';

describe('validation helpers', () => {
  it('keeps an absent optional text absent, and turns an empty one into null', () => {
    const schema = z.object({ a: optionalText(5), b: optionalText(5), c: optionalText(5) });
    expect(parseInput(schema, { b: '  ', c: ' x ' })).toEqual({ b: null, c: 'x' });
    expect('a' in parseInput(schema, {}) && parseInput(schema, {}).a !== undefined).toBe(false);
  });

  it('names the field under its input path', () => {
    const schema = z.object({ names: z.object({ fi: requiredText(3) }), date: isoDate });
    try {
      parseInput(schema, { names: { fi: '' }, date: '2025-02-30' });
      expect.unreachable();
    } catch (e) {
      expect((e as { extensions: { fields: Record<string, string> } }).extensions.fields).toEqual({
        'input.names.fi': 'Required',
        'input.date': expect.any(String),
      });
    }
  });
});
