import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
import * as repo from './goals.repo.js';

/** Batched reads for one request: the goals of a dashboard cost a fixed number of queries. */
export function createGoalsLoaders(db: Db) {
  return {
    goalById: rowLoader(
      (ids) => repo.findGoalsByIds(db, ids),
      (r) => r.id,
    ),
    goalsByAgreementId: groupLoader(
      (ids) => repo.listGoals(db, ids),
      (r) => r.agreementId,
    ),
    measuresByGoalId: groupLoader(
      (ids) => repo.listMeasures(db, ids),
      (r) => r.goalId,
    ),
    needIdsByGoalId: groupLoader(
      (ids) => repo.listGoalNeeds(db, ids),
      (r) => r.goalId,
      (r) => r.needId,
    ),
    /** Linked actions with their status (progress counts them whoever asks; the titles go through the needs' policy). */
    actionsByGoalId: groupLoader(
      (ids) => repo.listGoalActions(db, ids),
      (r) => r.goalId,
    ),
  };
}

export type GoalsLoaders = ReturnType<typeof createGoalsLoaders>;
