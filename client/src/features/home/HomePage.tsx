import './home.messages';
import '../needs/needs.messages';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { PageError } from '../../components/PageError';
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
import { HomeQuery } from './home.documents';
import { actionsByUrgency, awaitingDecision, comingMeetings, startOfToday } from './home.model';
import '../meetings/meetings.css';
import '../needs/needs.css';
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
    return <PageError error={toApiError(error)!} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
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
        <section className="yp-card" aria-labelledby="home-meetings" data-testid="home-meetings">
          <Heading variant="h2" id="home-meetings">
            {t('home.meetings')}
          </Heading>
          {meetings.length === 0 ? (
            <p className="yp-muted">{t('home.meetingsEmpty')}</p>
          ) : (
            <ul className="yp-home-list">
              {meetings.map((m) => (
                <li key={m.id}>
                  <Link className="yp-link" to={`/meetings/${m.id}`}>
                    {m.title}
                  </Link>
                  <span className="yp-home-meta">
                    {name(m.body.names)} · <time dateTime={m.startsAt}>{dateTime(m.startsAt)}</time>{' '}
                    <span className={`yp-badge yp-badge--${m.status.toLowerCase()}`}>{meetingStatusLabel(t, m.status)}</span>
                  </span>
                  {m.status === 'IN_PROGRESS' && (
                    <Link className="yp-link" to={`/meetings/${m.id}/room`}>
                      {t('home.enterRoom')}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="yp-home-more">
            <Link className="yp-link" to="/meetings">
              {t('home.meetingsAll')}
            </Link>
          </p>
        </section>

        {partyId && (
          <section className="yp-card" aria-labelledby="home-actions" data-testid="home-actions">
            <Heading variant="h2" id="home-actions">
              {t('home.actions')}
            </Heading>
            {actions.length === 0 ? (
              <p className="yp-muted">{t('home.actionsEmpty')}</p>
            ) : (
              <>
                <p className="yp-count">{t('home.actionsSummary', { total: actions.length, overdue })}</p>
                <ul className="yp-home-list">
                  {actions.slice(0, SHOWN_ACTIONS).map((a) => (
                    <li key={a.id} className={a.overdue ? 'yp-home-item--overdue' : undefined}>
                      <Link className="yp-link" to={`/needs/${a.need.id}`}>
                        {a.title}
                      </Link>
                      <span className="yp-home-meta">
                        {a.need.title} · {a.dueDate ? t('home.due', { date: date(a.dueDate) }) : t('home.noDue')} ·{' '}
                        {actionStatusLabel(t, a.status)}
                        {a.overdue && (
                          <>
                            {' '}
                            <span className="yp-tag yp-tag--overdue">{t('need.overdue')}</span>
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="yp-home-more">
              <Link className="yp-link" to={`/needs/actions?party=${encodeURIComponent(partyId)}`}>
                {t('home.actionsAll')}
              </Link>
            </p>
          </section>
        )}

        {partyId && (
          <section className="yp-card" aria-labelledby="home-needs" data-testid="home-needs">
            <Heading variant="h2" id="home-needs">
              {t('home.needs')}
            </Heading>
            {needs.length === 0 ? (
              <p className="yp-muted">{t('home.needsEmpty')}</p>
            ) : (
              <>
                <p className="yp-count">{t('home.needsSummary', { total: data.responsible?.totalCount ?? 0 })}</p>
                <ul className="yp-home-list">
                  {needs.map((n) => {
                    const own = n.responsibilities.find((r) => r.party.id === partyId);
                    return (
                      <li key={n.id}>
                        <Link className="yp-link" to={`/needs/${n.id}`}>
                          {n.title}
                        </Link>
                        <span className="yp-home-meta">
                          <StatusTag status={n.status} />
                          {own && <> · {t('home.needRole', { role: roleLabel(t, own.role) })}</>}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            <p className="yp-home-more">
              <Link className="yp-link" to={`/needs?party=${encodeURIComponent(partyId)}`}>
                {t('home.needsAll')}
              </Link>
            </p>
          </section>
        )}

        {partyId && (
          <section className="yp-card" aria-labelledby="home-agreements" data-testid="home-agreements">
            <Heading variant="h2" id="home-agreements">
              {t('home.agreements')}
            </Heading>
            <p>{t('home.agreementsIntro')}</p>
            {waiting.length === 0 ? (
              <p className="yp-muted">{t('home.agreementsEmpty')}</p>
            ) : (
              <ul className="yp-home-list">
                {waiting.map((a) => (
                  <li key={a.id}>
                    <Link className="yp-link" to={`/agreements/${a.id}`}>
                      {name(a.titles)}
                    </Link>
                    {a.validFrom && <span className="yp-home-meta">{date(a.validFrom)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {(isSecretariat || !partyId) && (
          <section className="yp-card" aria-labelledby="home-gaps" data-testid="home-gaps">
            <Heading variant="h2" id="home-gaps">
              {t('home.gaps')}
            </Heading>
            <p>{t('home.gapsCount', { count: data.gaps.totalCount })}</p>
            <p className="yp-home-more">
              <Link className="yp-link" to="/needs?gaps=1">
                {t('home.gapsLink')}
              </Link>
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
