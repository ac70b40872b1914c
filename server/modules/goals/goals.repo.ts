import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { existingValues, findOne, listWhereIn, type TableWithId, versionedRows } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
import { agreements, cooperationBodies } from '../cooperation/cooperation.table.js';
import { needActions, serviceNeeds } from '../needs/needs.table.js';
import {
  agreementGoals,
  goalActions,
  goalMeasures,
  goalNeeds,
  type AgreementGoalRow,
  type GoalMeasureRow,
} from './goals.table.js';

export type GoalChanges = Partial<Pick<AgreementGoalRow, 'title' | 'description' | 'ownerPartyId' | 'ownerBodyId' | 'sortOrder'>>;
export type MeasureChanges = Partial<
  Pick<GoalMeasureRow, 'indicatorId' | 'partyId' | 'baselineYear' | 'baselineValue' | 'targetYear' | 'targetValue' | 'note'>
>;

// ---- goals ----

/** Goals of the agreements (all goals when `agreementIds` is null), in their order. */
export function listGoals(db: Db, agreementIds: readonly string[] | null): Promise<AgreementGoalRow[]> {
  if (agreementIds && agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(agreementGoals)
    .where(agreementIds ? inArray(agreementGoals.agreementId, [...agreementIds]) : undefined)
    .orderBy(asc(agreementGoals.agreementId), asc(agreementGoals.sortOrder), asc(agreementGoals.createdAt));
}

/** Goals: one by id (locked for update inside a write), by ids, inserts and versioned changes (lib/rows.ts). */
export const goalRows = versionedRows<typeof agreementGoals, GoalChanges>(agreementGoals, 'goal');

/** Deletes a goal; its measures and links go with it. */
export async function deleteGoal(tx: Db, id: string): Promise<void> {
  await tx.delete(agreementGoals).where(eq(agreementGoals.id, id));
}

/** Bumps a goal's version when its measures change (so an open form knows). */
export async function touchGoal(tx: Db, id: string): Promise<AgreementGoalRow | undefined> {
  const [row] = await tx.update(agreementGoals).set(versionBump(agreementGoals)).where(eq(agreementGoals.id, id)).returning();
  return row;
}

// ---- links ----

export async function setGoalNeeds(tx: Db, goalId: string, needIds: readonly string[]): Promise<void> {
  await tx.delete(goalNeeds).where(eq(goalNeeds.goalId, goalId));
  if (needIds.length) await tx.insert(goalNeeds).values(needIds.map((needId) => ({ goalId, needId })));
}

export async function setGoalActions(tx: Db, goalId: string, actionIds: readonly string[]): Promise<void> {
  await tx.delete(goalActions).where(eq(goalActions.goalId, goalId));
  if (actionIds.length) await tx.insert(goalActions).values(actionIds.map((actionId) => ({ goalId, actionId })));
}

/** The needs linked to the goals. */
export function listGoalNeeds(db: Db, goalIds: readonly string[]): Promise<{ goalId: string; needId: string }[]> {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(goalNeeds)
    .where(inArray(goalNeeds.goalId, [...goalIds]))
    .orderBy(asc(goalNeeds.needId));
}

/** The actions linked to the goals, with their status (for progress). */
export function listGoalActions(
  db: Db,
  goalIds: readonly string[],
): Promise<{ goalId: string; actionId: string; status: string; dueDate: string | null }[]> {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      goalId: goalActions.goalId,
      actionId: goalActions.actionId,
      status: needActions.status,
      dueDate: needActions.dueDate,
    })
    .from(goalActions)
    .innerJoin(needActions, eq(needActions.id, goalActions.actionId))
    .where(inArray(goalActions.goalId, [...goalIds]))
    .orderBy(asc(needActions.dueDate), asc(needActions.title));
}

// ---- measures ----

export const listMeasures = (db: Db, goalIds: readonly string[]) =>
  listWhereIn(db, goalMeasures, goalMeasures.goalId, goalIds, asc(goalMeasures.goalId), asc(goalMeasures.createdAt));

/** Measures: one by id (locked for update inside a write), inserts and versioned changes. */
export const measureRows = versionedRows<typeof goalMeasures, MeasureChanges>(goalMeasures, 'measure');

/** A measure of the goal for the same indicator and party, if any (one per pair). */
export const findTwinMeasure = (db: Db, goalId: string, indicatorId: string, partyId: string) =>
  findOne(
    db,
    goalMeasures,
    and(eq(goalMeasures.goalId, goalId), eq(goalMeasures.indicatorId, indicatorId), eq(goalMeasures.partyId, partyId)),
  );

export async function deleteMeasure(tx: Db, id: string): Promise<void> {
  await tx.delete(goalMeasures).where(eq(goalMeasures.id, id));
}

// ---- what goals refer to (read only) ----

/** Which of `ids` are rows of `table`. */
const existing = (db: Db, table: TableWithId, ids: readonly string[]) => existingValues(db, table, table.id, ids);

export const existingAgreementIds = (db: Db, ids: readonly string[]) => existing(db, agreements, ids);
export const existingBodyIds = (db: Db, ids: readonly string[]) => existing(db, cooperationBodies, ids);
export const existingNeedIds = (db: Db, ids: readonly string[]) => existing(db, serviceNeeds, ids);
export const existingActionIds = (db: Db, ids: readonly string[]) => existing(db, needActions, ids);

// ---- demo seed ----

/** The demo's agreement of a type and the actions of some needs. */
export async function demoFacts(db: Db, agreementType: string, needIds: readonly string[]) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.type, agreementType)).limit(1);
  const actions = needIds.length
    ? await db
        .select()
        .from(needActions)
        .where(inArray(needActions.needId, [...needIds]))
    : [];
  return { agreement, actions };
}
