import '../meetings/record.messages';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { DateField } from '../../components/DateField';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { LabelledInput } from '../../components/LabelledInput';
import { SubmitButton } from '../../components/SubmitButton';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { toApiError } from '../../graphql/errors';
import type { ActionStatus, NeedDetailFieldsFragment, ResponsibilityRole } from '../../graphql/generated/graphql';
import { Link } from 'react-router';
import { byPlaceName } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { DataTable } from '../../components/DataTable';
import { CreateActionMutation, NeedOptionsQuery, SetResponsibilityMutation, UpdateActionMutation } from './needs.documents';
import { leadNamers, whoSetsResponsibilities } from './leadNamers';
import { actionProblems, type ActionField } from './needForm';
import { actionStatusLabel, actionStatuses, roleLabel, roles } from './needs.labels';
import { sectionTitle } from '../meetings/sectionMark';
import { firstField } from '../cooperation/useFormFocus';

/** The server's field message when it refuses a party other than the user's own (FORBIDDEN `fields`, needs.actions.ts). */
const OWN_PARTY_ONLY = 'Choose your own party';
/** The server's field message when it refuses a change to a LEAD party's part (FORBIDDEN `fields`, needs.service.ts). */
const LEAD_PART_REFUSED = "Not allowed to change the lead's part";

/** The party a form about the need starts with: the only one the server allows, else none (the user picks). */
function initialPartyId(allowed: readonly string[] | null | undefined) {
  return allowed?.length === 1 ? allowed[0]! : '';
}

/**
 * The party a form about the need is for, by name: only those the server allows (`NeedPermissions`'
 * responsibilityPartyIds / actionOwnerPartyIds: null for any party, the need's editors; else the user's own).
 */
function PartyField({
  id,
  name: fieldName,
  label,
  allowed,
  exclude = [],
  value,
  onChange,
  error,
}: {
  id: string;
  /** The field's path in its mutation's input. */
  name: string;
  label: string;
  /** The parties the server allows; null (or undefined) for any party. */
  allowed: readonly string[] | null | undefined;
  /** Parties not offered even so (a LEAD party, to those who may not change its part). */
  exclude?: readonly string[];
  value: string;
  onChange: (partyId: string) => void;
  /** The field's message (its form's messageFor; useFieldErrors' bind gives it, the name and the onChange). */
  error?: string | undefined;
}) {
  const { t, name } = useI18n();
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const partyOptions = byPlaceName(
    (options?.parties ?? []).filter((p) => (allowed == null || allowed.includes(p.id)) && !exclude.includes(p.id)),
    (p) => name(p.names),
  ).map((p) => ({ value: p.id, label: name(p.names) }));
  return (
    <SelectField
      id={id}
      name={fieldName}
      label={label}
      value={value}
      placeholder={t('need.select')}
      options={partyOptions}
      onChange={onChange}
      error={error}
    />
  );
}

