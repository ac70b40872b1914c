/** Agreements, their sections and ratifications, and the negotiations: the tables agreements.service.ts keeps. */
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findById, findByIds, findOne, type FindOptions, insertOne, insertRows, listWhereIn } from '../../lib/rows.js';
import { updateIfVersion, versionBump } from '../../lib/versioned.js';
import { parties, populationFigures } from '../parties/parties.table.js';
import {
  agreementParties,
  agreements,
  agreementSections,
  negotiationParties,
  negotiations,
  ratifications,
  type AgreementRow,
  type AgreementSectionRow,
  type NegotiationRow,
  type RatificationRow,
} from './cooperation.table.js';

export type NewAgreement = typeof agreements.$inferInsert;
export type NewSection = typeof agreementSections.$inferInsert;
export type NewNegotiation = typeof negotiations.$inferInsert;
export type NewRatification = typeof ratifications.$inferInsert;

/**
 * The party ids a party link table holds for several of its owners (`owner` the column naming them, the
 * `key` of each row), in Finnish name order.
 */
function listLinkedParties(
  db: Db,
  link: typeof agreementParties | typeof negotiationParties,
  owner: typeof agreementParties.agreementId | typeof negotiationParties.negotiationId,
  ownerIds: readonly string[],
): Promise<{ key: string; partyId: string }[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .select({ key: owner, partyId: link.partyId })
    .from(link)
    .innerJoin(parties, eq(parties.id, link.partyId))
    .where(inArray(owner, [...ownerIds]))
    .orderBy(asc(sql`${parties.names}->>'fi'`));
}

// ---- agreements ----

/** All agreements, oldest validity first. */
export function listAgreements(db: Db): Promise<AgreementRow[]> {
  return db.select().from(agreements).orderBy(asc(agreements.validFrom), asc(agreements.createdAt));
}

/** Agreements by id (for DataLoader). */
export const findAgreementsByIds = (db: Db, ids: readonly string[]) => findByIds(db, agreements, ids);

/** One agreement, locked for update when inside a write. */
export const findAgreement = (db: Db, id: string, opts?: FindOptions) => findById(db, agreements, id, opts);

/** Inserts agreements. */
export const insertAgreements = (tx: Db, rows: NewAgreement[]) => insertRows(tx, agreements, rows);
/** Inserts one agreement and returns it as stored. */
export const insertAgreement = (tx: Db, row: NewAgreement) => insertOne(tx, agreements, row, 'agreement');

/** What `updateAgreementIfVersion` may change. */
export type AgreementChanges = Partial<Pick<AgreementRow, 'titles' | 'type' | 'validFrom' | 'validTo'>>;

/** Applies changes if the version still matches; undefined when it did not. */
export const updateAgreementIfVersion = (tx: Db, id: string, expectedVersion: number, changes: AgreementChanges) =>
  updateIfVersion(tx, agreements, id, expectedVersion, changes);

/** Party ids of several agreements, in Finnish name order (for DataLoader). */
export const listAgreementParties = (db: Db, agreementIds: readonly string[]) =>
  listLinkedParties(db, agreementParties, agreementParties.agreementId, agreementIds);

/**
 * Makes the agreement's parties exactly `partyIds`: a removed party's
 * ratification goes, a new party's starts PENDING.
 */
export async function setAgreementParties(tx: Db, agreementId: string, partyIds: string[]): Promise<void> {
  const keep = partyIds.length > 0 ? notInArray(agreementParties.partyId, partyIds) : undefined;
  await tx.delete(agreementParties).where(and(eq(agreementParties.agreementId, agreementId), keep));
  await tx
    .delete(ratifications)
    .where(
      and(
        eq(ratifications.agreementId, agreementId),
        partyIds.length > 0 ? notInArray(ratifications.partyId, partyIds) : undefined,
      ),
    );
  if (partyIds.length === 0) return;
  await tx
    .insert(agreementParties)
    .values(partyIds.map((partyId) => ({ agreementId, partyId })))
    .onConflictDoNothing();
  await tx
    .insert(ratifications)
    .values(partyIds.map((partyId) => ({ agreementId, partyId })))
    .onConflictDoNothing();
}

/** Ratifications of several agreements, in Finnish party name order (for DataLoader). */
export async function listRatifications(db: Db, agreementIds: readonly string[]): Promise<RatificationRow[]> {
  if (agreementIds.length === 0) return [];
  const rows = await db
    .select({ r: ratifications })
    .from(ratifications)
    .innerJoin(parties, eq(parties.id, ratifications.partyId))
    .where(inArray(ratifications.agreementId, [...agreementIds]))
    .orderBy(asc(sql`${parties.names}->>'fi'`));
  return rows.map((x) => x.r);
}

/** One party's ratification of an agreement, locked for update. */
export const findRatificationForUpdate = (tx: Db, agreementId: string, partyId: string) =>
  findOne(tx, ratifications, and(eq(ratifications.agreementId, agreementId), eq(ratifications.partyId, partyId)), {
    forUpdate: true,
  });

