import './home.messages';
import '../needs/needs.messages';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorPage } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { toApiError } from '../../graphql/errors';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { statusLabel as meetingStatusLabel } from '../meetings/meetings.labels';
import { OverdueRemovalsCard } from '../meetings/OverdueRemovalsCard';
import { StatusTag } from '../needs/NeedBadges';
import { actionStatusLabel, roleLabel } from '../needs/needs.labels';
import { HomeCard, HomeItem } from './HomeCard';
import { HomeQuery } from './home.documents';
import { actionsByUrgency, awaitingDecision, comingMeetings, startOfToday } from './home.model';
import '../meetings/meetings.css';
import '../needs/tags.css';
import './home.css';

const SHOWN_ACTIONS = 6;

/** `/`: what is coming and what waits, for the signed-in user and their party. */
export function HomePage() {
  const { t, name, date, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const partyId = user?.party?.id ?? '';
  // Fixed for the page's life: a new `from` every render would be a new query every render.
  const from = useMemo(() => startOfToday(), []);
  const [{ data, error }, reexecute] = useQuery({
    query: HomeQuery,
    variables: { from, partyId, hasParty: partyId !== '' },
    pause: !user,
  });
  useRefetchOnReconnect(reexecute);

  if (error && !data)
    return <ErrorPage error={toApiError(error)!} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data || !user) return <PageLoading />;

  const meetings = comingMeetings(data.meetings);
  const actions = actionsByUrgency(data.partyActions ?? []);
  const overdue = actions.filter((a) => a.overdue).length;
  const needs = data.responsible?.edges.map((e) => e.node) ?? [];
  const waiting = partyId ? awaitingDecision(data.agreements, partyId) : [];
  const isSecretariat = user.roles.includes('SECRETARIAT');

  return (
    <div className="yp-home">
      <PageHeading title={t('home.title')}>{t('home.greeting', { name: user.displayName })}</PageHeading>
      {user.party && <p className="yp-subtitle">{t('home.introParty', { party: name(user.party.names) })}</p>}
      <p className="yp-lead">{t('home.intro')}</p>

      <div className="yp-grid">
        {isSecretariat && <OverdueRemovalsCard />}
        <HomeCard
          id="home-meetings"
          title={t('home.meetings')}
          empty={t('home.meetingsEmpty')}
          items={meetings.map((m) => (
            <HomeItem
              key={m.id}
              to={`/meetings/${m.id}`}
              label={m.title}
              meta={
                <>
                  {name(m.body.names)} · <time dateTime={m.startsAt}>{dateTime(m.startsAt)}</time>{' '}
                  <span className={`yp-badge yp-badge--${m.status.toLowerCase()}`}>{meetingStatusLabel(t, m.status)}</span>
                </>
              }
            >
              {m.status === 'IN_PROGRESS' && (
                <Link className="yp-link" to={`/meetings/${m.id}/room`}>
                  {t('home.enterRoom')}
                </Link>
              )}
            </HomeItem>
          ))}
          more={{ to: '/meetings', label: t('home.meetingsAll') }}
        />

        {partyId && (
          <HomeCard
            id="home-actions"
            title={t('home.actions')}
            empty={t('home.actionsEmpty')}
            summary={t('home.actionsSummary', { total: actions.length, overdue })}
            items={actions.slice(0, SHOWN_ACTIONS).map((a) => (
              <HomeItem
                key={a.id}
                className={a.overdue ? 'yp-home-item--overdue' : undefined}
                to={`/needs/${a.need.id}`}
                label={a.title}
                meta={
                  <>
                    {a.need.title} · {a.dueDate ? t('home.due', { date: date(a.dueDate) }) : t('home.noDue')} ·{' '}
                    {actionStatusLabel(t, a.status)}
                    {a.overdue && (
                      <>
                        {' '}
                        <span className="yp-tag yp-tag--overdue">{t('need.overdue')}</span>
                      </>
                    )}
                  </>
                }
              />
            ))}
            more={{ to: `/needs/actions?party=${encodeURIComponent(partyId)}`, label: t('home.actionsAll') }}
          />
        )}

        {partyId && (
          <HomeCard
            id="home-needs"
            title={t('home.needs')}
            empty={t('home.needsEmpty')}
            summary={t('home.needsSummary', { total: data.responsible?.totalCount ?? 0 })}
            items={needs.map((n) => {
              const own = n.responsibilities.find((r) => r.party.id === partyId);
              return (
                <HomeItem
                  key={n.id}
                  to={`/needs/${n.id}`}
                  label={n.title}
                  meta={
                    <>
                      <StatusTag status={n.status} />
                      {own && <> · {t('home.needRole', { role: roleLabel(t, own.role) })}</>}
                    </>
                  }
                />
              );
            })}
            more={{ to: `/needs?party=${encodeURIComponent(partyId)}`, label: t('home.needsAll') }}
          />
        )}

        {partyId && (
          <HomeCard
            id="home-agreements"
            title={t('home.agreements')}
            intro={<p>{t('home.agreementsIntro')}</p>}
            empty={t('home.agreementsEmpty')}
            items={waiting.map((a) => (
              <HomeItem
                key={a.id}
                to={`/agreements/${a.id}`}
                label={name(a.titles)}
                meta={a.validFrom ? date(a.validFrom) : undefined}
              />
            ))}
          />
        )}

        {(isSecretariat || !partyId) && (
          <HomeCard
            id="home-gaps"
            title={t('home.gaps')}
            intro={<p>{t('home.gapsCount', { count: data.gaps.totalCount })}</p>}
            more={{ to: '/needs?gaps=1', label: t('home.gapsLink') }}
          />
        )}
      </div>
    </div>
  );
}
