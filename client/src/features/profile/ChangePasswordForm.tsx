import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../components/Card';
import { FormFooter } from '../../components/FormFooter';
import { PasswordField, passwordPolicyMessage } from '../../components/PasswordField';
import { useSubmission } from '../../components/useSubmission';
import { fieldError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { ChangePasswordMutation } from './profile.documents';

/** Current and new password; the server ends the person's other sessions on success. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { error, setError, busy, submit } = useSubmission();
  const [, change] = useMutation(ChangePasswordMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const changed = await submit(
      () => change({ currentPassword: current, newPassword: next }),
      (data) => data.changePassword,
    );
    if (!changed) return;
    setCurrent('');
    setNext('');
    onChanged();
  }

  const currentMessage = passwordPolicyMessage(fieldError(error, 'currentPassword'), t);
  const nextMessage = passwordPolicyMessage(fieldError(error, 'newPassword'), t);

  return (
    <Card headingId="password-heading" title={t('profile.passwordTitle')} testId="change-password">
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        <PasswordField
          id="current-password"
          name="currentPassword"
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={currentMessage}
        />
        <PasswordField
          id="new-password"
          name="newPassword"
          label={t('profile.newPassword')}
          hint={t('profile.newPasswordHint')}
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={nextMessage}
        />
        <FormFooter
          error={currentMessage || nextMessage ? undefined : error}
          busy={busy}
          busyText={t('profile.changing')}
          label={t('profile.change')}
        />
      </form>
    </Card>
  );
}
