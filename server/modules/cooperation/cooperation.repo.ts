import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { listOptionallyWhere, listWhereIn, versionedRows } from '../../lib/rows.js';
import { today } from '../../lib/dates.js';
import { persons } from '../parties/persons.table.js';
import {
  cooperationBodies,
  currentMembershipWhere,
  memberships,
  type CooperationBodyRow,
  type MembershipRow,
} from './cooperation.table.js';

export type NewMembership = typeof memberships.$inferInsert;

const TIER_RANK = sql`case ${cooperationBodies.tier} when 'STRATEGIC' then 1 when 'STEERING' then 2 when 'COORDINATION' then 3 else 4 end`;
/** A membership counts until the day it ends, on the clock in Finland. */
const isActive = (): SQL => currentMembershipWhere(today());

// ---- bodies ----

/** Bodies, optionally of one tier, highest tier first, then by Finnish name. */
export const listBodies = (db: Db, tier?: string | null): Promise<CooperationBodyRow[]> =>
  listOptionallyWhere(
    db,
    cooperationBodies,
    cooperationBodies.tier,
    tier,
    TIER_RANK,
    asc(sql`${cooperationBodies.names}->>'fi'`),
  );

/** Bodies: one by id (locked for update inside a write), by ids, inserts and versioned changes (lib/rows.ts). */
export const bodyRows = versionedRows(cooperationBodies, 'body');

/** Children of several bodies (for DataLoader). */
export const listChildren = (db: Db, parentIds: readonly string[]) =>
  listWhereIn(
    db,
    cooperationBodies,
    cooperationBodies.parentId,
    parentIds,
    TIER_RANK,
    asc(sql`${cooperationBodies.names}->>'fi'`),
  );

// ---- memberships ----

/** Memberships of several bodies, current ones first, by party and role (for DataLoader). */
export const listMembershipsOfBodies = (db: Db, bodyIds: readonly string[]) =>
  listWhereIn(db, memberships, memberships.bodyId, bodyIds, asc(memberships.bodyId), asc(memberships.createdAt));

/** Memberships: one by id (locked for update inside a write), inserts and versioned changes. */
export const membershipRows = versionedRows<typeof memberships, MembershipChanges>(memberships, 'membership');

/** Every membership (ended ones too) of a person in a body, read in the caller's transaction. */
export const listMembershipsOfPersonInBody = (db: Db, personId: string, bodyId: string): Promise<MembershipRow[]> =>
  db
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.bodyId, bodyId)));

/** What `membershipRows.updateIfVersion` may change. */
export type MembershipChanges = Partial<Pick<MembershipRow, 'role' | 'capacity' | 'startsOn' | 'endsOn'>>;

/** The roles a user (through the persons linked to the account) holds now in a body. */
export async function activeRolesOfUserInBody(db: Db, userId: string, bodyId: string): Promise<string[]> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(persons.userId, userId), eq(memberships.bodyId, bodyId), isActive()));
  return rows.map((r) => r.role);
}

/** True when the user chairs or is the secretary of some body now. */
export async function userRunsSomeBody(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(persons.userId, userId), inArray(memberships.role, ['CHAIR', 'SECRETARY']), isActive()))
    .limit(1);
  return row !== undefined;
}

/** Each user's current roles per body, through the persons linked to the account (for DataLoader and policies). */
export async function activeRolesOfUsers(
  db: Db,
  userIds: readonly string[],
): Promise<{ key: string; bodyId: string; role: string }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ key: persons.userId, bodyId: memberships.bodyId, role: memberships.role })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(inArray(persons.userId, [...userIds]), isActive()));
  return rows.map((r) => ({ key: r.key ?? '', bodyId: r.bodyId, role: r.role }));
}

/** Bodies where each person has a current membership (for DataLoader). */
export function activeBodyIdsOfPersons(db: Db, personIds: readonly string[]): Promise<{ key: string; bodyId: string }[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .select({ key: memberships.personId, bodyId: memberships.bodyId })
    .from(memberships)
    .where(and(inArray(memberships.personId, [...personIds]), isActive()));
}
