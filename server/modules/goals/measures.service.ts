import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, notFound } from '../../errors.js';
import { lockAtVersion } from '../../lib/lock.js';
import { EVENTS } from '../../realtime/topics.js';
import { updateAtVersion } from '../../realtime/update.js';
import { rowCreated, rowDeleted, withoutTimestamps } from '../../realtime/write.js';
import { parseInput } from '../../validation.js';
import { existingIndicatorIds } from '../analytics/indicators.service.js';
import type { ServiceDeps } from '../deps.js';
import { checkPartyIds } from '../parties/parties.service.js';
import {
  changesOf,
  measureInput,
  MEASURE_UPDATE,
  targetAfterBaseline,
  TARGET_YEAR_MESSAGE,
  updateMeasureInput,
} from './goals.inputs.js';
import { goalsPolicy } from './goals.policy.js';
import * as repo from './goals.repo.js';
import type { AgreementGoalRow, GoalMeasureRow } from './goals.table.js';

/** A goal measures one indicator for one party once. */
const TWIN_MESSAGE = 'This goal already has a measure of this indicator for this party';

/** The indicator and the party a measure names must exist: BAD_USER_INPUT names the field otherwise. */
async function checkMeasureRefs(tx: Db, m: { indicatorId?: string; partyId?: string }) {
  if (m.indicatorId && !(await existingIndicatorIds(tx, [m.indicatorId])).has(m.indicatorId))
    throw badInput({ 'input.indicatorId': 'No such indicator' });
  await checkPartyIds(tx, m.partyId, 'input.partyId');
}

/** The writes of a goal's measures (an indicator for a party, baseline and target); part of the goals service. */
export function createMeasuresService({ write }: Pick<ServiceDeps, 'write'>) {
  return {
    /** Adds a measure (an indicator for a party, baseline and target) to a goal. */
    async addMeasure(actor: Actor, goalId: string, raw: unknown): Promise<GoalMeasureRow> {
      const input = parseInput(measureInput, raw);
      const user = authorize(actor, goalsPolicy.manage);
      return write(user, async ({ tx, record }) => {
        const goal = await repo.goalRows.find(tx, goalId, { forUpdate: true });
        if (!goal) throw notFound('Goal');
        await checkMeasureRefs(tx, input);
        if (await repo.findTwinMeasure(tx, goal.id, input.indicatorId, input.partyId))
          throw badInput({ 'input.indicatorId': TWIN_MESSAGE });
        const measure = await repo.measureRows.insert(tx, {
          ...input,
          goalId: goal.id,
          baselineValue: input.baselineValue ?? null,
          note: input.note ?? null,
        });
        await repo.touchGoal(tx, goal.id);
        await record(
          rowCreated(EVENTS.measureAdded, measure, withoutTimestamps(measure), {
            agreementId: goal.agreementId,
            goalId: goal.id,
          }),
        );
        return measure;
      });
    },

    /** Changes a measure against the version it was based on. */
    async updateMeasure(actor: Actor, id: string, expectedVersion: number, raw: unknown): Promise<GoalMeasureRow> {
      const input = parseInput(updateMeasureInput, raw);
      const user = authorize(actor, goalsPolicy.manage);
      const changes: repo.MeasureChanges = changesOf(input, raw, MEASURE_UPDATE);
      if (Object.keys(changes).length === 0) throw badInput({ input: 'Nothing to change' });
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.measureRows,
          id,
          expectedVersion,
          what: 'Measure',
          changes,
          check: async (before) => {
            const merged = { ...before, ...changes };
            if (!targetAfterBaseline(merged)) throw badInput({ 'input.targetYear': TARGET_YEAR_MESSAGE });
            await checkMeasureRefs(scope.tx, changes);
            const twin = await repo.findTwinMeasure(scope.tx, before.goalId, merged.indicatorId, merged.partyId);
            if (twin && twin.id !== id) throw badInput({ 'input.indicatorId': TWIN_MESSAGE });
          },
          // The goal's version moves with its measures; the event names the goal's agreement.
          then: (after) => repo.touchGoal(scope.tx, after.goalId),
          event: EVENTS.measureUpdated,
          scope: (after, goal) => ({ agreementId: goal?.agreementId ?? null, goalId: after.goalId }),
        }),
      );
    },

    /** Removes a measure; returns its goal. */
    async removeMeasure(actor: Actor, id: string, expectedVersion: number): Promise<AgreementGoalRow> {
      const user = authorize(actor, goalsPolicy.manage);
      return write(user, async ({ tx, record }) => {
        const before = await lockAtVersion(tx, repo.measureRows.find, id, expectedVersion, 'Measure');
        await repo.deleteMeasure(tx, id);
        const goal = await repo.touchGoal(tx, before.goalId);
        if (!goal) throw notFound('Goal');
        await record(
          rowDeleted(EVENTS.measureRemoved, before, withoutTimestamps(before), {
            agreementId: goal.agreementId,
            goalId: goal.id,
          }),
        );
        return goal;
      });
    },
  };
}
