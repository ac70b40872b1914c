import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { MultiSelectField } from '../../components/MultiSelectField';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import type { Role } from '../../graphql/generated/graphql';
import { looksLikeEmail } from '../cooperation/forms.util';
import { languages, type Language, type MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import type { ShownLink } from './LinkPanel';
import { InviteUserMutation } from './people.documents';
import { RoleCheckboxes } from './RoleCheckboxes';

type InviteField = 'email' | 'displayName' | 'partyId' | 'roles';

/** The server's refusals of the party (a representative or seats in bodies without one), in the form's words. */
const PARTY_REFUSALS: Record<string, MessageKey> = {
  'A party representative must have a party': 'people.partyRequired',
  'Choose the party the person represents in the bodies': 'people.partyRequiredForBodies',
};

/** The longest address and name the server takes (accounts' input: 254 and 200 characters). */
const MAX_EMAIL = 254;
const MAX_NAME = 200;

/**
 * The form's own checks before sending (the server checks again), every field at once: an address of the right
 * shape and length, a name not too long, and a
 * party when the person is to represent one or sit in bodies.
 */
export function checkInvite(values: {
  email: string;
  displayName: string;
  partyId: string;
  roles: readonly Role[];
  bodyIds: readonly string[];
}): FieldProblems<InviteField> {
  const problems: FieldProblems<InviteField> = {};
  const email = values.email.trim();
  const name = values.displayName.trim();
  if (email === '') problems.email = 'error.fieldRequired';
  else if (!looksLikeEmail(email)) problems.email = 'people.emailInvalid';
  else if (email.length > MAX_EMAIL) problems.email = { key: 'error.fieldTooLong', values: { max: MAX_EMAIL } };
  if (name === '') problems.displayName = 'error.fieldRequired';
  else if (name.length > MAX_NAME) problems.displayName = { key: 'error.fieldTooLong', values: { max: MAX_NAME } };
  if (!values.partyId && values.roles.includes('PARTY_REPRESENTATIVE')) problems.partyId = 'people.partyRequired';
  else if (!values.partyId && values.bodyIds.length > 0) problems.partyId = 'people.partyRequiredForBodies';
  return problems;
}

/** The secretariat invites a person: address, name, party, roles, bodies and the e-mail's language. */
export function InviteForm({
  parties,
  bodies,
  onInvited,
  focusKey,
}: {
  parties: readonly SelectOption[];
  bodies: readonly SelectOption[];
  onInvited: (link: ShownLink) => void;
  /** Given, the form's heading takes focus when the form appears (the keyboard comes back from the link panel). */
  focusKey?: string;
}) {
  const { t } = useI18n();
  const [, invite] = useMutation(InviteUserMutation);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [partyId, setPartyId] = useState('');
  // Nothing ticked at first: a representative needs a party, which is not chosen yet either.
  const [roles, setRoles] = useState<Role[]>([]);
  const [bodyIds, setBodyIds] = useState<string[]>([]);
  const [language, setLanguage] = useState<Language>('fi');
  const { error, setError, busy, submit } = useSubmission();
  const fields = useFieldErrors<InviteField>('invite', error, setError, {
    email: (message) => (message === 'An account with this email already exists' ? t('people.emailTaken') : undefined),
    partyId: (message) => (PARTY_REFUSALS[message] ? t(PARTY_REFUSALS[message]) : undefined),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!fields.check(checkInvite({ email, displayName: name, partyId, roles, bodyIds }))) return;
    const done = await submit(
      () =>
        invite({
          input: {
            email: email.trim(),
            displayName: name.trim(),
            partyId: partyId || null,
            roles,
            memberships: bodyIds.map((bodyId) => ({ bodyId, role: 'MEMBER' as const })),
            language,
          },
        }),
      (data) => data.inviteUser,
    );
    // After the server's refusal too, focus moves to the first field it marked.
    if (!done) return fields.refused();
    onInvited({ name: done.user.displayName, link: done.link, expiresAt: done.expiresAt as string, emailed: done.emailed });
    setEmail('');
    setName('');
    setBodyIds([]);
  }

  const languageOptions: SelectOption<Language>[] = languages.map((value) => ({ value, label: t(`people.lang.${value}`) }));

  return (
    <Card headingId="invite-heading" title={t('people.inviteTitle')} testId="invite-form" focusKey={focusKey}>
      <form ref={fields.formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        <TextField
          {...fields.bind('email', setEmail)}
          type="email"
          label={t('people.email')}
          autoComplete="off"
          value={email}
          fullWidth
        />
        <TextField
          {...fields.bind('displayName', setName)}
          id="invite-name"
          name="name"
          label={t('people.name')}
          autoComplete="off"
          value={name}
          fullWidth
        />
        <SelectField
          id="invite-party"
          label={t('people.party')}
          value={partyId}
          options={parties}
          onChange={(v) => (setPartyId(v), fields.clear('partyId'))}
          emptyLabel={t('people.noParty')}
          hint={t('people.partyHint')}
          error={fields.messageFor('partyId')}
          testId="invite-party"
          fullWidth
        />
        <RoleCheckboxes
          id="invite-roles"
          legend={t('people.roles')}
          value={roles}
          onChange={(next) => (setRoles(next), fields.clear('partyId'))}
        />
        <MultiSelectField
          id="invite-bodies"
          label={t('people.bodies')}
          hint={t('people.bodiesHint')}
          value={bodyIds}
          options={bodies}
          onChange={(next) => (setBodyIds(next), fields.clear('partyId'))}
          testId="invite-bodies"
        />
        <SelectField<Language>
          id="invite-language"
          label={t('people.language')}
          value={language}
          options={languageOptions}
          onChange={(v) => setLanguage(v || 'fi')}
          testId="invite-language"
        />
        <FormFooter
          error={fields.formError(['email', 'displayName', 'partyId'])}
          busy={busy}
          busyText={t('people.inviting')}
          label={t('people.invite')}
        />
      </form>
    </Card>
  );
}
