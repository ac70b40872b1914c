import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, notFound } from '../../errors.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent, subscribeToEvents } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import { isUuid, parseInput, unique } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import { changesOf, createGoalInput, GOAL_UPDATE, reportYear, updateGoalInput } from './goals.inputs.js';
import { goalsChangeViews, goalsPolicy } from './goals.policy.js';
import {
  expectedShare,
  goalProgress,
  measureProgress,
  type GoalProgress,
  type MeasuredPoint,
  type MeasureProgress,
} from './goals.progress.js';
import * as repo from './goals.repo.js';
import { checkPartyIds } from '../parties/parties.service.js';
import type { AgreementGoalRow, GoalMeasureRow } from './goals.table.js';
import { rowCreated, rowDeleted, withoutTimestamps } from '../../realtime/write.js';
import { updateAtVersion } from '../../realtime/update.js';
import { lockAtVersion } from '../../lib/lock.js';
import { readableById } from '../../lib/service-reads.js';
import { createMeasuresService } from './measures.service.js';

/** Payload of `agreementGoalChanged`: the goal as it is now (null once deleted). */
export interface GoalEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  agreementId: string;
  goalId: string;
  goal: AgreementGoalRow | null;
  measure: GoalMeasureRow | null;
  actorUserId: string | null;
}

/** One measure in the follow-up report of a year. */
export interface MeasureReportModel {
  measure: GoalMeasureRow;
  progress: MeasureProgress;
  /** The value of the year before the one measured, for the change over a year. */
  previous: MeasuredPoint | null;
  expectedShare: number;
}

/** The annual follow-up report (seurantaraportti) of one goal. */
export interface GoalReportModel {
  goal: AgreementGoalRow;
  year: number;
  progress: GoalProgress;
  measures: MeasureReportModel[];
  generatedAt: Date;
}

/** True when the event concerns a goal (of the agreement, or of any). */
export function goalEventFilter(agreementId?: string | null) {
  return (event: ChangeEventRow): boolean =>
    (event.entityType === EVENTS.goalCreated.entityType || event.entityType === EVENTS.measureAdded.entityType) &&
    (agreementId == null || event.scope?.agreementId === agreementId);
}

