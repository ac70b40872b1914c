import type { KeyingConfig, UpdateResolver } from '@urql/exchange-graphcache';
import { embedded, invalidateQueryList, pick } from '../../graphql/cacheUpdates';

/** Goals' value types: embedded in their goal, report or event, never normalised. */
export const goalsKeys: KeyingConfig = embedded(
  'GoalProgress',
  'MeasuredValue',
  'GoalReport',
  'GoalMeasureReport',
  'AgreementGoalEvent',
);

/** A new or deleted goal changes the goal lists; the agreement pages fetch them again. */
const goalListsChanged: UpdateResolver = (_result, _args, cache) => {
  invalidateQueryList(cache, 'agreementGoals');
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'agreement' && typeof field.arguments?.id === 'string')
      cache.invalidate({ __typename: 'Agreement', id: field.arguments.id }, 'goals');
  }
};

/**
 * Why each creating mutation has an updater: without one, graphcache 9
 * invalidates every cached entity of the new record's type (see
 * cooperation.cache.ts), so a new measure would blank every goal's measures and
 * with them the whole goals list. A measure's answer carries its goal with
 * the measures as they now are, which is all the cache needs.
 */
export const goalsMutationUpdates: Record<string, UpdateResolver> = {
  createAgreementGoal: goalListsChanged,
  deleteAgreementGoal: (result, args, cache, info) => {
    if (typeof args['id'] === 'string') cache.invalidate({ __typename: 'AgreementGoal', id: args['id'] });
    goalListsChanged(result, args, cache, info);
  },
  addGoalMeasure: () => {},
  removeGoalMeasure: () => {},
};

/**
 * A goal changed by anyone arrives whole and merges by id (its measures and
 * progress with it); only a new or deleted goal changes the lists.
 */
export const goalsSubscriptionUpdates: Record<string, UpdateResolver> = {
  agreementGoalChanged: (result, args, cache, info) => {
    const event = pick<{ kind: string; goalId: string; goal?: object | null; measure?: object | null }>(
      result,
      'agreementGoalChanged',
    );
    if (!event) return;
    if (!event.goal) {
      cache.invalidate({ __typename: 'AgreementGoal', id: event.goalId });
      goalListsChanged(result, args, cache, info);
    } else if (event.kind === 'CREATED' && !event.measure) {
      goalListsChanged(result, args, cache, info);
    }
  },
};
