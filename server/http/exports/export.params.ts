import type { Request } from 'express';
import type { ZodType } from 'zod';
import { AppError, badInput } from '../../errors.js';
import { checkVariables, isUuid, parseInput } from '../../validation.js';
import { listParam, oneParam } from './export.format.js';

/**
 * Refuses a query any of whose values PostgreSQL could not hold (NUL, a lone surrogate), naming the parameter:
 * the check the GraphQL gate makes of every variable, made of every export's parameters before they are read.
 */
export function checkQueryText(query: Request['query']): void {
  const problem = checkVariables(query);
  if (problem) throw badInput({ [problem.path]: problem.message });
}

/**
 * Parses an API input gathered from query parameters with the API's own schema (the same parse its GraphQL
 * field makes); a refusal names the query parameter (`paramOf`: input field → parameter), not the input field.
 */
export function parseParams<T>(schema: ZodType<T>, input: unknown, paramOf: Readonly<Record<string, string>>): T {
  try {
    return parseInput(schema, input, '');
  } catch (err) {
    const fields = err instanceof AppError ? (err.extensions.fields as Record<string, string> | undefined) : undefined;
    if (!fields) throw err;
    const named: Record<string, string> = {};
    for (const [path, message] of Object.entries(fields)) {
      const field = path.split(/[.[]/)[0] ?? path;
      named[paramOf[field] ?? field] ??= message;
    }
    throw badInput(named);
  }
}

/** `columns=keys`: stable keys and codes for tools (true); not sent: words (false); anything else is BAD_USER_INPUT. */
export function keysParam(query: Request['query']): boolean {
  const columns = oneParam(query.columns);
  if (columns !== undefined && columns !== 'keys') throw badInput({ columns: 'Expected keys' });
  return columns === 'keys';
}

/** An optional id parameter: BAD_USER_INPUT naming it when it is not an id (never sent to the database). */
export function idParam(query: Request['query'], name: string): string | undefined {
  const id = oneParam(query[name]);
  if (id !== undefined && !isUuid(id)) throw badInput({ [name]: 'Expected an id' });
  return id;
}

/** A list of ids (repeated or comma separated): BAD_USER_INPUT naming the parameter when one is not an id. */
export function idsParam(query: Request['query'], name: string): string[] {
  const ids = listParam(query[name]);
  if (ids.some((id) => !isUuid(id))) throw badInput({ [name]: 'Expected ids' });
  return ids;
}

/** A party as a code names it, and how to read the parties a code is looked up among. */
type PartyCode = { id: string; code: string | null };
type PartyCodes = () => Promise<readonly PartyCode[]>;

/**
 * A party named by id or official code (`179`; the county's and the region's have two digits, a municipality's
 * three, a dropped leading zero restored) → its id; a code none of `parties` has is BAD_USER_INPUT naming the
 * parameter: "No party has the code abc" (`noun` says which parties were looked in).
 */
function partyIdOf(value: string, parties: readonly PartyCode[], name: string, noun: string): string {
  if (isUuid(value)) return value;
  const party = parties.find((p) => p.code === value) ?? parties.find((p) => p.code === value.padStart(3, '0'));
  if (!party) throw badInput({ [name]: `No ${noun} has the code ${value}` });
  return party.id;
}

/** A parameter naming one party by id or official code (see `partyIdsParam`). */
export async function partyIdParam(value: string, name: string, noun: 'party' | 'municipality', parties: PartyCodes) {
  const [id] = await partyIdsParam([value], name, noun, parties);
  return id!;
}

/** A parameter naming parties by ids or official codes (repeated or comma separated; see `partyIdOf`); `parties` is read only for a code. */
export async function partyIdsParam(
  values: readonly string[],
  name: string,
  noun: 'party' | 'municipality',
  parties: PartyCodes,
): Promise<string[]> {
  if (values.every(isUuid)) return [...values];
  const all = await parties();
  return values.map((value) => partyIdOf(value, all, name, noun));
}
