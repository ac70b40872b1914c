import { useI18n } from '../../i18n/useI18n';

/** Counts of a ratification round. */
export interface Progress {
  total: number;
  /** Approved, as proposed or with changes. */
  approved: number;
  /** Of the approved, those with changes. */
  approvedWithChanges: number;
  rejected: number;
  pending: number;
}

/** The round as a stacked bar with the numbers in words (the words are what screen readers read). */
export function ProgressBar({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const pct = (n: number) => (progress.total ? (100 * n) / progress.total : 0);
  const asProposed = progress.approved - progress.approvedWithChanges;
  const summary = t('agr.progressSummary', {
    approved: asProposed,
    total: progress.total,
    withChanges: progress.approvedWithChanges,
    rejected: progress.rejected,
    pending: progress.pending,
  });
  return (
    <div className="yp-progress" data-testid="ratification-progress">
      <div className="yp-progress__bar" aria-hidden="true">
        <span className="yp-progress__seg yp-progress__seg--approved" style={{ width: `${pct(asProposed)}%` }} />
        <span className="yp-progress__seg yp-progress__seg--changes" style={{ width: `${pct(progress.approvedWithChanges)}%` }} />
        <span className="yp-progress__seg yp-progress__seg--rejected" style={{ width: `${pct(progress.rejected)}%` }} />
      </div>
      <p className="yp-progress__text" data-testid="ratification-summary">
        {summary}
      </p>
    </div>
  );
}
