import './parties.messages';
import { useParams } from 'react-router';
import { useSubscription } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import type { PartyChangedSubscription as PartyChangedEvent } from '../../graphql/generated/graphql';
import { partyKindLabel } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { BackLink } from '../../components/BackLink';
import { Card } from '../../components/Card';
import { PageFallback } from '../../components/PageFallback';
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
  const [{ data, error }, refetch] = usePageQuery({ query: PartyQuery, variables: { id } });
  // graphcache merges the event's party into the page; the handler keeps who made the change.
  const [{ data: lastChange }] = useSubscription<PartyChangedEvent, LastChange>(
    { query: PartyChangedSubscription, variables: { id } },
    (_previous, event) => ({ version: event.partyChanged.party.version, actorName: event.partyChanged.actor?.displayName }),
  );

  const back = <BackLink to="/parties">{t('party.back')}</BackLink>;

  const party = data?.party;
  if (!party)
    return (
      <PageFallback
        before={back}
        error={error}
        onRetry={refetch}
        notFound={Boolean(data)}
        notFoundMessage={t('party.notFound')}
      />
    );

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
        <Card headingId="details-heading" title={t('party.detailsTitle')}>
          <PartyDetails party={party} />
        </Card>
        <Card headingId="populations-heading" title={t('party.populationsTitle')}>
          <PopulationTable figures={party.populations} />
        </Card>
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
