import { useI18n } from '../../i18n/useI18n';
import type { PopulationTotal } from './parties.util';

/** The municipalities' total population, large enough to read on a projector. */
export function PopulationSummary({ total }: { total: PopulationTotal }) {
  const { t, number, date } = useI18n();
  return (
    <section className="yp-stat" aria-labelledby="population-total-title">
      <h2 className="yp-stat__label" id="population-total-title">
        {t('parties.totalTitle')}
      </h2>
      <p className="yp-stat__value" data-testid="population-total">
        {number(total.total)}
      </p>
      <p className="yp-stat__note">
        {t('parties.totalNote', { count: total.counted, dates: total.referenceDates.map(date).join(', ') })}
      </p>
    </section>
  );
}
