import './cooperation.messages';
import { ActionOutcome } from '../../components/ActionOutcome';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery, useSubscription } from 'urql';
import { FormFooter } from '../../components/FormFooter';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { PageHeading } from '../../components/PageHeading';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { CooperationBodyQuery as Result, MemberCapacity, MemberRole } from '../../graphql/generated/graphql';
import { placeNames, todayInFinland } from '../../i18n/i18n';
import { AppealInstructionsSection } from '../meetings/AppealInstructionsSection';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { ToggleButton } from '../../components/ToggleButton';
import { BackLink } from '../../components/BackLink';
import { Card, Section } from '../../components/Card';
import { InlineLinks } from '../../components/InlineLinks';
import { DataTable } from '../../components/DataTable';
import { PageFallback } from '../../components/PageFallback';
import { useCurrentUser } from '../auth/useCurrentUser';
import { BodyForm } from './BodyForm';
import { PersonForm, type CreatedPerson } from './PersonForm';
import { capacities, capacityLabel, cadenceLabel, memberRoles, roleLabel, tierLabel } from './cooperation.labels';
import { EndMembershipDialog } from './EndMembershipDialog';
import {
  AddMembershipMutation,
  BodyChangedSubscription,
  CooperationBodyQuery,
  EndMembershipMutation,
  PersonsQuery,
} from './cooperation.documents';
import './cooperation.css';

type Body = NonNullable<Result['cooperationBody']>;
type Membership = Body['memberships'][number];

const today = () => todayInFinland();

