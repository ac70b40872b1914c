import './meetings.messages';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { LinkParagraph } from '../../components/LinkParagraph';
import { DateTimeField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CardForm } from '../../components/CardForm';
import { ErrorPage } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { toApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CreateMeetingMutation, MeetingsQuery } from './meetings.documents';
import { runsMeetings } from './meetings.labels';
import { MeetingStatusBadge } from './MeetingStatusBadge';
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
  if (error && !data) return <ErrorPage error={toApiError(error)!} onRetry={refetch} />;
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
                <span className="yp-meta">{dateTime(m.startsAt)}</span> <MeetingStatusBadge status={m.status} />
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

/** The form's fields; the start's time part (`startsAtTime`) is the form's own, the server names only `startsAt`. */
type NewMeetingField = 'bodyId' | 'title' | 'startsAt' | 'startsAtTime';
const NEW_MEETING_FIELDS: readonly NewMeetingField[] = ['bodyId', 'title', 'startsAt', 'startsAtTime'];

/**
 * The form's own checks (meetings.rules) as the messages beside its fields. A start already gone is asked about once:
 * unless `pastAccepted` (the user sends the same start again, recording a meeting already held).
 */
function newMeetingProblems(values: { title: string; startsAt: string }, pastAccepted: boolean): FieldProblems<NewMeetingField> {
  const checked = validateNewMeeting(values);
  const problems: FieldProblems<NewMeetingField> = {};
  if (checked.title === 'required') problems.title = 'meet.new.titleRequired';
  if (checked.title === 'tooLong') problems.title = { key: 'meet.new.titleTooLong', values: { max: MAX_MEETING_TITLE } };
  if (checked.startsAt === 'required') problems.startsAt = 'meet.new.dateRequired';
  if (checked.startsAt === 'invalid') problems.startsAt = 'meet.new.startsAtInvalid';
  if (checked.startsAt === 'past' && !pastAccepted) problems.startsAt = 'meet.new.startsInPast';
  if (checked.startsAtTime === 'required') problems.startsAtTime = 'meet.new.timeRequired';
  if (checked.startsAtTime === 'invalid') problems.startsAtTime = 'meet.new.timeInvalid';
  return problems;
}

/** A new meeting: checked here first (a title, a complete start time), so no malformed request leaves the browser. */
function CreateMeetingForm({ bodies }: { bodies: { id: string; label: string }[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateMeetingMutation);
  const [bodyId, setBodyId] = useState(bodies[0]!.id);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  // The start already gone the user was asked about: sent again unchanged, it is meant (a meeting already held).
  const [pastAsked, setPastAsked] = useState<string>();
  const { error, setError, busy, submit } = useSubmission();
  // The server's field messages are English for logs; the field is marked with the form's own words.
  const fields = useFieldErrors<NewMeetingField>('new-meeting', error, setError, {
    bodyId: () => t('meet.new.bodyInvalid'),
    title: (message) =>
      /^At most/.test(message) ? t('meet.new.titleTooLong', { max: MAX_MEETING_TITLE }) : t('meet.new.titleRequired'),
    startsAt: () => t('meet.new.startsAtInvalid'),
  });
  const changeStart = (value: string) => {
    setStartsAt(value);
    fields.clear('startsAtTime');
  };
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const iso = localToIso(startsAt);
    const problems = newMeetingProblems({ title, startsAt }, pastAsked === startsAt);
    if (problems.startsAt === 'meet.new.startsInPast') setPastAsked(startsAt);
    if (!fields.check(problems) || iso === undefined) return;
    const created = await submit(
      () => create({ input: { bodyId, title: title.trim(), startsAt: iso } }),
      (data) => data.createMeeting,
    );
    if (!created) return fields.refused();
    void navigate(`/meetings/${created.id}`);
  }
  const count = fields.count(NEW_MEETING_FIELDS);
  const formError = fields.formError(NEW_MEETING_FIELDS);
  return (
    <CardForm formRef={fields.formRef} onSubmit={onSubmit} headingId="new-meeting" title={t('meet.new')}>
      <SelectField
        label={t('meet.body')}
        value={bodyId}
        options={bodies.map((b) => ({ value: b.id, label: b.label }))}
        {...fields.bind('bodyId', setBodyId)}
      />
      <label className="yp-field">
        <span>{t('meet.title')}</span>
        <input
          name="title"
          value={title}
          required
          aria-required="true"
          onChange={(e) => (setTitle(e.target.value), fields.clear('title'))}
          {...fields.aria('title')}
        />
        {fields.errorText('title')}
      </label>
      <DateTimeField
        label={t('meet.startsAt')}
        value={startsAt}
        {...fields.bind('startsAt', changeStart)}
        timeError={fields.messageFor('startsAtTime')}
      />
      {count > 0 && !formError && (
        <p className="yp-field__error" role="alert">
          {t('meet.new.fixFields', { count })}
        </p>
      )}
      {formError && <ErrorAlert error={formError} />}
      <Button type="submit" disabled={busy}>
        {t('meet.create')}
      </Button>
    </CardForm>
  );
}