/** One ratification by id. */
export const findRatification = (db: Db, id: string) => findById(db, ratifications, id);

/** Replaces a ratification's decision; bumps its version. */
export async function replaceRatification(
  tx: Db,
  id: string,
  changes: Pick<
    RatificationRow,
    'decidingBody' | 'decisionDate' | 'section' | 'minutesUrl' | 'outcome' | 'note' | 'recordedByUserId'
  >,
): Promise<RatificationRow | undefined> {
  const [row] = await tx
    .update(ratifications)
    .set({ ...changes, ...versionBump(ratifications) })
    .where(eq(ratifications.id, id))
    .returning();
  return row;
}

/** Inserts ratifications as they stand (seed). */
export async function insertRatifications(tx: Db, rows: NewRatification[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(ratifications)
    .values(rows)
    .onConflictDoUpdate({
      target: [ratifications.agreementId, ratifications.partyId],
      set: {
        decidingBody: sql`excluded.deciding_body`,
        decisionDate: sql`excluded.decision_date`,
        section: sql`excluded.section`,
        outcome: sql`excluded.outcome`,
        note: sql`excluded.note`,
      },
    });
}

/** Sections of several agreements in order (for DataLoader). */
export const listSections = (db: Db, agreementIds: readonly string[]) =>
  listWhereIn(
    db,
    agreementSections,
    agreementSections.agreementId,
    agreementIds,
    asc(agreementSections.sortOrder),
    asc(agreementSections.createdAt),
  );

/** One section, locked for update when inside a write. */
export const findSection = (db: Db, id: string, opts?: FindOptions) => findById(db, agreementSections, id, opts);

/** Inserts sections. */
export const insertSections = (tx: Db, rows: NewSection[]) => insertRows(tx, agreementSections, rows);
/** Inserts one section and returns it as stored. */
export const insertSection = (tx: Db, row: NewSection) => insertOne(tx, agreementSections, row, 'section');

/** What `updateSectionIfVersion` may change. */
export type SectionChanges = Partial<Pick<AgreementSectionRow, 'kind' | 'title' | 'body' | 'sortOrder'>>;

/** Applies changes if the version still matches; undefined when it did not. */
export const updateSectionIfVersion = (tx: Db, id: string, expectedVersion: number, changes: SectionChanges) =>
  updateIfVersion(tx, agreementSections, id, expectedVersion, changes);

// ---- negotiations ----

/** Negotiations, newest year first. */
export function listNegotiations(db: Db, kind?: string | null, year?: number | null): Promise<NegotiationRow[]> {
  return db
    .select()
    .from(negotiations)
    .where(and(kind ? eq(negotiations.kind, kind) : undefined, year != null ? eq(negotiations.year, year) : undefined))
    .orderBy(sql`${negotiations.year} desc`, asc(negotiations.title));
}

/** One negotiation, locked for update when inside a write. */
export const findNegotiation = (db: Db, id: string, opts?: FindOptions) => findById(db, negotiations, id, opts);

/** Inserts negotiations. */
export const insertNegotiations = (tx: Db, rows: NewNegotiation[]) => insertRows(tx, negotiations, rows);
/** Inserts one negotiation and returns it as stored. */
export const insertNegotiation = (tx: Db, row: NewNegotiation) => insertOne(tx, negotiations, row, 'negotiation');

/** What `updateNegotiationIfVersion` may change. */
export type NegotiationChanges = Partial<Omit<NewNegotiation, 'id' | 'version'>>;

/** Applies changes if the version still matches; undefined when it did not. */
export const updateNegotiationIfVersion = (tx: Db, id: string, expectedVersion: number, changes: NegotiationChanges) =>
  updateIfVersion(tx, negotiations, id, expectedVersion, changes);

/** Party ids of several negotiations, in Finnish name order (for DataLoader). */
export const listNegotiationParties = (db: Db, ids: readonly string[]) =>
  listLinkedParties(db, negotiationParties, negotiationParties.negotiationId, ids);

/** Makes the negotiation's parties exactly `partyIds`. */
export async function setNegotiationParties(tx: Db, negotiationId: string, partyIds: string[]): Promise<void> {
  await tx.delete(negotiationParties).where(eq(negotiationParties.negotiationId, negotiationId));
  if (partyIds.length === 0) return;
  await tx.insert(negotiationParties).values(partyIds.map((partyId) => ({ negotiationId, partyId })));
}

/** Each party's latest population figure (by reference date), for weighting ratifications. */
export async function latestPopulations(db: Db, partyIds: readonly string[]): Promise<Map<string, number>> {
  if (partyIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([populationFigures.partyId], { partyId: populationFigures.partyId, value: populationFigures.value })
    .from(populationFigures)
    .where(inArray(populationFigures.partyId, [...partyIds]))
    .orderBy(populationFigures.partyId, desc(populationFigures.referenceDate));
  return new Map(rows.map((r) => [r.partyId, r.value]));
}
