/** Agreements, their sections and ratifications, and the negotiations: the tables agreements.service.ts keeps. */
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findById, findOne, listWhereIn, versionedRows } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
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

/** What a write may change (`agreementRows.updateIfVersion`). */
export type AgreementChanges = Partial<Pick<AgreementRow, 'titles' | 'type' | 'validFrom' | 'validTo'>>;

/** Agreements: one by id (locked for update inside a write), by ids, inserts and versioned changes (lib/rows.ts). */
export const agreementRows = versionedRows<typeof agreements, AgreementChanges>(agreements, 'agreement');

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

/** What a write may change (`sectionRows.updateIfVersion`). */
export type SectionChanges = Partial<Pick<AgreementSectionRow, 'kind' | 'title' | 'body' | 'sortOrder'>>;

/** Agreement sections: one by id (locked for update inside a write), inserts and versioned changes. */
export const sectionRows = versionedRows<typeof agreementSections, SectionChanges>(agreementSections, 'section');

// ---- negotiations ----

/** Negotiations, newest year first. */
export function listNegotiations(db: Db, kind?: string | null, year?: number | null): Promise<NegotiationRow[]> {
  return db
    .select()
    .from(negotiations)
    .where(and(kind ? eq(negotiations.kind, kind) : undefined, year != null ? eq(negotiations.year, year) : undefined))
    .orderBy(sql`${negotiations.year} desc`, asc(negotiations.title));
}

/** Negotiations: one by id (locked for update inside a write), inserts and versioned changes. */
export const negotiationRows = versionedRows(negotiations, 'negotiation');

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
