import { fieldErrorMessage } from '../i18n/errorMessage';
import type { Language } from '../i18n/i18n';
import { useI18n } from '../i18n/useI18n';
import { TextField } from './TextField';

/** The server's password policy messages (and a wrong current password) in the reader's language. */
export function passwordPolicyMessage(
  message: string | undefined,
  t: ReturnType<typeof useI18n>['t'],
  lang?: Language,
): string | undefined {
  if (!message) return undefined;
  if (message === 'Wrong password') return t('profile.wrongPassword');
  const tooShort = /^At least (\d+) characters$/.exec(message);
  if (tooShort) return t('profile.tooShort', { min: Number(tooShort[1]) });
  if (/most common/.test(message)) return t('profile.tooCommon');
  return fieldErrorMessage(message, t, lang);
}

/** What a password field takes. */
export interface PasswordFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** `new-password` lets password managers offer a strong one. */
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A password input of a form: full width, with its problem (if any) said under it. */
export function PasswordField(props: PasswordFieldProps) {
  return <TextField {...props} type="password" fullWidth />;
}

/**
 * The new password a person chooses under the server's policy (an invitation's or a reset link's, a change of
 * one's own): the policy said as its hint, and `new-password` so that password managers offer a strong one.
 */
export function NewPasswordField(props: Omit<PasswordFieldProps, 'hint' | 'autoComplete'>) {
  const { t } = useI18n();
  return <PasswordField {...props} hint={t('profile.newPasswordHint')} autoComplete="new-password" />;
}
