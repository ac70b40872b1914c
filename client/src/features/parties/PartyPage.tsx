import './parties.messages';
import { Link, useParams } from 'react-router';
import { Heading, InlineAlert } from 'suomifi-ui-components';
import { useQuery, useSubscription } from 'urql';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError } from '../../graphql/errors';
import type { PartyChangedSubscription as PartyChangedEvent } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { partyKindLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AddPopulationForm } from './AddPopulationForm';
import { PartyChangedSubscription, PartyQuery } from './parties.documents';
import { PartyDetails } from './PartyDetails';
import { PartyEditForm, type LastChange } from './PartyEditForm';
import { PopulationTable } from './PopulationTable';

/** /parties/:id: a party's details and figures, live; the secretariat also edits it here. */
export function PartyPage() {
  const { id = '' } = useParams();
  const { t, name } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, reexecute] = useQuery({ query: PartyQuery, variables: { id } });
  useRefetchOnReconnect(reexecute);
  // graphcache merges the event's party into the page; the handler keeps who made the change.
  const [{ data: lastChange }] = useSubscription<PartyChangedEvent, LastChange>(
    { query: PartyChangedSubscription, variables: { id } },
    (_previous, event) => ({ version: event.partyChanged.party.version, actorName: event.partyChanged.actor?.displayName }),
  );
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  const back = (
    <p className="yp-back">
      <Link to="/parties" className="yp-link">
        <span aria-hidden="true">← </span>
        {t('party.back')}
      </Link>
    </p>
  );

  if (!data) {
    const apiError = toApiError(error);
    return (
      <>
        {back}
        {apiError ? <PageError error={apiError} onRetry={refetch} /> : <PageLoading />}
      </>
    );
  }

  const party = data.party;
  if (!party) {
    return (
      <>
        {back}
        <PageHeading title={t('error.title')}>{t('error.title')}</PageHeading>
        <InlineAlert status="error" data-error-code="NOT_FOUND" className="yp-mt-m">
          {t('party.notFound')}
        </InlineAlert>
      </>
    );
  }

  const partyName = name(party.names);
  const canEdit = user?.roles.includes('SECRETARIAT') ?? false;
  return (
    <>
      {back}
      <PageHeading title={partyName}>{partyName}</PageHeading>
      <p className="yp-lead yp-subtitle">
        {partyKindLabel(t, party.kind)}
        {party.code && (
          <>
            {' · '}
            <span className="yp-code">{party.code}</span>
          </>
        )}
      </p>
      <div className="yp-grid">
        <section className="yp-card" aria-labelledby="details-heading">
          <Heading variant="h2" id="details-heading">
            {t('party.detailsTitle')}
          </Heading>
          <PartyDetails party={party} />
        </section>
        <section className="yp-card" aria-labelledby="populations-heading">
          <Heading variant="h2" id="populations-heading">
            {t('party.populationsTitle')}
          </Heading>
          <PopulationTable figures={party.populations} />
        </section>
      </div>
      {canEdit && (
        <div className="yp-grid">
          <PartyEditForm key={party.id} party={party} lastChange={lastChange} onStale={refetch} />
          <AddPopulationForm key={`population-${party.id}`} partyId={party.id} />
        </div>
      )}
    </>
  );
}
