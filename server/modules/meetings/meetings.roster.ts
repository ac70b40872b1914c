import { MEMBER_ROLES } from '../cooperation/cooperation.inputs.js';
import { isCurrentMembership } from '../cooperation/cooperation.models.js';
import type { Loaders } from '../loaders.js';

/**
 * The order of a meeting's people wherever they are listed (the room's attendance table, the attendance the
 * checkers are chosen from, the published minutes and their PDF): by role as minutes list them (the chair,
 * the vice chair, the members, the deputy members, then the secretary, presenters, experts and observers,
 * and last whoever holds no role in the body), then by name in Finnish collation, then by id so that equal
 * names keep one order.
 */
export const ROLE_ORDER: readonly string[] = MEMBER_ROLES;

/** What a person is ordered by: their roles in the body (the first in ROLE_ORDER counts), name and id. */
export interface RosterKey {
  roles: readonly string[];
  name: string;
  id: string;
}

const collator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

const rank = (roles: readonly string[]) =>
  Math.min(ROLE_ORDER.length, ...roles.map((r) => (ROLE_ORDER.includes(r) ? ROLE_ORDER.indexOf(r) : ROLE_ORDER.length)));

/** Compares two people in roster order. */
export function compareRoster(a: RosterKey, b: RosterKey): number {
  return rank(a.roles) - rank(b.roles) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The rows in roster order (a sorted copy). */
export function inRosterOrder<T>(rows: readonly T[], key: (row: T) => RosterKey): T[] {
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  return keyed.sort((a, b) => compareRoster(a.key, b.key)).map((k) => k.row);
}

/**
 * Rows naming a person (attendance, checkers), in roster order: roles from the body's memberships that hold on
 * `day` (YYYY-MM-DD, the meeting's day), names from the persons, both through the request's loaders.
 */
export async function peopleInRosterOrder<T>(
  loaders: Loaders,
  bodyId: string,
  day: string,
  rows: readonly T[],
  personIdOf: (row: T) => string,
): Promise<T[]> {
  const memberships = (await loaders.cooperation.membershipsByBodyId.load(bodyId)).filter((m) => isCurrentMembership(m, day));
  const people = await loaders.persons.personById.loadMany(rows.map(personIdOf));
  const names = new Map(people.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.name] as const] : [])));
  return inRosterOrder(rows, (row) => {
    const id = personIdOf(row);
    return { roles: memberships.filter((m) => m.personId === id).map((m) => m.role), name: names.get(id) ?? '', id };
  });
}

/** Memberships (a body's participants) in roster order: by their role, then the person's name. */
export async function membershipsInRosterOrder<T extends { personId: string; role: string }>(
  loaders: Loaders,
  rows: readonly T[],
): Promise<T[]> {
  const people = await loaders.persons.personById.loadMany(rows.map((m) => m.personId));
  const names = new Map(people.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.name] as const] : [])));
  return inRosterOrder(rows, (m) => ({ roles: [m.role], name: names.get(m.personId) ?? '', id: m.personId }));
}
