import { useState, type FormEvent } from 'react';
import { Heading, TextInput } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { ChangePasswordMutation } from './profile.documents';

/** The server's policy messages in the reader's language. */
function policyMessage(message: string | undefined, t: ReturnType<typeof useI18n>['t']): string | undefined {
  if (!message) return undefined;
  if (message === 'Wrong password') return t('profile.wrongPassword');
  if (/^At least \d+ characters$/.test(message)) return t('profile.tooShort');
  if (/most common/.test(message)) return t('profile.tooCommon');
  return fieldErrorMessage(message, t);
}

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

  const currentMessage = policyMessage(fieldError(error, 'currentPassword'), t);
  const nextMessage = policyMessage(fieldError(error, 'newPassword'), t);

  return (
    <section className="yp-card" aria-labelledby="password-heading" data-testid="change-password">
      <Heading variant="h2" id="password-heading">
        {t('profile.passwordTitle')}
      </Heading>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
        <TextInput
          type="password"
          id="current-password"
          name="currentPassword"
          labelText={t('profile.currentPassword')}
          autoComplete="current-password"
          value={current}
          onChange={(v) => setCurrent(String(v ?? ''))}
          status={currentMessage ? 'error' : 'default'}
          statusText={currentMessage}
          fullWidth
        />
        <TextInput
          type="password"
          id="new-password"
          name="newPassword"
          labelText={t('profile.newPassword')}
          hintText={t('profile.newPasswordHint')}
          autoComplete="new-password"
          value={next}
          onChange={(v) => setNext(String(v ?? ''))}
          status={nextMessage ? 'error' : 'default'}
          statusText={nextMessage}
          fullWidth
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
