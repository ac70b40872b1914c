import './goals.messages';
import { Button } from 'suomifi-ui-components';
import type { GoalProgressStatus, MeasureFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { DataTable } from '../../components/DataTable';
import { ShareBar } from './GoalProgressBar';
import { useFormat } from '../../i18n/useFormat';
import { goalStatusLabel } from './goals.labels';
import { formatShare } from './goals.util';

/** A measure's indicator and the area it measures, e.g. "Toimeentulotukea saaneet … (Keski-Suomen hyvinvointialue)". */
export function measureName(m: MeasureFieldsFragment, name: (n: MeasureFieldsFragment['party']['names']) => string): string {
  return `${m.indicator.name} (${name(m.party.names)})`;
}

/** How a measure's figures read in a table (up to two decimals, as recorded): "12,35 % (2024)", and progress as "40 % (on track)". */
export function useMeasureText() {
  const { t, lang } = useI18n();
  const { dec } = useFormat();
  return {
    valueYear: (m: { indicator: { unit?: string | null } }, value: number | null | undefined, year: number) =>
      t('goals.valueYear', {
        value: value == null ? t('goals.noValue') : `${dec(value, 2)}${m.indicator.unit ? ` ${m.indicator.unit}` : ''}`,
        year,
      }),
    progress: (share: number | null | undefined, status: GoalProgressStatus) =>
      `${share == null ? '–' : formatShare(share, lang)} (${goalStatusLabel(t, status)})`,
  };
}

/** A progress cell: the bar and the same in words. */
export function ProgressCell({
  share,
  status,
  text,
  testId,
}: {
  share: number | null | undefined;
  status: GoalProgressStatus;
  text: string;
  testId?: string;
}) {
  return (
    <td>
      <span className="yp-goal-cell">
        <ShareBar share={share ?? null} status={status} label={text} />
        <span data-testid={testId}>{text}</span>
      </span>
    </td>
  );
}

/** A goal's measures as a table: baseline, target, latest value and progress (as a bar and in words). */
export function MeasureTable({
  caption,
  measures,
  onEdit,
  onRemove,
}: {
  caption: string;
  measures: readonly MeasureFieldsFragment[];
  /** Called with the measure and its edit button (the keyboard comes back to it when the form closes). */
  onEdit?: (m: MeasureFieldsFragment, button: HTMLButtonElement) => void;
  onRemove?: (m: MeasureFieldsFragment) => void;
}) {
  const { t, name } = useI18n();
  const text = useMeasureText();
  return (
    <DataTable
      caption={caption}
      columns={[
        t('goals.col.indicator'),
        t('goals.col.baseline'),
        t('goals.col.target'),
        t('goals.col.latest'),
        t('goals.col.progress'),
        Boolean(onEdit || onRemove) && t('goals.col.actions'),
      ]}
      scrollClassName="yp-coop-scroll"
      compact
      testId="measure-table"
    >
      {measures.map((m) => {
        const progressText = text.progress(m.progress, m.status);
        return (
          <tr key={m.id} data-testid="measure-row" data-status={m.status}>
            <th scope="row">{measureName(m, name)}</th>
            <td>{text.valueYear(m, m.baselineValue, m.baselineYear)}</td>
            <td>{text.valueYear(m, m.targetValue, m.targetYear)}</td>
            <td>{m.latest ? text.valueYear(m, m.latest.value, m.latest.year) : t('goals.noValue')}</td>
            <ProgressCell share={m.progress} status={m.status} text={progressText} testId="measure-progress" />
            {(onEdit || onRemove) && (
              <td className="yp-coop-actions-cell">
                <span className="yp-coop-section__actions">
                  {onEdit && (
                    <Button
                      variant="secondary"
                      onClick={(event) => onEdit(m, event.currentTarget as HTMLButtonElement)}
                      aria-label={t('goals.measure.editOf', { indicator: measureName(m, name) })}
                    >
                      {t('goals.measure.edit')}
                    </Button>
                  )}
                  {onRemove && (
                    <Button
                      variant="secondaryNoBorder"
                      onClick={() => onRemove(m)}
                      aria-label={t('goals.measure.removeOf', { indicator: measureName(m, name) })}
                    >
                      {t('goals.measure.remove')}
                    </Button>
                  )}
                </span>
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
