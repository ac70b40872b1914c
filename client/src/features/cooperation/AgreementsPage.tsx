import './cooperation.messages';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useQuery, useSubscription } from 'urql';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError } from '../../graphql/errors';
import type { NegotiationsChangedSubscription as NegotiationEvent } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AgreementForm } from './AgreementForm';
import { NegotiationForm } from './NegotiationForm';
import { agreementTypeLabel, negotiationKindLabel } from './cooperation.labels';
import { AgreementsChangedSubscription, AgreementsQuery, NegotiationsChangedSubscription } from './agreements.documents';
import { ProgressBar } from './ProgressBar';
import './cooperation.css';

/** /agreements: the agreements with their rounds' progress, and the negotiations the law requires; live. */
export function AgreementsPage() {
  const { t, name, date } = useI18n();
  const [{ data, error }, reexecute] = useQuery({ query: AgreementsQuery });
  useRefetchOnReconnect(reexecute);
  const { user } = useCurrentUser();
  const isSecretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const [creating, setCreating] = useState(false);
  const [negotiating, setNegotiating] = useState(false);
  const [editingId, setEditingId] = useState<string>();
  // Other users' changes arrive live; graphcache merges them by id (new records: cooperation.cache.ts).
  useSubscription({ query: AgreementsChangedSubscription });
  const [{ data: lastNegotiation }] = useSubscription<NegotiationEvent, NegotiationEvent['negotiationChanged']>(
    { query: NegotiationsChangedSubscription },
    (_previous, event) => event.negotiationChanged,
  );
  if (!data) {
    const apiError = toApiError(error);
    return (
      <>
        <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
        {apiError ? <PageError error={apiError} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <PageLoading />}
      </>
    );
  }
  const editing = editingId ? data.negotiations.find((n) => n.id === editingId) : undefined;
  return (
    <>
      <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
      <p className="yp-lead">{t('agr.intro')}</p>
      <div className="yp-table-wrap yp-coop-scroll" tabIndex={0} role="region" aria-label={t('agr.caption')}>
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
                  {t('agr.validity', {
                    from: a.validFrom ? date(a.validFrom) : '',
                    to: a.validTo ? date(a.validTo) : t('agr.open'),
                  })}
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
      {/* The cache fetches the list again after a create (cooperation.cache.ts). */}
      {isSecretariat && creating && <AgreementForm />}
      <section aria-labelledby="negotiations-heading" className="yp-mt-m">
        <Heading variant="h2" id="negotiations-heading">
          {t('agr.negotiations')}
        </Heading>
        <div className="yp-table-wrap yp-coop-scroll" tabIndex={0} role="region" aria-label={t('agr.negotiationsCaption')}>
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
                {isSecretariat && <th scope="col">{t('agr.col.actions')}</th>}
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
                  {isSecretariat && (
                    <td className="yp-coop-actions-cell">
                      <Button
                        variant="secondaryNoBorder"
                        aria-expanded={editingId === n.id}
                        aria-controls={editingId === n.id ? 'negotiation-edit-heading' : undefined}
                        aria-label={t('neg.form.editLabel', { title: n.title })}
                        onClick={() => setEditingId((open) => (open === n.id ? undefined : n.id))}
                      >
                        {t('neg.form.edit')}
                      </Button>
                    </td>
                  )}
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
        <p className="yp-meta" aria-live="polite" data-testid="negotiation-live-note">
          {lastNegotiation?.actor &&
            lastNegotiation.actor.id !== user?.id &&
            t('neg.live', { actor: lastNegotiation.actor.displayName, title: lastNegotiation.negotiation.title })}
        </p>
        {isSecretariat && editing && (
          <>
            <NegotiationForm key={editing.id} negotiation={editing} />
            <div className="yp-actions">
              <Button variant="secondary" onClick={() => setEditingId(undefined)}>
                {t('agr.form.close')}
              </Button>
            </div>
          </>
        )}
        {isSecretariat && negotiating && <NegotiationForm />}
      </section>
    </>
  );
}