/** An agreement's goals: measures against indicators, owners, linked needs and actions, progress and the annual report. */
export function createGoalsService({ db, write, bus }: ServiceDeps) {
  /** Every referenced record must exist: BAD_USER_INPUT names the field otherwise. */
  async function checkRefs(
    tx: Db,
    refs: {
      ownerPartyId?: string | null;
      ownerBodyId?: string | null;
      needIds?: readonly string[] | null;
      actionIds?: readonly string[] | null;
    },
  ) {
    await checkPartyIds(tx, refs.ownerPartyId, 'input.ownerPartyId');
    if (refs.ownerBodyId && !(await repo.existingBodyIds(tx, [refs.ownerBodyId])).has(refs.ownerBodyId))
      throw badInput({ 'input.ownerBodyId': 'No such body' });
    if (refs.needIds?.length) {
      const known = await repo.existingNeedIds(tx, refs.needIds);
      if (refs.needIds.some((id) => !known.has(id))) throw badInput({ 'input.needIds': 'No such need' });
    }
    if (refs.actionIds?.length) {
      const known = await repo.existingActionIds(tx, refs.actionIds);
      if (refs.actionIds.some((id) => !known.has(id))) throw badInput({ 'input.actionIds': 'No such action' });
    }
  }

  async function measuresProgress(measures: readonly GoalMeasureRow[], loaders: Loaders, asOfYear?: number) {
    const values = await loaders.analytics.valuesByPair.loadMany(measures.map((m) => `${m.indicatorId}:${m.partyId}`));
    return measures.map((m, i) => {
      const v = values[i];
      return measureProgress(m, Array.isArray(v) ? v : [], asOfYear);
    });
  }

  const loadEvent = loadOncePerEvent(async (event) => {
    const goalId = String(event.scope?.goalId ?? event.entityId);
    const goal = (await repo.goalRows.find(db, goalId)) ?? null;
    const measure =
      event.entityType === EVENTS.measureAdded.entityType ? ((await repo.measureRows.find(db, event.entityId)) ?? null) : null;
    return { goal, measure, goalId, agreementId: String(event.scope?.agreementId ?? goal?.agreementId ?? '') };
  });

  return {
    changeViews: goalsChangeViews,

    /** Goals of one agreement, or of every agreement (the dashboard). */
    async list(actor: Actor, agreementId?: string | null): Promise<AgreementGoalRow[]> {
      authorize(actor, goalsPolicy.read);
      if (agreementId != null && !isUuid(agreementId)) return [];
      return repo.listGoals(db, agreementId != null ? [agreementId] : null);
    },

    get: readableById(db, goalsPolicy.read, repo.goalRows.find),

    /** A goal's progress now (ADR 0016). */
    async progress(goal: AgreementGoalRow, loaders: Loaders): Promise<GoalProgress> {
      const [measures, actions] = await Promise.all([
        loaders.goals.measuresByGoalId.load(goal.id),
        loaders.goals.actionsByGoalId.load(goal.id),
      ]);
      return goalProgress(
        await measuresProgress(measures, loaders),
        actions.map((a) => a.status),
      );
    },

    /** A measure's progress now. */
    async measureProgress(measure: GoalMeasureRow, loaders: Loaders): Promise<MeasureProgress> {
      const [p] = await measuresProgress([measure], loaders);
      return p!;
    },

    /** The follow-up report of a year: each measure as of that year, the actions as they are. */
    async report(actor: Actor, goalId: string, rawYear: unknown, loaders: Loaders): Promise<GoalReportModel | null> {
      authorize(actor, goalsPolicy.read);
      const year = parseInput(reportYear, rawYear, 'year');
      const goal = isUuid(goalId) ? await loaders.goals.goalById.load(goalId) : undefined;
      if (!goal) return null;
      const [measures, actions] = await Promise.all([
        loaders.goals.measuresByGoalId.load(goal.id),
        loaders.goals.actionsByGoalId.load(goal.id),
      ]);
      const progress = await measuresProgress(measures, loaders, year);
      const previous = await Promise.all(
        progress.map(async (p, i) => {
          if (!p.current) return null;
          const values = await loaders.analytics.valuesByPair.load(`${measures[i]!.indicatorId}:${measures[i]!.partyId}`);
          const before = values.find((v) => v.year === p.current!.year - 1);
          return before?.value != null ? { year: before.year, value: before.value } : null;
        }),
      );
      return {
        goal,
        year,
        progress: goalProgress(
          progress,
          actions.map((a) => a.status),
        ),
        measures: measures.map((measure, i) => ({
          measure,
          progress: progress[i]!,
          previous: previous[i] ?? null,
          expectedShare: expectedShare(measure, year),
        })),
        generatedAt: new Date(),
      };
    },

    /** Adds a goal to an agreement; the secretariat only. */
    async create(actor: Actor, agreementId: string, raw: unknown): Promise<AgreementGoalRow> {
      const input = parseInput(createGoalInput, raw);
      const user = authorize(actor, goalsPolicy.manage);
      return write(user, async ({ tx, record }) => {
        if (!isUuid(agreementId) || !(await repo.existingAgreementIds(tx, [agreementId])).has(agreementId))
          throw notFound('Agreement');
        const needIds = unique(input.needIds ?? []);
        const actionIds = unique(input.actionIds ?? []);
        await checkRefs(tx, { ...input, needIds, actionIds });
        const goal = await repo.goalRows.insert(tx, {
          agreementId,
          title: input.title,
          description: input.description ?? null,
          ownerPartyId: input.ownerPartyId ?? null,
          ownerBodyId: input.ownerBodyId ?? null,
          sortOrder: input.sortOrder ?? 0,
        });
        await repo.setGoalNeeds(tx, goal.id, needIds);
        await repo.setGoalActions(tx, goal.id, actionIds);
        await record(
          rowCreated(
            EVENTS.goalCreated,
            goal,
            { ...withoutTimestamps(goal), needIds, actionIds },
            { agreementId, goalId: goal.id },
          ),
        );
        return goal;
      });
    },

    /** Changes a goal against the version it was based on; needIds and actionIds replace the links. */
    async update(actor: Actor, id: string, expectedVersion: number, raw: unknown): Promise<AgreementGoalRow> {
      const input = parseInput(updateGoalInput, raw);
      const user = authorize(actor, goalsPolicy.manage);
      const changes: repo.GoalChanges = changesOf(input, raw, GOAL_UPDATE);
      if (Object.keys(changes).length === 0 && input.needIds === undefined && input.actionIds === undefined)
        throw badInput({ input: 'Nothing to change' });
      const needIds = input.needIds ? unique(input.needIds) : undefined;
      const actionIds = input.actionIds ? unique(input.actionIds) : undefined;
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.goalRows,
          id,
          expectedVersion,
          what: 'Goal',
          changes,
          links: [
            { needIds, actionIds },
            {
              needIds: async () => (await repo.listGoalNeeds(scope.tx, [id])).map((n) => n.needId),
              actionIds: async () => (await repo.listGoalActions(scope.tx, [id])).map((a) => a.actionId),
            },
          ],
          check: () =>
            checkRefs(scope.tx, { ownerPartyId: changes.ownerPartyId, ownerBodyId: changes.ownerBodyId, needIds, actionIds }),
          then: async () => {
            if (needIds) await repo.setGoalNeeds(scope.tx, id, needIds);
            if (actionIds) await repo.setGoalActions(scope.tx, id, actionIds);
          },
          event: EVENTS.goalUpdated,
          scope: (after) => ({ agreementId: after.agreementId, goalId: id }),
        }),
      );
    },

    /** Deletes a goal with its measures and links (the history keeps it); returns its id. */
    async remove(actor: Actor, id: string, expectedVersion: number): Promise<string> {
      const user = authorize(actor, goalsPolicy.manage);
      return write(user, async ({ tx, record }) => {
        const before = await lockAtVersion(tx, repo.goalRows.find, id, expectedVersion, 'Goal');
        await repo.deleteGoal(tx, id);
        await record(
          rowDeleted(EVENTS.goalDeleted, before, withoutTimestamps(before), { agreementId: before.agreementId, goalId: id }),
        );
        return id;
      });
    },

    ...createMeasuresService({ write }),

    /** Committed changes to the goals of one agreement, or of every agreement. */
    subscribe(actor: Actor, agreementId?: string | null): AsyncIterableIterator<GoalEventModel> {
      authorize(actor, goalsPolicy.read);
      return subscribeToEvents(bus, goalEventFilter(agreementId), async (event) => {
        if (!goalsPolicy.read(actor)) return undefined;
        const loaded = await loadEvent(event);
        const kind = event.entityType === EVENTS.goalCreated.entityType ? (event.kind as GoalEventModel['kind']) : 'UPDATED';
        return { kind, ...loaded, actorUserId: event.actorUserId };
      });
    },
  };
}

export type GoalsService = ReturnType<typeof createGoalsService>;
