import './goals.messages';
import type { GoalProgressFieldsFragment, GoalProgressStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { goalStatusLabel } from './goals.labels';
import { formatShare } from './goals.util';

/** A share as a bar; the bar is decoration, the words beside it are what a screen reader reads. */
export function ShareBar({ share, status, label }: { share: number | null; status: GoalProgressStatus; label: string }) {
  return (
    <span className="yp-goal-bar" aria-hidden="true" title={label}>
      <span
        className={`yp-goal-bar__fill yp-goal-bar__fill--${status}`}
        style={{ width: `${Math.round((share ?? 0) * 100)}%` }}
      />
    </span>
  );
}

/** A goal's progress: the bar and the whole story in words (the text alternative). */
export function GoalProgressBar({ progress, testId }: { progress: GoalProgressFieldsFragment; testId?: string }) {
  const { t, lang } = useI18n();
  const status = goalStatusLabel(t, progress.status);
  const text =
    progress.share == null
      ? t('goals.progressNone')
      : t('goals.progressText', {
          share: formatShare(progress.share, lang),
          status,
          measures: progress.measures,
          withData: progress.measuresWithData,
          reached: progress.measuresReached,
          actions: progress.actions,
          done: progress.actionsDone,
        });
  return (
    <div className="yp-goal-progress" data-testid={testId} data-status={progress.status}>
      <ShareBar share={progress.share ?? null} status={progress.status} label={text} />
      <p className="yp-goal-progress__text">{text}</p>
    </div>
  );
}
