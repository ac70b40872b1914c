import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import * as repo from './goals.repo.js';
import type { AgreementGoalRow, GoalMeasureRow } from './goals.table.js';

/** Batched reads for one request: the goals of a dashboard cost a fixed number of queries. */
export function createGoalsLoaders(db: Db) {
  return {
    goalById: new DataLoader<string, AgreementGoalRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findGoalsByIds(db, ids), (r) => r.id),
    ),
    goalsByAgreementId: new DataLoader<string, AgreementGoalRow[]>(async (ids) =>
      groupBy(ids, await repo.listGoals(db, ids), (r) => r.agreementId),
    ),
    measuresByGoalId: new DataLoader<string, GoalMeasureRow[]>(async (ids) =>
      groupBy(ids, await repo.listMeasures(db, ids), (r) => r.goalId),
    ),
    needIdsByGoalId: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await repo.listGoalNeeds(db, ids), (r) => r.goalId).map((rows) => rows.map((r) => r.needId)),
    ),
    /** Linked actions with their status (progress counts them whoever asks; the titles go through the needs' policy). */
    actionsByGoalId: new DataLoader<string, { actionId: string; status: string }[]>(async (ids) =>
      groupBy(ids, await repo.listGoalActions(db, ids), (r) => r.goalId),
    ),
  };
}

export type GoalsLoaders = ReturnType<typeof createGoalsLoaders>;
