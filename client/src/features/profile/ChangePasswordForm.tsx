import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { NewPasswordField, PasswordField } from '../../components/PasswordField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { useI18n } from '../../i18n/useI18n';
import { passwordMessage as policyMessage } from './passwordMessage';
import { ChangePasswordMutation } from './profile.documents';

type PasswordFormField = 'currentPassword' | 'newPassword';

/** Current and new password; the server ends the person's other sessions on success. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  // The server's password messages in the reader's words, which the general field messages do not know.
  const passwordMessage = (message: string) => policyMessage(message, t);
  const fields = useFieldErrors<PasswordFormField>('password', error, setError, {
    currentPassword: passwordMessage,
    newPassword: passwordMessage,
  });
  const [, change] = useMutation(ChangePasswordMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const changed = await submit(
      () => change({ currentPassword: current, newPassword: next }),
      (data) => data.changePassword,
    );
    // After a refusal (a wrong current password, a weak new one), focus moves to the first field the server marked.
    if (!changed) return fields.refused();
    setCurrent('');
    setNext('');
    onChanged();
  }

  return (
    <Card headingId="password-heading" title={t('profile.passwordTitle')} testId="change-password">
      <form ref={fields.formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        {/* The fields keep their own ids, not useFieldErrors' `password-currentPassword`. */}
        <PasswordField
          {...fields.bind('currentPassword', setCurrent)}
          id="current-password"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={current}
        />
        <NewPasswordField
          {...fields.bind('newPassword', setNext)}
          id="new-password"
          label={t('profile.newPassword')}
          value={next}
        />
        <FormFooter
          error={fields.formError(['currentPassword', 'newPassword'])}
          busy={busy}
          busyText={t('profile.changing')}
          label={t('profile.change')}
        />
      </form>
    </Card>
  );
}
