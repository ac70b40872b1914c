import { RowHeadLink } from '../../components/DataTable';
import { figureStatusLabel, municipalFormLabel, partyKindLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import type { PartyRow } from './parties.util';

/**
 * The parties as a real table: a caption, column headers with scope, and the
 * name as each row's header, so a screen reader reads "Jyväskylä, Väkiluku, 143 420".
 */
export function PartyTable({
  parties,
  changedId,
  footnote,
}: {
  parties: readonly PartyRow[];
  changedId?: string;
  footnote: string;
}) {
  const { t, name, number, date } = useI18n();
  return (
    <>
      {/* Focusable and named, so that keyboard users can scroll it when it is wider than the screen. */}
      <div className="yp-table-wrap" role="region" aria-labelledby="party-table-caption" tabIndex={0}>
        <table className="yp-table" data-testid="party-table" aria-describedby="party-table-footnote">
          <caption id="party-table-caption">{t('parties.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parties.col.code')}</th>
              <th scope="col">{t('parties.col.name')}</th>
              <th scope="col">{t('parties.col.kind')}</th>
              <th scope="col">{t('parties.col.form')}</th>
              <th scope="col">{t('parties.col.subRegion')}</th>
              <th scope="col" className="yp-num">
                {t('parties.col.population')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parties.map((party) => (
              <tr key={party.id} data-party-id={party.id} className={party.id === changedId ? 'yp-row--changed' : undefined}>
                <td className="yp-code">{party.code ?? '–'}</td>
                <RowHeadLink to={`/parties/${encodeURIComponent(party.id)}`}>{name(party.names)}</RowHeadLink>
                <td>{partyKindLabel(t, party.kind)}</td>
                <td>{party.municipalForm ? municipalFormLabel(t, party.municipalForm) : '–'}</td>
                <td>{party.subRegion ?? '–'}</td>
                <td className="yp-num" data-testid="population">
                  {party.population ? (
                    <>
                      <span className="yp-num__value">{number(party.population.value)}</span>
                      <span className="yp-meta">
                        {t('parties.populationMeta', {
                          date: date(party.population.referenceDate),
                          status: figureStatusLabel(t, party.population.status),
                        })}
                      </span>
                    </>
                  ) : (
                    <span className="yp-meta">{t('parties.noValue')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="yp-footnote" id="party-table-footnote">
        {footnote}
      </p>
    </>
  );
}
