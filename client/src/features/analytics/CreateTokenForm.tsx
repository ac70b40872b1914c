import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { fieldError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { CreateApiTokenMutation } from './analytics.documents';

/** A token just created: its name and the secret the server shows only in this answer. */
export interface CreatedToken {
  /** The token's id: revoking it hides its secret. */
  id: string;
  name: string;
  secret: string;
}

/** Names and creates a read-only token; hands the secret up once. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  const { check, formRef, bind } = useFieldErrors<'name'>('token', error, setError);
  const [, create] = useMutation(CreateApiTokenMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (name.trim() === '') {
      check({ name: 'tokens.nameRequired' });
      return;
    }
    const created = await submit(
      () => create({ name: name.trim() }),
      (data) => data.createApiToken,
    );
    if (!created) return;
    setName('');
    onCreated({ id: created.apiToken.id, name: created.apiToken.name, secret: created.token });
  }

  return (
    <Card headingId="token-create-heading" title={t('tokens.createTitle')} testId="create-token">
      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form yp-token-form">
        <TextField
          {...bind('name', setName)}
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          autoComplete="off"
          maxLength={100}
          value={name}
          fullWidth
        />
        <FormFooter
          error={fieldError(error, 'name') ? undefined : error}
          busy={busy}
          busyText={t('tokens.creating')}
          label={t('tokens.create')}
        />
      </form>
    </Card>
  );
}
