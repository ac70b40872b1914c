import './meetings.messages';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { LinkParagraph } from '../../components/LinkParagraph';
import { DateTimeField } from '../../components/DateField';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { SelectField } from '../../components/SelectField';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CreateMeetingMutation, MeetingsQuery } from './meetings.documents';
import { runsMeetings, statusLabel } from './meetings.labels';
import { localToIso, MAX_MEETING_TITLE, validateNewMeeting } from './meetings.rules';
import './meetings.css';

/** The bodies' meetings, newest last per body, and a form for those who run a body's meetings. */
export function MeetingsPage() {
  const { t, name, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, refetch] = usePageQuery({ query: MeetingsQuery, variables: {} });
  const runnable = useMemo(
    () =>
      (data?.cooperationBodies ?? []).filter(
        (b) =>
          user?.roles.includes('SECRETARIAT') ||
          b.memberships.some((m) => m.active && runsMeetings.has(m.role) && m.person.user?.id === user?.id),
      ),
    [data, user],
  );
  if (error && !data) return <PageError error={toApiError(error)!} onRetry={refetch} />;
  if (!data) return <PageLoading />;
  const byBody = new Map<string, typeof data.meetings>();
  for (const m of data.meetings) byBody.set(m.body.id, [...(byBody.get(m.body.id) ?? []), m]);
  return (
    <div className="yp-meetings">
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
                <Link className="yp-link" to={`/meetings/${m.id}`}>
                  {m.title}
                </Link>{' '}
                <span className="yp-meta">{dateTime(m.startsAt)}</span>{' '}
                <span className={`yp-badge yp-badge--${m.status.toLowerCase()}`}>{statusLabel(t, m.status)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {runnable.length > 0 && <CreateMeetingForm bodies={runnable.map((b) => ({ id: b.id, label: name(b.names) }))} />}
      <LinkParagraph className="yp-mt-m" to="/minutes">
        {t('meet.publishedLink')}
      </LinkParagraph>
    </div>
  );
}

type NewMeetingField = 'bodyId' | 'title' | 'startsAt';

/** A new meeting: checked here first (a title, a complete start time), so no malformed request leaves the browser. */
function CreateMeetingForm({ bodies }: { bodies: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateMeetingMutation);
  const [bodyId, setBodyId] = useState(bodies[0]!.id);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [problems, setProblems] = useState<Partial<Record<NewMeetingField, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const { formRef, focusInvalid } = useFocusFirstInvalid();
  const order: NewMeetingField[] = ['bodyId', 'title', 'startsAt'];
  const serverMessage: Record<NewMeetingField, string> = {
    bodyId: t('meet.new.bodyInvalid'),
    title: t('meet.new.titleRequired'),
    startsAt: t('meet.new.startsAtInvalid'),
  };
  /** Marks the fields `found` names; focus moves to the first of them once they show. */
  function show(found: Partial<Record<NewMeetingField, string>>) {
    setProblems(found);
    if (Object.keys(found).length > 0) focusInvalid();
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const checked = validateNewMeeting({ title, startsAt });
    const found: Partial<Record<NewMeetingField, string>> = {};
    if (checked.title === 'required') found.title = t('meet.new.titleRequired');
    if (checked.title === 'tooLong') found.title = t('meet.new.titleTooLong', { max: MAX_MEETING_TITLE });
    if (checked.startsAt === 'required') found.startsAt = t('meet.new.startsAtRequired');
    if (checked.startsAt === 'invalid') found.startsAt = t('meet.new.startsAtInvalid');
    const iso = localToIso(startsAt);
    if (Object.keys(found).length > 0 || iso === undefined) return show(found);
    setProblems({});
    setBusy(true);
    const r = await create({ input: { bodyId, title: title.trim(), startsAt: iso } });
    setBusy(false);
    if (r.data) return void navigate(`/meetings/${r.data.createMeeting.id}`);
    const apiError = toApiError(r.error);
    // The server's field messages are English for logs; the field is marked with ours.
    const fromServer: Partial<Record<NewMeetingField, string>> = {};
    for (const f of order) if (fieldError(apiError, f)) fromServer[f] = serverMessage[f];
    setError(apiError);
    show(fromServer);
  }
  const count = Object.keys(problems).length;
  const described = (f: NewMeetingField) => (problems[f] ? `new-meeting-${f}-error` : undefined);
  return (
    <form ref={formRef} className="yp-form yp-card" onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-meeting" noValidate>
      <Heading variant="h2" id="new-meeting">
        {t('meet.new')}
      </Heading>
      <SelectField
        id="new-meeting-bodyId"
        label={t('meet.body')}
        value={bodyId}
        options={bodies.map((b) => ({ value: b.id, label: b.label }))}
        onChange={setBodyId}
        error={problems.bodyId}
      />
      <label className="yp-field">
        <span>{t('meet.title')}</span>
        <input
          name="title"
          value={title}
          required
          aria-required="true"
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!!problems.title}
          aria-describedby={described('title')}
        />
        {problems.title && (
          <span className="yp-field__error" id="new-meeting-title-error">
            {problems.title}
          </span>
        )}
      </label>
      <DateTimeField
        id="new-meeting-startsAt"
        name="startsAt"
        label={t('meet.startsAt')}
        value={startsAt}
        onChange={setStartsAt}
        error={problems.startsAt}
      />
      {count > 0 && !error && (
        <p className="yp-field__error" role="alert">
          {t('meet.new.fixFields', { count })}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <Button type="submit" disabled={busy}>
        {t('meet.create')}
      </Button>
    </form>
  );
}
