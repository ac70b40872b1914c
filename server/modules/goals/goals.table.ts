import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, optionalRef, ownerRef, setNullRef, versionedColumns } from '../../db/columns.js';
import { indicatorTargetColumns } from '../analytics/analytics.table.js';
import { agreements, cooperationBodies } from '../cooperation/cooperation.table.js';
import { needActions, serviceNeeds } from '../needs/needs.table.js';
import { parties } from '../parties/parties.table.js';

/** A goal of an agreement, followed up by measures (indicators) and linked needs and actions. */
export const agreementGoals = pgTable(
  'agreement_goals',
  {
    id: idColumn(),
    agreementId: ownerRef('agreement_id', () => agreements.id),
    title: text('title').notNull(),
    description: text('description'),
    /** The party that answers for the goal; a body may answer instead (or as well). */
    ownerPartyId: optionalRef('owner_party_id', () => parties.id),
    ownerBodyId: setNullRef('owner_body_id', () => cooperationBodies.id),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versionedColumns(),
  },
  (t) => [index('agreement_goals_agreement_idx').on(t.agreementId, t.sortOrder)],
);

/** How a goal is measured: a baseline and a target of one indicator for one party (see `indicatorTargetColumns`). */
export const goalMeasures = pgTable(
  'goal_measures',
  {
    id: idColumn(),
    goalId: ownerRef('goal_id', () => agreementGoals.id),
    ...indicatorTargetColumns(),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('goal_measures_goal_indicator_party_key').on(t.goalId, t.indicatorId, t.partyId)],
);

/** Service needs a goal is pursued through. */
export const goalNeeds = pgTable(
  'goal_needs',
  {
    goalId: ownerRef('goal_id', () => agreementGoals.id),
    needId: ownerRef('need_id', () => serviceNeeds.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.needId] }), index('goal_needs_need_idx').on(t.needId)],
);

/** Actions that carry a goal forward; their status counts in its progress (ADR 0016). */
export const goalActions = pgTable(
  'goal_actions',
  {
    goalId: ownerRef('goal_id', () => agreementGoals.id),
    actionId: ownerRef('action_id', () => needActions.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.actionId] }), index('goal_actions_action_idx').on(t.actionId)],
);

export type AgreementGoalRow = typeof agreementGoals.$inferSelect;
export type GoalMeasureRow = typeof goalMeasures.$inferSelect;
