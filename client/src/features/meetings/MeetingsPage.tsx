import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CreateMeetingMutation, MeetingsQuery } from './meetings.documents';
import { runsMeetings, statusLabel } from './meetings.labels';
import './meetings.css';

/** The bodies' meetings, newest last per body, and a form for those who run a body's meetings. */
export function MeetingsPage() {
  const { t, name, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, reexecute] = useQuery({ query: MeetingsQuery, variables: {} });
  useRefetchOnReconnect(reexecute);
  const runnable = useMemo(
    () =>
      (data?.cooperationBodies ?? []).filter(
        (b) =>
          user?.roles.includes('SECRETARIAT') ||
          b.memberships.some((m) => m.active && runsMeetings.has(m.role) && m.person.user?.id === user?.id),
      ),
    [data, user],
  );
  if (error && !data)
    return <PageError error={toApiError(error)!} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <PageLoading />;
  const byBody = new Map<string, typeof data.meetings>();
  for (const m of data.meetings) byBody.set(m.body.id, [...(byBody.get(m.body.id) ?? []), m]);
  return (
    <div className="yp-container yp-meetings">
      <PageHeading title={t('meet.listTitle')}>{t('meet.listTitle')}</PageHeading>
      <p className="yp-lead">{t('meet.listIntro')}</p>
      {data.meetings.length === 0 && <p>{t('meet.none')}</p>}
      {[...byBody.entries()].map(([bodyId, meetings]) => (
        <section key={bodyId} aria-labelledby={`body-${bodyId}`} className="yp-meetings__body">
          <Heading variant="h2" id={`body-${bodyId}`}>
            {name(meetings[0]!.body.names)}
          </Heading>
          <ul className="yp-meeting-list">
            {meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>{m.title}</Link> <span className="yp-meta">{dateTime(m.startsAt)}</span>{' '}
                <span className={`yp-badge yp-badge--${m.status.toLowerCase()}`}>{statusLabel(t, m.status)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {runnable.length > 0 && <CreateMeetingForm bodies={runnable.map((b) => ({ id: b.id, label: name(b.names) }))} />}
      <p className="yp-mt-m">
        <Link to="/minutes">{t('meet.publishedLink')}</Link>
      </p>
    </div>
  );
}

function CreateMeetingForm({ bodies }: { bodies: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateMeetingMutation);
  const [bodyId, setBodyId] = useState(bodies[0]!.id);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [error, setError] = useState<ApiError>();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const when = startsAt ? new Date(startsAt) : null;
    const r = await create({
      input: { bodyId, title, startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : '' },
    });
    if (r.data) navigate(`/meetings/${r.data.createMeeting.id}`);
    else setError(toApiError(r.error));
  }
  return (
    <form className="yp-form yp-card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-meeting">
      <Heading variant="h2" id="new-meeting">
        {t('meet.new')}
      </Heading>
      <label className="yp-field">
        <span>{t('meet.body')}</span>
        <select value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label className="yp-field">
        <span>{t('meet.title')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!fieldError(error, 'title')} />
        {fieldError(error, 'title') && <span className="yp-field__error">{fieldError(error, 'title')}</span>}
      </label>
      <label className="yp-field">
        <span>{t('meet.startsAt')}</span>
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      </label>
      {error && <ErrorAlert error={error} />}
      <Button type="submit">{t('meet.create')}</Button>
    </form>
  );
}