/** The members of one party as a table: person (row header), role, capacity, term, contact, actions. */
function MemberTable({ caption, members, canManage }: { caption: string; members: readonly Membership[]; canManage: boolean }) {
  const { t, date } = useI18n();
  const [, end] = useMutation(EndMembershipMutation);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<Membership>();
  const [busy, setBusy] = useState(false);
  const endsOn = (m: Membership) => (today() < (m.startsOn ?? '') ? (m.startsOn ?? today()) : today());
  async function onEnd(m: Membership) {
    setError(undefined);
    setBusy(true);
    const r = await end({ id: m.id, expectedVersion: m.version, endsOn: endsOn(m) });
    setBusy(false);
    setConfirming(undefined);
    if (r.data) setStatus(t('coop.ended', { name: m.person.name }));
    else setError(toApiError(r.error));
  }
  return (
    <DataTable
      caption={caption}
      columns={[
        t('coop.col.person'),
        t('coop.col.role'),
        t('coop.col.capacity'),
        t('coop.col.term'),
        t('coop.col.contact'),
        canManage && t('coop.col.actions'),
      ]}
      scrollClassName="yp-coop-scroll"
      compact
      after={
        <>
          <ActionOutcome error={error} status={status} />
          {confirming && (
            <EndMembershipDialog
              name={confirming.person.name}
              role={roleLabel(t, confirming.role)}
              endsOn={endsOn(confirming)}
              busy={busy}
              onConfirm={() => void onEnd(confirming)}
              onCancel={() => setConfirming(undefined)}
            />
          )}
        </>
      }
    >
      {members.map((m) => (
        <tr key={m.id} data-membership-id={m.id}>
          <th scope="row">
            {m.person.name}
            {m.person.title && <span className="yp-meta"> {m.person.title}</span>}
          </th>
          <td>{roleLabel(t, m.role)}</td>
          <td>{m.capacity ? capacityLabel(t, m.capacity) : t('coop.none')}</td>
          <td>{t('coop.term', { from: m.startsOn ? date(m.startsOn) : '', to: m.endsOn ? date(m.endsOn) : '' })}</td>
          <td>{[m.person.email, m.person.phone].filter(Boolean).join(', ') || t('coop.none')}</td>
          {canManage && (
            <td>
              {m.active && (
                <Button
                  variant="secondaryNoBorder"
                  onClick={() => setConfirming(m)}
                  aria-label={t('coop.endLabel', { name: m.person.name })}
                >
                  {t('coop.end')}
                </Button>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

/** The form to seat a person: person (created here if not yet in the list), role, capacity, start. */
function AddMemberForm({ bodyId }: { bodyId: string }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: PersonsQuery });
  const [, add] = useMutation(AddMembershipMutation);
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [capacity, setCapacity] = useState<MemberCapacity>('OFFICE_HOLDER');
  const [startsOn, setStartsOn] = useState(today());
  const { error, setError, busy, submit } = useSubmission();
  const fields = useFieldErrors<'personId'>('member', error, setError);
  const [status, setStatus] = useState('');
  const [creatingPerson, setCreatingPerson] = useState(false);
  // A person just created, until the refetched list has them.
  const [created, setCreated] = useState<CreatedPerson>();
  const persons = data?.persons ?? [];
  const choices = created && !persons.some((p) => p.id === created.id) ? [...persons, created] : persons;
  function onPersonCreated(person: CreatedPerson) {
    setCreated(person);
    setPersonId(person.id);
    fields.clear('personId');
    setCreatingPerson(false);
    setError(undefined);
    setStatus(t('coop.person.created', { name: person.name }));
    document.getElementById('member-person_button')?.focus();
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    if (!fields.check(personId ? {} : { personId: 'coop.personRequired' })) return;
    const added = await submit(
      () => add({ input: { bodyId, personId, role, capacity, startsOn: startsOn || null } }),
      (data) => data.addMembership,
    );
    if (added) setStatus(t('coop.added', { name: added.person.name }));
  }
  return (
    <Card headingId="add-member-heading" title={t('coop.addTitle')} testId="add-member">
      <form ref={fields.formRef} onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        <SelectField
          {...fields.bind('personId', setPersonId)}
          id="member-person"
          label={t('coop.addPerson')}
          value={personId}
          emptyLabel={t('coop.choosePerson')}
          options={choices.map((p) => ({ value: p.id, label: p.party ? `${p.name} (${name(p.party.names)})` : p.name }))}
        />
        <SelectField<MemberRole>
          id="member-role"
          name="role"
          label={t('coop.addRole')}
          value={role}
          options={memberRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          onChange={(next) => next && setRole(next)}
        />
        <SelectField<MemberCapacity>
          id="member-capacity"
          name="capacity"
          label={t('coop.addCapacity')}
          value={capacity}
          options={capacities.map((c) => ({ value: c, label: capacityLabel(t, c) }))}
          onChange={(next) => next && setCapacity(next)}
        />
        <DateField id="member-startsOn" name="startsOn" label={t('coop.addStartsOn')} value={startsOn} onChange={setStartsOn} />
        <FormFooter
          error={error}
          busy={busy}
          busyText={t('edit.saving')}
          label={t('coop.addSubmit')}
          status={status}
          statusTestId="add-member-status"
        />
      </form>
      <p className="yp-muted">{t('coop.person.missing')}</p>
      <ToggleButton
        open={creatingPerson}
        setOpen={setCreatingPerson}
        label={t('coop.person.add')}
        closeLabel={t('coop.form.close')}
        controls="person-new-heading"
      />
      {creatingPerson && <PersonForm onCreated={onPersonCreated} />}
    </Card>
  );
}

/** /cooperation/bodies/:id: mandate, members grouped by party, live; managers add and end memberships. */
export function BodyPage() {
  const { id = '' } = useParams();
  const { t, name } = useI18n();
  const { user } = useCurrentUser();
  const [{ data, error }, refetch] = usePageQuery({ query: CooperationBodyQuery, variables: { id } });
  useSubscription({ query: BodyChangedSubscription, variables: { id } });
  const [editing, setEditing] = useState(false);
  const back = <BackLink to="/cooperation">{t('coop.back')}</BackLink>;
  if (!data?.cooperationBody) return <PageFallback before={back} error={error} onRetry={refetch} notFound={Boolean(data)} />;
  const body = data.cooperationBody;
  const title = name(body.names);
  const active = body.memberships.filter((m) => m.active);
  const ended = body.memberships.filter((m) => !m.active);
  const runsBody = active.some((m) => (m.role === 'CHAIR' || m.role === 'SECRETARY') && m.person.user?.id === user?.id);
  const isSecretariat = Boolean(user && user.roles.includes('SECRETARIAT'));
  const canManage = isSecretariat || runsBody;
  const byParty = new Map<string, { label: string; members: Membership[] }>();
  for (const m of active) {
    const entry = byParty.get(m.party.id) ?? { label: name(m.party.names), members: [] };
    entry.members.push(m);
    byParty.set(m.party.id, entry);
  }
  const groups = [...byParty.values()].sort((a, b) => placeNames.compare(a.label, b.label));

  return (
    <>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead yp-subtitle">
        {tierLabel(t, body.tier)}
        {body.level != null && <> · {t('coop.level', { level: body.level })}</>}
        {body.cadence && <> · {cadenceLabel(t, body.cadence)}</>}
      </p>
      <div className="yp-grid">
        <Card headingId="mandate-heading" title={t('coop.mandate')}>
          <p>{body.mandate ?? t('coop.none')}</p>
          <dl className="yp-details">
            <dt>{t('coop.themes')}</dt>
            <dd>{body.themes.map((th) => name(th.names)).join(', ') || t('coop.none')}</dd>
            <dt>{t('coop.parent')}</dt>
            <dd>
              {body.parent ? (
                <Link className="yp-link" to={`/cooperation/bodies/${encodeURIComponent(body.parent.id)}`}>
                  {name(body.parent.names)}
                </Link>
              ) : (
                t('coop.none')
              )}
            </dd>
            <dt>{t('coop.children')}</dt>
            <dd>
              {body.children.length === 0 ? (
                t('coop.none')
              ) : (
                <InlineLinks
                  links={body.children.map((c) => ({
                    id: c.id,
                    to: `/cooperation/bodies/${encodeURIComponent(c.id)}`,
                    label: name(c.names),
                  }))}
                />
              )}
            </dd>
          </dl>
        </Card>
      </div>
      {isSecretariat && (
        <ToggleButton open={editing} setOpen={setEditing} label={t('coop.form.edit')} closeLabel={t('coop.form.close')} />
      )}
      {isSecretariat && editing && <BodyForm key={body.id} body={body} onDone={() => undefined} onStale={refetch} />}
      <Section headingId="members-heading" title={t('coop.membersTitle')} testId="members">
        {groups.map((g) => (
          <MemberTable key={g.label} caption={g.label} members={g.members} canManage={canManage} />
        ))}
        {ended.length > 0 && <MemberTable caption={t('coop.endedTitle')} members={ended} canManage={false} />}
      </Section>
      {canManage && <AddMemberForm bodyId={body.id} />}
      <AppealInstructionsSection bodyId={body.id} canEdit={isSecretariat} />
    </>
  );
}
