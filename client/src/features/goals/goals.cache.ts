import type { KeyingConfig } from '@urql/exchange-graphcache';

/** Goals' value types: embedded in their goal, report or event, never normalised. */
export const goalsKeys: KeyingConfig = {
  GoalProgress: () => null,
  MeasuredValue: () => null,
  GoalReport: () => null,
  GoalMeasureReport: () => null,
  AgreementGoalEvent: () => null,
};
