import { Paragraph } from 'suomifi-ui-components';
import type { PartyDetailFieldsFragment } from '../../graphql/generated/graphql';
import { figureStatusLabel, populationSourceLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';

/** Every population figure of a party, newest first, each with its date, status and source. */
export function PopulationTable({ figures }: { figures: PartyDetailFieldsFragment['populations'] }) {
  const { t, number, date } = useI18n();
  if (figures.length === 0) return <Paragraph>{t('party.populationsNone')}</Paragraph>;
  return (
    <div className="yp-table-wrap" role="region" aria-labelledby="population-table-caption" tabIndex={0}>
      <table className="yp-table" data-testid="population-table">
        <caption className="yp-visually-hidden" id="population-table-caption">
          {t('party.populationsCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('party.col.referenceDate')}</th>
            <th scope="col" className="yp-num">
              {t('party.col.value')}
            </th>
            <th scope="col">{t('party.col.status')}</th>
            <th scope="col">{t('party.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={`${figure.referenceDate}-${figure.status}-${figure.source}-${figure.value}`}>
              <th scope="row">
                <time dateTime={figure.referenceDate}>{date(figure.referenceDate)}</time>
              </th>
              <td className="yp-num">{number(figure.value)}</td>
              <td>{figureStatusLabel(t, figure.status)}</td>
              <td>{populationSourceLabel(t, figure.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
