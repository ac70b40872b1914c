import type { ReactNode } from 'react';
import type { PartyDetailFieldsFragment } from '../../graphql/generated/graphql';
import { municipalFormLabel, partyKindLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';

/** A party's facts as a description list. */
export function PartyDetails({ party }: { party: PartyDetailFieldsFragment }) {
  const { t, dateTime } = useI18n();
  const notSet = <span className="yp-meta">{t('party.notSet')}</span>;
  const rows: [string, ReactNode, string][] = [
    [t('party.code'), party.code ? <span className="yp-code">{party.code}</span> : notSet, 'code'],
    [t('party.kind'), partyKindLabel(t, party.kind), 'kind'],
    [t('party.form'), party.municipalForm ? municipalFormLabel(t, party.municipalForm) : notSet, 'form'],
    [t('party.subRegion'), party.subRegion ?? notSet, 'subRegion'],
    [t('party.nameFi'), <span lang="fi">{party.names.fi}</span>, 'nameFi'],
    [t('party.nameSv'), party.names.sv ? <span lang="sv">{party.names.sv}</span> : notSet, 'nameSv'],
    [t('party.nameEn'), party.names.en ? <span lang="en">{party.names.en}</span> : notSet, 'nameEn'],
    [t('party.version'), party.version, 'version'],
    [t('party.updatedAt'), <time dateTime={party.updatedAt}>{dateTime(party.updatedAt)}</time>, 'updatedAt'],
  ];
  return (
    <dl className="yp-details">
      {rows.map(([label, value, key]) => (
        <div className="yp-details__row" key={key} data-testid={`detail-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
