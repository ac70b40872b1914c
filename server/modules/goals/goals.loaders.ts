import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './goals.repo.js';

/** Batched reads for one request: the goals of a dashboard cost a fixed number of queries. */
export function createGoalsLoaders(db: Db) {
  const { byId, many, valuesOf } = batchLoaders(db);
  return {
    goalById: byId(repo.goalRows.findByIds),
    goalsByAgreementId: many(repo.listGoals, (r) => r.agreementId),
    measuresByGoalId: many(repo.listMeasures, (r) => r.goalId),
    needIdsByGoalId: valuesOf(
      repo.listGoalNeeds,
      (r) => r.goalId,
      (r) => r.needId,
    ),
    /** Linked actions with their status (progress counts them whoever asks; the titles go through the needs' policy). */
    actionsByGoalId: many(repo.listGoalActions, (r) => r.goalId),
  };
}
