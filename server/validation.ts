import { z, type ZodType } from 'zod';
import { badInput, fromZodError } from './errors.js';

/** How zod's own type checks are put to people, by the type a field expects. */
const EXPECTED: Record<string, string> = {
  string: 'Expected text',
  number: 'Expected a number',
  int: 'Expected a whole number',
  boolean: 'Expected true or false',
  array: 'Expected a list',
  object: 'Expected an object',
};

/**
 * Words for the refusals zod would otherwise word itself ("Invalid input: expected number, received
 * string"): a value of the wrong type or outside an enum says what it should be. A field's own message wins.
 */
export const humanIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected];
  if (issue.code === 'invalid_value') return `Expected one of ${issue.values.map(String).join(', ')}`;
  return undefined;
};

/** A required field's message (the client translates it). */
export const REQUIRED_MESSAGE = 'Required';

/**
 * A field sent as null (or left out) that may not be: `Required`, like an empty required text, whatever
 * the field's schema would have said of the value ("Invalid input: expected string, received null",
 * "Expected an id"). An update's null asks to clear, which a required field cannot be.
 */
const isMissing = (code: string, value: unknown): boolean =>
  (value === null || value === undefined) && (code === 'invalid_type' || code === 'invalid_value' || code === 'invalid_union');

/** Parses input with a zod schema or throws BAD_USER_INPUT naming each field under `prefix`. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, prefix = 'input'): T {
  const result = schema.safeParse(input, { error: humanIssue, reportInput: true });
  if (!result.success) {
    // The refused value stays out of the error (it is the caller's own and may be long).
    const issues = result.error.issues.map(
      ({ input: value, ...issue }) =>
        ({ ...issue, message: isMissing(issue.code, value) ? REQUIRED_MESSAGE : issue.message }) as z.core.$ZodIssue,
    );
    throw fromZodError(new z.ZodError(issues), prefix);
  }
  return result.data;
}

/**
 * The parsed fields the caller actually sent. optionalText turns an absent
 * key into null ("clear"), but in an update absent means "leave as is".
 */
function sentOnly<T extends Record<string, unknown>>(parsed: T, raw: unknown): Partial<T> {
  const sent = new Set(raw && typeof raw === 'object' ? Object.keys(raw) : []);
  return Object.fromEntries(Object.entries(parsed).filter(([k, v]) => sent.has(k) && v !== undefined)) as Partial<T>;
}

/** Parses an update's input (as parseInput) to the fields the caller sent; refuses one that changes nothing. */
export function parseChanges<T extends Record<string, unknown>>(schema: ZodType<T>, raw: unknown): Partial<T> {
  const input = sentOnly(parseInput(schema, raw), raw);
  if (Object.keys(input).length === 0) throw badInput({ input: 'Nothing to change' });
  return input;
}

/** PostgreSQL text and jsonb cannot hold NUL; say so instead of failing in the database. */
const noNul = (v: string) => !v.includes('\u0000');
const NUL_MESSAGE = 'Contains a NUL character';
const LONE_SURROGATE_MESSAGE = 'Contains a lone surrogate (not well-formed Unicode)';

/**
 * The invisible controls that override or embed a direction (U+202A–U+202E, U+2066–U+2069): with them a title can show
 * other words than it holds ("Trojan source"), so people's text never carries them; the letters of right-to-left
 * scripts need none of them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const noBidiControl = (v: string) => !BIDI_CONTROL.test(v);
const BIDI_MESSAGE = 'Contains an invisible direction control character (U+202A–U+202E or U+2066–U+2069)';

/**
 * Characters that show nothing: white space, controls, format characters (zero-width space, joiners, U+FEFF, soft
 * hyphen, direction marks) and the other default-ignorable code points (Hangul fillers, variation selectors). A
 * required text made only of them would be an empty, invisible title or name.
 */
const NOTHING_VISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;
const hasVisible = (v: string) => !NOTHING_VISIBLE.test(v);
/** Why a required text with characters but none visible is refused. */
const INVISIBLE_MESSAGE = 'Has no visible character';

/** A line break of any kind: CR, LF, the vertical tab and form feed, NEL, and the Unicode line and paragraph separators. */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
const oneLine = (v: string) => !LINE_BREAK.test(v);
/** Why a line break in a single-line field (a title, a name) is refused. */
const ONE_LINE_MESSAGE = 'Must be a single line (no line breaks)';

/** Text as every field takes it: trimmed, at most `max` characters, nothing PostgreSQL cannot hold, no direction controls. */
const text = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).refine(noNul, NUL_MESSAGE).refine(noBidiControl, BIDI_MESSAGE);

/**
 * Required text that may run over several lines (a comment, appeal instructions): trimmed, non-empty, with at least
 * one visible character, at most `max` characters.
 */
export const requiredText = (max: number) => text(max).min(1, REQUIRED_MESSAGE).refine(hasVisible, INVISIBLE_MESSAGE);

