import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError } from '../../graphql/errors';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { NewAgreementForm } from './NewAgreementForm';
import { NewNegotiationForm } from './NewNegotiationForm';
import { agreementTypeLabel, negotiationKindLabel } from './cooperation.labels';
import { AgreementsQuery } from './cooperation.documents';
import { ProgressBar } from './ProgressBar';
import './cooperation.css';

/** /agreements: the agreements with their rounds' progress, and the negotiations the law requires. */
export function AgreementsPage() {
  const { t, name, date } = useI18n();
  const [{ data, error }, reexecute] = useQuery({ query: AgreementsQuery });
  useRefetchOnReconnect(reexecute);
  const { user } = useCurrentUser();
  const isSecretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const [creating, setCreating] = useState(false);
  const [negotiating, setNegotiating] = useState(false);
  if (!data) {
    const apiError = toApiError(error);
    return (
      <>
        <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
        {apiError ? <PageError error={apiError} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <PageLoading />}
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
      <p className="yp-lead">{t('agr.intro')}</p>
      <div className="yp-table-wrap">
        <table className="yp-table" data-testid="agreements-table">
          <caption>{t('agr.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agr.col.title')}</th>
              <th scope="col">{t('agr.col.type')}</th>
              <th scope="col">{t('agr.col.validity')}</th>
              <th scope="col">{t('agr.col.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {data.agreements.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link className="yp-link" to={`/agreements/${encodeURIComponent(a.id)}`}>
                    {name(a.titles)}
                  </Link>
                </th>
                <td>{agreementTypeLabel(t, a.type)}</td>
                <td className="yp-nowrap">
                  {t('agr.validity', { from: a.validFrom ? date(a.validFrom) : '', to: a.validTo ? date(a.validTo) : t('agr.open') })}
                </td>
                <td className="yp-coop-progress-cell">
                  <ProgressBar progress={a.ratificationProgress} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isSecretariat && (
        <div className="yp-actions">
          <Button variant="secondary" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
            {t(creating ? 'agr.form.close' : 'agr.form.new')}
          </Button>
        </div>
      )}
      {/* A new agreement is not in the cached list: fetch the list again. */}
      {isSecretariat && creating && <NewAgreementForm onCreated={() => reexecute({ requestPolicy: 'network-only' })} />}
      <section aria-labelledby="negotiations-heading" className="yp-mt-m">
        <Heading variant="h2" id="negotiations-heading">
          {t('agr.negotiations')}
        </Heading>
        <div className="yp-table-wrap">
          <table className="yp-table yp-table--compact" data-testid="negotiations-table">
            <caption>{t('agr.negotiationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agr.col.title')}</th>
                <th scope="col">{t('agr.col.year')}</th>
                <th scope="col">{t('agr.col.kind')}</th>
                <th scope="col">{t('agr.col.group')}</th>
                <th scope="col">{t('agr.col.party')}</th>
                <th scope="col">{t('agr.col.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {data.negotiations.map((n) => (
                <tr key={n.id}>
                  <th scope="row">{n.title}</th>
                  <td>{n.year}</td>
                  <td>{negotiationKindLabel(t, n.kind)}</td>
                  <td>{n.municipalityGroup ?? t('coop.none')}</td>
                  <td>{n.parties.length > 5 ? String(n.parties.length) : n.parties.map((p) => name(p.names)).join(', ')}</td>
                  <td>{n.outcomeSummary ?? t('coop.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isSecretariat && (
          <div className="yp-actions">
            <Button variant="secondary" aria-expanded={negotiating} onClick={() => setNegotiating((open) => !open)}>
              {t(negotiating ? 'agr.form.close' : 'neg.form.new')}
            </Button>
          </div>
        )}
        {isSecretariat && negotiating && <NewNegotiationForm onCreated={() => reexecute({ requestPolicy: 'network-only' })} />}
      </section>
    </>
  );
}
