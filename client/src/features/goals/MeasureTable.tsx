import './goals.messages';
import { Button } from 'suomifi-ui-components';
import type { MeasureFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ShareBar } from './GoalProgressBar';
import { formatShare } from './goals.util';

/** A measure's indicator and the area it measures, e.g. "Toimeentulotukea saaneet … (Keski-Suomen hyvinvointialue)". */
export function measureName(m: MeasureFieldsFragment, name: (n: MeasureFieldsFragment['party']['names']) => string): string {
  return `${m.indicator.name} (${name(m.party.names)})`;
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
  onEdit?: (m: MeasureFieldsFragment) => void;
  onRemove?: (m: MeasureFieldsFragment) => void;
}) {
  const { t, name, number, lang } = useI18n();
  const withUnit = (m: MeasureFieldsFragment, v: number | null | undefined) => (v == null ? t('goals.noValue') : `${number(v)}${m.indicator.unit ? ` ${m.indicator.unit}` : ''}`);
  return (
    <div className="yp-table-wrap yp-coop-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="yp-table yp-table--compact" data-testid="measure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('goals.col.indicator')}</th>
            <th scope="col">{t('goals.col.baseline')}</th>
            <th scope="col">{t('goals.col.target')}</th>
            <th scope="col">{t('goals.col.latest')}</th>
            <th scope="col">{t('goals.col.progress')}</th>
            {(onEdit || onRemove) && <th scope="col">{t('goals.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => {
            const progressText = `${m.progress == null ? '–' : formatShare(m.progress, lang)} (${t(`goals.status.${m.status}`)})`;
            return (
              <tr key={m.id} data-testid="measure-row" data-status={m.status}>
                <th scope="row">{measureName(m, name)}</th>
                <td>{t('goals.valueYear', { value: withUnit(m, m.baselineValue), year: m.baselineYear })}</td>
                <td>{t('goals.valueYear', { value: withUnit(m, m.targetValue), year: m.targetYear })}</td>
                <td>{m.latest ? t('goals.valueYear', { value: withUnit(m, m.latest.value), year: m.latest.year }) : t('goals.noValue')}</td>
                <td>
                  <span className="yp-goal-cell">
                    <ShareBar share={m.progress ?? null} status={m.status} label={progressText} />
                    <span data-testid="measure-progress">{progressText}</span>
                  </span>
                </td>
                {(onEdit || onRemove) && (
                  <td className="yp-coop-actions-cell">
                    <span className="yp-coop-section__actions">
                      {onEdit && (
                        <Button variant="secondary" onClick={() => onEdit(m)} aria-label={t('goals.measure.editOf', { indicator: measureName(m, name) })}>
                          {t('goals.measure.edit')}
                        </Button>
                      )}
                      {onRemove && (
                        <Button variant="secondaryNoBorder" onClick={() => onRemove(m)} aria-label={t('goals.measure.removeOf', { indicator: measureName(m, name) })}>
                          {t('goals.measure.remove')}
                        </Button>
                      )}
                    </span>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