/** A required single line (a title, a name, a code): requiredText without line breaks. */
export const requiredLine = (max: number) => requiredText(max).refine(oneLine, ONE_LINE_MESSAGE);

/** Optional text: absent stays undefined (leave as is), empty or null becomes null (clear). */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

/** An optional single line (a name in Swedish or English, a location, a phone number): optionalText without line breaks. */
export const optionalLine = (max: number) =>
  text(max)
    .refine(oneLine, ONE_LINE_MESSAGE)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));

/** Text a filter searches for: trimmed, at most `max` characters, nothing PostgreSQL could not compare (see textProblem). */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(noNul, NUL_MESSAGE)
    .refine((v) => v.isWellFormed(), LONE_SURROGATE_MESSAGE);

/** The longest email address (RFC 5321's path limit): a longer one is refused before it is looked up or counted. */
const EMAIL_MAX_LENGTH = 254;

/** An email address as typed (trimmed, lower case), at most EMAIL_MAX_LENGTH characters; its form is not checked. */
export const emailText = z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH, `At most ${EMAIL_MAX_LENGTH} characters`);

/** An email address an account is given: emailText that is also a well-formed address. */
export const emailAddress = emailText.pipe(z.email('Not an email address'));

/** One theme code (a party's theme such as HYTE). */
export const themeCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z_]*$/, 'Expected theme codes such as HYTE');

/** Theme codes a body or a need is tagged with: at most 30. */
export const themeCodes = z.array(themeCode).max(30, 'At most 30 themes');

/**
 * Years an input date or date-time may have. Wider than any record here needs, narrow enough that
 * PostgreSQL and JavaScript agree (year 0 does not exist in PostgreSQL; JavaScript reads years 0-99 as 1900-1999).
 */
export const YEAR_RANGE = { min: 1900, max: 2200 } as const;
/** True when the year is within YEAR_RANGE. */
export const yearInRange = (year: number): boolean => year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
/** Why a date out of YEAR_RANGE is refused. */
export const YEAR_RANGE_MESSAGE = `The year must be between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`;

/** An ISO calendar date that exists (2022-10-04), in YEAR_RANGE (as the Date scalar). */
export const isoDate = z.iso
  .date('Expected a date as YYYY-MM-DD')
  .refine((v) => yearInRange(Number(v.slice(0, 4))), YEAR_RANGE_MESSAGE);

declare global {
  interface String {
    /** ES2024 (Node 20 has it; the ES2023 lib does not declare it): false when the string holds a lone surrogate. */
    isWellFormed(): boolean;
    /** ES2024: the string with each lone surrogate replaced by U+FFFD. */
    toWellFormed(): string;
  }
}

/** Deepest nesting of lists and objects in a request's variables (refused beyond it, before any coercion). */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * What PostgreSQL would refuse (or silently change) in a string, or undefined: NUL cannot be stored in
 * text or jsonb, a lone surrogate is refused by jsonb and turned into U+FFFD in text.
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return NUL_MESSAGE;
  if (!value.isWellFormed()) return LONE_SURROGATE_MESSAGE;
  return undefined;
}

/** A problem found in a request's input: where (an input path) and what. */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * The first problem in a request's variables: nesting deeper than MAX_VARIABLE_DEPTH, or a string with
 * a textProblem. Iterative, so a hostile payload (thousands of nested arrays) cannot exhaust the stack;
 * refused before any resolver runs, over HTTP and WebSocket alike.
 */
export function checkVariables(variables: unknown, opts: { depthOnly?: boolean } = {}): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const message = opts.depthOnly ? undefined : textProblem(value);
      if (message) return { path: path || 'variables', message };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_VARIABLE_DEPTH)
      return { path: path || 'variables', message: `Nested deeper than ${MAX_VARIABLE_DEPTH} levels` };
    // Pushed in reverse so that the first problem in document order is found first.
    const children: { value: unknown; path: string; depth: number }[] = Array.isArray(value)
      ? value.map((v, i) => ({ value: v, path: `${path}[${i}]`, depth: depth + 1 }))
      : Object.entries(value).map(([k, v]) => ({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID as PostgreSQL's uuid type reads it in canonical form (any version, the nil UUID too): an id
 * that is not one is answered as not found (or refused), never sent to the database to fail there.
 */
export const isUuid = (value: string): boolean => UUID_RE.test(value);

/** A list the caller sent, each value once, in the order first sent. */
export const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];

/** A list of records the caller sent, each `key` once: the first sent kept, in the order first sent. */
export const uniqueBy =
  <T>(key: (value: T) => string) =>
  (list: readonly T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((value) => {
      const k = key(value);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

/**
 * A copy of request variables that jsonb can hold, for logs that must never fail: NUL dropped, lone
 * surrogates replaced (U+FFFD); null when nested too deep to store.
 */
export function storableJson(value: unknown): unknown {
  if (value == null) return null;
  if (checkVariables(value, { depthOnly: true })) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '').toWellFormed() : v)),
  );
}
