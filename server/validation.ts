import { z, type ZodType } from 'zod';
import { fromZodError } from './errors.js';

/** Parses input with a zod schema or throws BAD_USER_INPUT naming each field under `prefix`. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, prefix = 'input'): T {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** PostgreSQL text and jsonb cannot hold NUL; say so instead of failing in the database. */
const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Contains a NUL character';

/** A trimmed, non-empty line of text with a maximum length. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`).refine(noNul, NUL_MESSAGE);

/** Optional text: absent stays undefined (leave as is), empty or null becomes null (clear). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(noNul, NUL_MESSAGE)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

/** An ISO calendar date that exists (2022-10-04). */
export const isoDate = z.iso.date('Expected a date as YYYY-MM-DD');

/** The first variable path holding a NUL character, if any (refused before any resolver runs). */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'variables' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return undefined;
}
