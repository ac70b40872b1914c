import { useState, type FormEvent } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField, passwordPolicyMessage } from '../../components/PasswordField';
import { SubmitButton } from '../../components/SubmitButton';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { ChangePasswordMutation } from './profile.documents';

/** Current and new password; the server ends the person's other sessions on success. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [, change] = useMutation(ChangePasswordMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    const result = await change({ currentPassword: current, newPassword: next });
    setBusy(false);
    if (result.data?.changePassword) {
      setCurrent('');
      setNext('');
      onChanged();
      return;
    }
    setError(toApiError(result.error));
  }

  const currentMessage = passwordPolicyMessage(fieldError(error, 'currentPassword'), t);
  const nextMessage = passwordPolicyMessage(fieldError(error, 'newPassword'), t);

  return (
    <section className="yp-card" aria-labelledby="password-heading" data-testid="change-password">
      <Heading variant="h2" id="password-heading">
        {t('profile.passwordTitle')}
      </Heading>
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
        {error && !currentMessage && !nextMessage && <ErrorAlert error={error} />}
        <div className="yp-actions">
          <SubmitButton busy={busy} busyText={t('profile.changing')}>
            {t('profile.change')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
