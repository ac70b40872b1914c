import './profile.messages';
import { passwordPolicyMessage } from '../../components/PasswordField';
import type { Language, MessageKey, Translate } from '../../i18n/i18n';

/** The password policy's reasons (server/auth/password-policy.ts, in English) and their words in the reader's language. */
const POLICY_REASONS: [RegExp, MessageKey][] = [
  [/^This password is a common one with digits or symbols added/, 'profile.commonVariant'],
  [/^This password is a simple pattern/, 'profile.pattern'],
  [/^This password is made of your e-mail address, your name or the service's name/, 'profile.personal'],
];

/**
 * The server's refusal of a password (the policy's reasons, a wrong current password) in the reader's language:
 * why it was refused, so they know what to choose instead.
 */
export function passwordMessage(message: string | undefined, t: Translate, lang?: Language): string | undefined {
  const reason = message && POLICY_REASONS.find(([pattern]) => pattern.test(message));
  return reason ? t(reason[1]) : passwordPolicyMessage(message, t, lang);
}
