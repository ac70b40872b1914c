import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  findById,
  findByIds,
  type FindOptions,
  insertOne,
  insertRows,
  listOptionallyWhere,
  listWhereIn,
} from '../../lib/rows.js';
import { today } from '../../lib/dates.js';
import { updateIfVersion } from '../../lib/versioned.js';
import { persons } from '../parties/persons.table.js';
import {
  cooperationBodies,
  currentMembershipWhere,
  memberships,
  type CooperationBodyRow,
  type MembershipRow,
} from './cooperation.table.js';

export type NewBody = typeof cooperationBodies.$inferInsert;
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

/** Bodies by id (for DataLoader). */
export const findBodiesByIds = (db: Db, ids: readonly string[]) => findByIds(db, cooperationBodies, ids);

/** One body, locked for update when inside a write. */
export const findBody = (db: Db, id: string, opts?: FindOptions) => findById(db, cooperationBodies, id, opts);

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

/** Inserts bodies. */
export const insertBodies = (tx: Db, rows: NewBody[]) => insertRows(tx, cooperationBodies, rows);
/** Inserts one body and returns it as stored. */
export const insertBody = (tx: Db, row: NewBody) => insertOne(tx, cooperationBodies, row, 'body');

/** What `updateBodyIfVersion` may change. */
export type BodyChanges = Partial<Omit<NewBody, 'id' | 'version'>>;

/** Applies changes if the version still matches; undefined when it did not. */
export const updateBodyIfVersion = (tx: Db, id: string, expectedVersion: number, changes: BodyChanges) =>
  updateIfVersion(tx, cooperationBodies, id, expectedVersion, changes);

// ---- memberships ----

/** Memberships of several bodies, current ones first, by party and role (for DataLoader). */
export const listMembershipsOfBodies = (db: Db, bodyIds: readonly string[]) =>
  listWhereIn(db, memberships, memberships.bodyId, bodyIds, asc(memberships.bodyId), asc(memberships.createdAt));

/** One membership, locked for update when inside a write. */
export const findMembership = (db: Db, id: string, opts?: FindOptions) => findById(db, memberships, id, opts);

/** Every membership (ended ones too) of a person in a body, read in the caller's transaction. */
export const listMembershipsOfPersonInBody = (db: Db, personId: string, bodyId: string): Promise<MembershipRow[]> =>
  db
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.bodyId, bodyId)));

/** Inserts memberships. */
export const insertMemberships = (tx: Db, rows: NewMembership[]) => insertRows(tx, memberships, rows);
/** Inserts one membership and returns it as stored. */
export const insertMembership = (tx: Db, row: NewMembership) => insertOne(tx, memberships, row, 'membership');

/** What `updateMembershipIfVersion` may change. */
export type MembershipChanges = Partial<Pick<MembershipRow, 'role' | 'capacity' | 'startsOn' | 'endsOn'>>;

/** Applies changes if the version still matches; undefined when it did not. */
export const updateMembershipIfVersion = (tx: Db, id: string, expectedVersion: number, changes: MembershipChanges) =>
  updateIfVersion(tx, memberships, id, expectedVersion, changes);

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
