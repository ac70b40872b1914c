import './dashboard.messages';
import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { Card } from '../../components/Card';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { NeedIndicatorTargetsQuery } from './dashboard.documents';
import { DataTable, numeric } from '../../components/DataTable';
import { useFormat } from '../../i18n/useFormat';
import { partySeries, valuedPoints } from './chartLogic';
import { Sparkline } from './LineChart';
import { NeedTargetForm, type TargetParty } from './NeedTargetForm';
import './charts.css';
import './indicators.css';

/**
 * A need's indicators: baseline, target and newest value per indicator and area, with a sparkline of the area's series.
 * Those who may edit the need (`canEdit`) set targets here too.
 */
export function NeedIndicators({
  needId,
  canEdit = false,
  parties = [],
}: {
  needId: string;
  canEdit?: boolean;
  /** The parties the need concerns, whose values may measure it. */
  parties?: readonly TargetParty[];
}) {
  const { t, name } = useI18n();
  const { dec } = useFormat();
  const [{ data, error }, reexecute] = useQuery({ query: NeedIndicatorTargetsQuery, variables: { id: needId } });
  const [editing, setEditing] = useState(false);
  const targets = data?.serviceNeed?.indicatorTargets ?? [];
  const apiError = toApiError(error);
  const v = (value: number | null | undefined) => (value == null ? '–' : dec(value, 2));
  return (
    <Card
      headingId="need-ind-heading"
      title={t('needInd.title')}
      testId="need-indicators"
      actions={
        canEdit && (
          <Button
            variant="secondary"
            onClick={() => setEditing((v) => !v)}
            aria-expanded={editing}
            data-testid="need-target-open"
          >
            {editing ? t('needInd.form.close') : t('needInd.form.open')}
          </Button>
        )
      }
    >
      {apiError && !data ? (
        <ErrorAlert error={apiError} />
      ) : !data ? null : !targets.length ? (
        <p className="yp-muted">{t('needInd.none')}</p>
      ) : (
        <>
          <p className="yp-muted">{t('needInd.intro')}</p>
          <DataTable
            caption={t('needInd.caption')}
            captionHidden
            columns={[
              t('needInd.col.indicator'),
              ...[t('needInd.col.baseline'), t('needInd.col.target'), t('needInd.col.latest')].map(numeric),
              t('needInd.col.trend'),
            ]}
            className="yp-table yp-table--compact yp-need-ind"
          >
            {targets.map((target) => {
              const series = valuedPoints(partySeries(target.indicator.values, target.party.id));
              const party = name(target.party.names);
              const first = series[0];
              const last = series.at(-1);
              const label =
                first && last
                  ? t('needInd.sparkline', {
                      indicator: target.indicator.name,
                      party,
                      from: first.x,
                      to: last.x,
                      first: v(first.y),
                      last: v(last.y),
                      baseline: v(target.baselineValue),
                      target: v(target.targetValue),
                      targetYear: target.targetYear,
                    })
                  : t('needInd.sparklineEmpty');
              return (
                <tr key={`${target.indicator.id}:${target.party.id}`} data-indicator={target.indicator.code}>
                  <th scope="row" className="yp-need-ind__name">
                    {target.indicator.name}
                    <span className="yp-meta">{party}</span>
                    <span className="yp-meta">
                      {target.indicator.source} {target.indicator.code}
                      {target.indicator.unit ? ` · ${target.indicator.unit}` : ''}
                    </span>
                    {target.note && <span className="yp-meta">{target.note}</span>}
                  </th>
                  <td className="yp-num" data-testid="indicator-baseline">
                    {t('needInd.valueYear', { value: v(target.baselineValue), year: target.baselineYear })}
                  </td>
                  <td className="yp-num" data-testid="indicator-target">
                    {t('needInd.valueYear', { value: v(target.targetValue), year: target.targetYear })}
                  </td>
                  <td className="yp-num" data-testid="indicator-latest">
                    {target.latest ? (
                      t('needInd.valueYear', { value: v(target.latest.value), year: target.latest.year })
                    ) : (
                      <span className="yp-meta">{t('needInd.noLatest')}</span>
                    )}
                  </td>
                  <td>
                    {series.length ? (
                      <Sparkline
                        points={series}
                        baseline={target.baselineValue != null ? { x: target.baselineYear, y: target.baselineValue } : null}
                        target={{ x: target.targetYear, y: target.targetValue }}
                        label={label}
                        width={110}
                      />
                    ) : (
                      <span className="yp-meta">{t('needInd.sparklineEmpty')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
      {canEdit && editing && data && (
        <NeedTargetForm
          needId={needId}
          targets={targets}
          parties={parties}
          // Targets are embedded in the need (no cache key): read them again.
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
    </Card>
  );
}
