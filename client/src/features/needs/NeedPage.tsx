import './needs.messages';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { Link, useParams } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useSubscription } from 'urql';
import { FactRow } from '../../components/Fact';
import { PageHeading } from '../../components/PageHeading';
import type {
  NeedDetailFieldsFragment,
  ServiceNeedPageChangedSubscription,
  ServiceNeedWithdrawnSubscription,
} from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePageQuery } from '../../components/usePageQuery';
import { BackLink } from '../../components/BackLink';
import { Card } from '../../components/Card';
import { PageFallback } from '../../components/PageFallback';
import { NeedPageChangedSubscription, NeedWithdrawnSubscription, ServiceNeedQuery } from './needs.documents';
import { fieldLabel, groupLabel } from './needs.labels';
import { DemoTag, PriorityTag, StatusTag } from './NeedBadges';
import { NeedDiscussion } from './NeedDiscussion';
import { NeedEditForm } from './NeedEditForm';
import { AsOfPanel, NeedHistory } from './NeedHistory';
import { ActionsSection, ResponsibilitiesSection } from './NeedWork';
import { TransitionPanel } from './TransitionPanel';
import { NeedIndicators } from '../dashboard/NeedIndicators';
import './tags.css';
import './needPage.css';
import './tableScroll.css';
import './needForm.css';
import './history.css';

/** All of a need's fields. */
function NeedDetails({ need }: { need: NeedDetailFieldsFragment }) {
  const { t, name, number } = useI18n();
  const notSet = <span className="yp-meta">{t('need.notSet')}</span>;
  const list = (items: string[]) => (items.length ? items.join(', ') : notSet);
  return (
    <dl className="yp-details" data-testid="need-details">
      <FactRow term={t('need.status')} testId="need-status">
        <StatusTag status={need.status} />
        {need.statusNote && <span className="yp-status-note">{need.statusNote}</span>}
      </FactRow>
      <FactRow term={t('need.priority')}>
        <PriorityTag priority={need.priority} />
      </FactRow>
      <FactRow term={t('need.targetGroups')}>{list(need.targetGroups.map((g) => groupLabel(t, g)))}</FactRow>
      <FactRow term={t('need.themes')}>{list(need.themes.map((th) => name(th.names)))}</FactRow>
      <FactRow term={t('need.municipalities')}>{list(need.municipalities.map((m) => name(m.names)))}</FactRow>
      <FactRow term={t('need.otherParties')}>{list(need.otherParties.map((p) => name(p.names)))}</FactRow>
      <FactRow term={t('need.ownerBody')}>
        {need.ownerBody ? (
          <Link className="yp-link" to={`/cooperation/bodies/${need.ownerBody.id}`}>
            {name(need.ownerBody.names)}
          </Link>
        ) : (
          notSet
        )}
      </FactRow>
      <FactRow term={t('need.legalBasis')}>{need.legalBasis ?? notSet}</FactRow>
      <FactRow term={t('need.estimatedResidents')} testId="need-residents">
        {need.estimatedResidents != null ? (
          number(need.estimatedResidents)
        ) : (
          <span className="yp-meta">{t('need.residentsHidden')}</span>
        )}
      </FactRow>
      <FactRow term={t('need.indicators')}>
        {list(need.indicators.map((i) => `${i.source} ${i.code}${i.label ? ` – ${i.label}` : ''}`))}
      </FactRow>
    </dl>
  );
}

