import './goals.messages';
import type { GoalProgressStatus } from '../../graphql/generated/graphql';
import type { Translate } from '../../i18n/i18n';

/** The label of a goal's or a measure's progress status, e.g. "kesken". */
export const goalStatusLabel = (t: Translate, value: GoalProgressStatus): string => t(`goals.status.${value}`);