/** The parties' parts in the need, and (for those allowed) a form to set one. */
export function ResponsibilitiesSection({ need }: { need: NeedDetailFieldsFragment }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const ownerBody = need.ownerBody && name(need.ownerBody.names);
  const { responsibilityPartyIds: allowedParties, responsibilityRoles: allowedRoles, nameLead } = need.viewerCan;
  // Editors set any party's part (null); others at most their own party's, and not as LEAD.
  const anyParty = need.viewerCan.setResponsibility && allowedParties == null;
  // A LEAD party's part is changed only by those who name the lead (nameLead): to the others it is not offered,
  // and its row says who changes it.
  const leadLocked = need.viewerCan.setResponsibility && !nameLead;
  const leadParties = leadLocked ? need.responsibilities.filter((r) => r.role === 'LEAD').map((r) => r.party.id) : [];
  const [partyId, setPartyId] = useState(() => initialPartyId(allowedParties));
  const [role, setRole] = useState<ResponsibilityRole>(() => allowedRoles[0] ?? 'CONTRIBUTOR');
  const [description, setDescription] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  const [status, setStatus] = useState('');
  const [, set] = useMutation(SetResponsibilityMutation);
  const fields = useFieldErrors<'partyId' | 'role'>('responsibility', error, setError, {
    partyId: (m) =>
      m === OWN_PARTY_ONLY
        ? t('need.responsibilityPartyRefused')
        : m === LEAD_PART_REFUSED
          ? t('need.leadPartRefused')
          : undefined,
    role: () => t('need.leadRefused'),
  });
  const formError = fields.formError(['partyId', 'role']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    if (!fields.check(partyId ? {} : { partyId: 'need.partyRequired' })) return;
    const saved = await submit(
      () => set({ needId: need.id, partyId, role, description: description.trim() || null }),
      (data) => data.setResponsibility,
    );
    if (!saved) return;
    setStatus(t('need.responsibilitySaved'));
    setDescription('');
  }

  return (
    <Card headingId="resp-heading" title={t('need.responsibilities')}>
      {need.hasGap && <p className="yp-gap yp-gap--block">{t('needs.gap')}</p>}
      {need.responsibilities.length === 0 ? (
        <p className="yp-muted">{t('need.noResponsibilities')}</p>
      ) : (
        <DataTable
          caption={t('need.responsibilities')}
          captionHidden
          columns={[t('need.party'), t('need.role'), t('need.description')]}
          compact
          stack
          testId="responsibilities"
        >
          {need.responsibilities.map((r) => (
            <tr key={r.party.id} role="row">
              <th scope="row" role="rowheader">
                {name(r.party.names)}
              </th>
              <td role="cell" data-label={t('need.role')}>
                <span className={`yp-tag yp-role--${r.role}`}>{roleLabel(t, r.role)}</span>
                {leadLocked && r.role === 'LEAD' && (
                  <div className="yp-meta" data-testid="lead-locked">
                    {t('need.leadSetBy', { who: leadNamers(i18n, ownerBody) })}
                  </div>
                )}
              </td>
              <td role="cell" data-label={t('need.description')}>
                {r.description ?? ''}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {!anyParty && (
        <p className="yp-muted" data-testid="responsibility-who">
          {whoSetsResponsibilities(i18n, ownerBody)} {need.viewerCan.setResponsibility && t('need.ownPartOnly')}
        </p>
      )}
      {need.viewerCan.setResponsibility && (
        <form ref={fields.formRef} className="yp-inline-form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <PartyField
            {...fields.bind('partyId', setPartyId)}
            id="responsibility-party"
            label={t('need.party')}
            allowed={allowedParties}
            exclude={leadParties}
            value={partyId}
          />
          <SelectField<ResponsibilityRole>
            {...fields.bind('role', (r: ResponsibilityRole | '') => r && setRole(r))}
            id="responsibility-role"
            label={t('need.role')}
            value={role}
            options={roles.filter((r) => allowedRoles.includes(r)).map((r) => ({ value: r, label: roleLabel(t, r) }))}
          />
          <label className="yp-inline-form__grow">
            {t('need.description')}
            <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <SubmitButton busy={busy} busyText={t('edit.saving')}>
            {t('need.setResponsibility')}
          </SubmitButton>
          <ActionOutcome error={formError} status={status} />
        </form>
      )}
    </Card>
  );
}

/** One action's status, changeable by its owner party. */
function ActionStatusControl({ action }: { action: NeedDetailFieldsFragment['actions'][number] }) {
  const { t } = useI18n();
  const [, update] = useMutation(UpdateActionMutation);
  const [message, setMessage] = useState('');
  if (!action.viewerCanUpdate)
    return <span className={`yp-tag yp-action--${action.status}`}>{actionStatusLabel(t, action.status)}</span>;
  return (
    <>
      <SelectField<ActionStatus>
        id={`action-status-${action.id}`}
        label={`${t('need.status')}: ${action.title}`}
        labelMode="hidden"
        value={action.status}
        options={actionStatuses.map((s) => ({ value: s, label: actionStatusLabel(t, s) }))}
        onChange={async (status) => {
          if (!status || status === action.status) return;
          const result = await update({ id: action.id, expectedVersion: action.version, input: { status } });
          const error = toApiError(result.error);
          setMessage(
            error?.code === 'CONFLICT'
              ? t('need.actionConflict', { status: actionStatusLabel(t, action.status) })
              : error
                ? error.message
                : t('need.actionSaved'),
          );
        }}
      />
      <span role="status" className="yp-visually-hidden">
        {message}
      </span>
    </>
  );
}

/** The agreed actions; overdue ones stand out; a party adds its own. */
export function ActionsSection({ need }: { need: NeedDetailFieldsFragment }) {
  const { t, name, date } = useI18n();
  const allowedOwners = need.viewerCan.actionOwnerPartyIds;
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(() => initialPartyId(allowedOwners));
  const [due, setDue] = useState('');
  // A new date field after each added action: the calendar's own selected day (its button's name) starts empty too.
  const [dueField, setDueField] = useState(0);
  const [added, setAdded] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  const [, create] = useMutation(CreateActionMutation);
  const fields = useFieldErrors<ActionField>('action', error, setError, {
    ownerPartyId: (m) => (m === OWN_PARTY_ONLY ? t('need.ownerPartyRefused') : undefined),
  });
  const formError = fields.formError(['title', 'ownerPartyId']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setAdded('');
    if (!fields.check(actionProblems({ title, ownerPartyId: owner }))) return;
    const created = await submit(
      () => create({ input: { needId: need.id, title: title.trim(), ownerPartyId: owner, dueDate: due || null } }),
      (data) => data.createAction,
    );
    // After the server's refusal (a title too long), focus moves to the first field it marked.
    if (!created) return fields.refused();
    // The status line names the party it went to; the form starts over as it first was (the owner too, so the
    // next action does not go to this one's party unasked) and the keyboard goes to its first field.
    const owned = created.need.actions.find((a) => a.id === created.id)?.ownerParty;
    setAdded(t('need.actionAdded', { title: title.trim(), party: owned ? name(owned.names) : '–' }));
    setTitle('');
    setOwner(initialPartyId(allowedOwners));
    setDue('');
    setDueField((n) => n + 1);
    firstField(fields.formRef.current)?.focus();
  }

  return (
    <Card headingId="actions-heading" title={t('need.actions')}>
      {need.actions.length === 0 ? (
        <p className="yp-muted">{t('need.noActions')}</p>
      ) : (
        <DataTable
          caption={t('need.actions')}
          captionHidden
          columns={[t('need.actionTitle'), t('need.owner'), t('need.due'), t('need.status')]}
          compact
          stack
          testId="actions"
        >
          {need.actions.map((a) => (
            <tr key={a.id} role="row" className={a.overdue ? 'yp-row--overdue' : undefined}>
              <th scope="row" role="rowheader">
                {a.title}
                {a.agendaItem && (
                  <div className="yp-meta" data-testid="action-decision">
                    <Link className="yp-link" to={`/meetings/${a.agendaItem.meeting.id}`}>
                      {t('rec.decidedIn', {
                        meeting: a.agendaItem.meeting.title,
                        section: sectionTitle(a.agendaItem),
                      })}
                    </Link>
                  </div>
                )}
              </th>
              <td role="cell" data-label={t('need.owner')}>
                {name(a.ownerParty.names)}
              </td>
              <td role="cell" data-label={t('need.due')}>
                <span className="yp-nowrap">{a.dueDate ? date(a.dueDate) : '–'}</span>{' '}
                {a.overdue && <span className="yp-tag yp-tag--overdue">{t('need.overdue')}</span>}
              </td>
              <td role="cell" data-label={t('need.status')}>
                <ActionStatusControl action={a} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {need.viewerCan.createAction && (
        <form ref={fields.formRef} className="yp-inline-form yp-inline-form--level" onSubmit={(e) => void onSubmit(e)} noValidate>
          <LabelledInput
            errors={fields}
            field="title"
            id="action-title"
            className="yp-inline-form__grow"
            label={t('need.actionTitle')}
            type="text"
            required
            value={title}
            onChange={setTitle}
          />
          <PartyField
            {...fields.bind('ownerPartyId', setOwner)}
            id="action-owner"
            label={t('need.owner')}
            allowed={allowedOwners}
            value={owner}
          />
          <DateField key={dueField} id="action-due" label={t('need.due')} value={due} onChange={setDue} />
          <SubmitButton busy={busy} busyText={t('edit.saving')}>
            {t('need.addAction')}
          </SubmitButton>
          {formError && <ErrorAlert error={formError} />}
        </form>
      )}
      {need.viewerCan.createAction && (
        <p role="status" className="yp-status" data-testid="action-added">
          {added}
        </p>
      )}
    </Card>
  );
}