/** Who last set each field. */
function Provenance({ need }: { need: NeedDetailFieldsFragment }) {
  const { t, name, dateTime } = useI18n();
  return (
    <Card headingId="prov-heading" title={t('need.provenance')}>
      <p className="yp-muted">{t('need.provenanceIntro')}</p>
      {/* A list, not a table: on a narrow side column a three-column table squeezed "set by" into a word a line. */}
      <dl className="yp-provenance" data-testid="provenance">
        {need.provenance.map((p) => (
          <div key={p.field} data-field={p.field} className="yp-provenance__row">
            <dt>{fieldLabel(t, p.field)}</dt>
            <dd>
              <span className="yp-visually-hidden">{t('need.setBy')}: </span>
              {p.party ? name(p.party.names) : '–'}
              {p.user && <> · {p.user.displayName}</>}
              <span className="yp-provenance__at">
                <span className="yp-visually-hidden">{t('need.setAt')}: </span>
                <time dateTime={p.at as string}>{dateTime(p.at as string)}</time>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** What the page shows once the user may no longer see its need (serviceNeedWithdrawn): a notice, nothing of the need. */
function NeedWithdrawn({ before }: { before: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {before}
      <PageHeading title={t('need.withdrawnTitle')}>{t('need.withdrawnTitle')}</PageHeading>
      <InlineAlert status="warning" role="alert" className="yp-mt-m" data-testid="need-withdrawn">
        {t('need.withdrawn')}
      </InlineAlert>
    </>
  );
}

/** /needs/:id: a need with everything about it, live. */
export function NeedPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [{ data, error }, refetch] = usePageQuery({ query: ServiceNeedQuery, variables: { id } });
  const [editing, setEditing] = useState(false);
  // The form's heading takes the keyboard when it opens (NeedEditForm); when it closes, the button that opened it does.
  const editOpen = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editOpen.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [lastActor, setLastActor] = useState('');
  const { user } = useCurrentUser();

  // Every event about this need carries what the page shows: needs.cache.ts writes it into the cache
  // (the need, a new comment, the history's new line); the page only says who else changed it.
  useSubscription<ServiceNeedPageChangedSubscription, null>(
    { query: NeedPageChangedSubscription, variables: { id } },
    (_prev, event) => {
      const e = event.serviceNeedChanged;
      if (e.actor && e.actor.id === user?.id) return null;
      setLastActor(e.actor?.displayName ? t('need.liveChanged', { actor: e.actor.displayName }) : t('need.liveChangedAnon'));
      return null;
    },
  );
  // The user may no longer see the need: the page drops it (needs.cache.ts drops it from the cache) and says so.
  const [withdrawnId, setWithdrawnId] = useState<string | null>(null);
  // Leaving the need forgets it: coming back asks the server afresh (the user may have been given sight of it again).
  useEffect(() => () => setWithdrawnId(null), [id]);
  useSubscription<ServiceNeedWithdrawnSubscription, null>(
    { query: NeedWithdrawnSubscription, variables: { id } },
    (_prev, event) => {
      setWithdrawnId(event.serviceNeedWithdrawn.id);
      return null;
    },
  );

  const back = <BackLink to="/needs">{t('need.back')}</BackLink>;
  if (withdrawnId === id) return <NeedWithdrawn before={back} />;
  const need = data?.serviceNeed;
  if (!need)
    return (
      <PageFallback before={back} error={error} onRetry={refetch} notFound={Boolean(data)} notFoundMessage={t('need.notFound')} />
    );

  return (
    <div className="yp-need-page">
      {back}
      <PageHeading title={need.title}>
        {need.title} <DemoTag demo={need.demo} />
      </PageHeading>
      <p className="yp-subtitle yp-need-subtitle">
        <StatusTag status={need.status} /> <span className="yp-meta">{t('need.version', { version: need.version })}</span>
      </p>
      <p role="status" className="yp-status" data-testid="need-live">
        {lastActor}
      </p>
      {need.summary && <p className="yp-need-summary">{need.summary}</p>}
      <div className="yp-need-layout">
        <div className="yp-need-main">
          <Card
            headingId="details-heading"
            title={t('need.details')}
            actions={
              need.viewerCan.edit &&
              !editing && (
                <Button variant="secondary" onClick={() => setEditing(true)} data-testid="need-edit-open" ref={editOpen}>
                  {t('need.edit')}
                </Button>
              )
            }
          >
            <NeedDetails need={need} />
          </Card>
          {editing && <NeedEditForm key={need.id} need={need} onStale={refetch} onDone={() => setEditing(false)} />}
          <ResponsibilitiesSection need={need} />
          <ActionsSection need={need} />
          <NeedIndicators
            needId={need.id}
            canEdit={need.viewerCan.edit}
            parties={[...need.municipalities, ...need.otherParties]}
          />
          <AttachmentsPanel target={{ type: 'SERVICE_NEED', id: need.id }} subject={need.title} />
          <NeedDiscussion needId={need.id} canComment={need.viewerCan.comment} />
        </div>
        <aside className="yp-need-side">
          <TransitionPanel need={need} onStale={refetch} />
          <Provenance need={need} />
          <AsOfPanel needId={need.id} />
          <NeedHistory needId={need.id} />
        </aside>
      </div>
    </div>
  );
}
