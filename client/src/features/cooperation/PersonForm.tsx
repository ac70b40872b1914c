import { useEffect, useRef, useState, type ComponentProps, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { LabelledInput } from '../../components/LabelledInput';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import type { CreatePersonMutation } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { CreatePersonMutation as CreatePersonDocument } from './cooperation.documents';
import { AgreementPartyOptionsQuery } from './agreements.documents';
import { looksLikeEmail, optionalText } from './forms.util';

type Field = 'name' | 'title' | 'partyId' | 'email' | 'phone';

/** A person just created, as the membership form needs them. */
export type CreatedPerson = CreatePersonMutation['createPerson'];

/**
 * Creates a person to seat in a body when they are not yet in the list (the
 * secretariat, or a body's chair or secretary). The party must be chosen
 * here, with no guess: a membership is on behalf of a party, and the new
 * person's party is what the membership takes.
 */
export function PersonForm({ onCreated }: { onCreated: (person: CreatedPerson) => void }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  const [, create] = useMutation(CreatePersonDocument);
  const [values, setValues] = useState({ name: '', title: '', partyId: '', email: '', phone: '' });
  const { error, setError, busy, submit } = useSubmission();
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => nameInput.current?.focus(), []);

  const errors = useFieldErrors<Field>('person-new', error, setError);
  const { check, formRef, bind } = errors;
  /** Sets a value; the fields clear their own field's message. */
  const put = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  /** One of the person's text fields; the browser offers no values of its own (they are someone else's details). */
  const input = (
    field: Exclude<Field, 'partyId'>,
    label: string,
    attributes: Pick<ComponentProps<typeof LabelledInput>, 'id' | 'type' | 'required' | 'inputRef'> = {},
  ) => (
    <LabelledInput
      errors={errors}
      field={field}
      label={label}
      autoComplete="off"
      value={values[field]}
      onChange={put(field)}
      {...attributes}
    />
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const problems: FieldProblems<Field> = {};
    if (values.name.trim() === '') problems.name = 'coop.person.nameRequired';
    if (values.partyId === '') problems.partyId = 'coop.person.partyRequired';
    if (values.email.trim() !== '' && !looksLikeEmail(values.email)) problems.email = 'coop.person.emailInvalid';
    if (!check(problems)) return;
    const created = await submit(
      () =>
        create({
          input: {
            name: values.name.trim(),
            title: optionalText(values.title),
            partyId: values.partyId,
            email: optionalText(values.email),
            phone: optionalText(values.phone),
          },
        }),
      (data) => data.createPerson,
    );
    if (!created) return;
    setValues({ name: '', title: '', partyId: values.partyId, email: '', phone: '' });
    onCreated(created);
  }

  return (
    <Card
      headingId="person-new-heading"
      title={t('coop.person.title')}
      level="h3"
      className="yp-card yp-coop-subcard"
      testId="person-new"
    >
      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        {input('name', t('coop.person.name'), { id: 'person-new-name', inputRef: nameInput, required: true })}
        {input('title', t('coop.person.jobTitle'))}
        <SelectField
          label={t('coop.person.party')}
          value={values.partyId}
          emptyLabel={t('coop.form.noValue')}
          options={(data?.parties ?? []).map((p) => ({ value: p.id, label: name(p.names) }))}
          {...bind('partyId', put('partyId'))}
        />
        {input('email', t('coop.person.email'), { id: 'person-new-email', type: 'email' })}
        {input('phone', t('coop.person.phone'), { type: 'tel' })}
        <FormFooter error={error} busy={busy} busyText={t('edit.saving')} label={t('coop.person.create')} />
      </form>
    </Card>
  );
}
