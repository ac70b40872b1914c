import { z, type ZodType } from 'zod';
import { fromZodError } from './errors.js';

/** Parses input with a zod schema or throws BAD_USER_INPUT naming each field under `prefix`. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, prefix = 'input'): T {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** A trimmed, non-empty line of text with a maximum length. */
export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

/** Optional text: absent stays undefined (leave as is), empty or null becomes null (clear). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

/** An ISO calendar date that exists (2022-10-04). */
export const isoDate = z.iso.date('Expected a date as YYYY-MM-DD');
