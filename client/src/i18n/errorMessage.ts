import { fieldError, type ApiError } from '../graphql/errors';
import type { MessageKey, Translate } from './i18n';
import { sectionTitle } from '../features/meetings/sectionMark';

/** Refusals of the lawful meeting record that the UI explains by their `reason`. */
const REASONS = [
  'NO_QUORUM',
  'UNDECIDED_ITEMS',
  'NOT_MINUTES_CHECKER',
  'NO_CHECKERS',
  'ALREADY_CHECKED',
  'NOT_CHECKED',
  'CHECKER_NOT_PRESENT',
  'CHECKER_ABSENT',
  'TOO_MANY_VOTES',
  'NOT_A_SEAT',
  'HOLDS_A_SEAT',
  'NOT_A_DEPUTY',
  'OTHER_PARTY',
  'SEAT_TAKEN',
  'SEAT_HOLDER_PRESENT',
  'DEPUTY_STANDS_IN',
  'NOT_A_PARTICIPANT',
  'NOT_A_VOTING_MEMBER',
  'VOTES_ONLY_FOR_VOTE',
  'SECTIONS_PUBLISHED',
  'MINUTES_CHECKED',
  'NO_ACCOUNT',
  'MINUTES_CHANGED_AFTER_CHECK',
] as const;

/**
 * Where an error is shown; a few codes read differently there. `page`: a page that could not load (PageError),
 * which has no fields to mark.
 */
export type ErrorContext = 'default' | 'login' | 'page';

/**
 * The sentence a user reads for an API error. Messages from the server are
 * English and meant for logs; the UI speaks the user's language by code.
 */
export function errorMessage(error: ApiError, t: Translate, context: ErrorContext = 'default'): string {
  if (error.reason && (REASONS as readonly string[]).includes(error.reason)) {
    return t(`rec.reason.${error.reason}` as MessageKey, {
      present: error.quorum?.present ?? '?',
      members: error.quorum?.members ?? '?',
      required: error.quorum?.required ?? '?',
      items: (error.items ?? []).map(sectionTitle).join(', '),
    });
  }
  switch (error.code) {
    case 'UNAUTHENTICATED':
      // At login the same code means wrong credentials, not an expired session.
      return context === 'login' ? t('login.wrongCredentials') : t('error.UNAUTHENTICATED');
    case 'BAD_USER_INPUT':
      return context === 'page' ? t('error.BAD_USER_INPUT_PAGE') : t('error.BAD_USER_INPUT');
    case 'CONFLICT':
      return t('error.CONFLICT', { version: error.currentVersion ?? '?' });
    case 'INVALID_TRANSITION':
      return t('error.INVALID_TRANSITION', { from: error.from ?? '?', to: error.to ?? '?' });
    case 'QUERY_TOO_COMPLEX':
      return t('error.QUERY_TOO_COMPLEX', { limit: error.limit ?? '?', actual: error.actual ?? '?' });
    case 'RATE_LIMITED': {
      const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
      // "900 seconds" is hard to grasp; from a minute and a half up, say minutes.
      return seconds < 90
        ? t('error.RATE_LIMITED', { seconds })
        : t('error.RATE_LIMITED_MINUTES', { minutes: Math.ceil(seconds / 60) });
    }
    case 'SERVICE_UNAVAILABLE':
      return t('error.SERVICE_UNAVAILABLE', { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds ?? 5)) });
    case 'INTERNAL_SERVER_ERROR':
      return t('error.INTERNAL_SERVER_ERROR', { requestId: error.requestId ?? '–' });
    default:
      return t(`error.${error.code}`);
  }
}

/** The server's refusal of one form field (see fieldError) in the reader's words, or undefined when it refused none. */
export function serverFieldMessage(error: ApiError | undefined, path: string, t: Translate): string | undefined {
  const message = fieldError(error, path);
  return message === undefined ? undefined : fieldErrorMessage(message, t);
}

/**
 * The text beside a field the server refused. The contract gives only an
 * English message per field, so the common ones of the server's validation
 * are recognised and translated; any other is shown as the server wrote it.
 */
export function fieldErrorMessage(message: string, t: Translate): string {
  // graphql-js refusing a variable's value names the variable, the value and the path before its reason:
  // 'Variable "$input" got invalid value "" at "input.decisionDate"; Expected a date as YYYY-MM-DD'. An empty
  // value is a missing one; otherwise the reason is what to say.
  const coercion = /^Variable "\$\w+" got invalid value (.*?) at "[^"]+"; (.*)$/s.exec(message);
  if (coercion) return coercion[1] === '""' ? t('error.fieldRequired') : fieldErrorMessage(coercion[2] ?? '', t);
  if (message === 'Required') return t('error.fieldRequired');
  if (message === 'Has no visible character') return t('error.fieldInvisible');
  if (message === 'Must be a single line (no line breaks)') return t('error.fieldOneLine');
  if (message === 'Not an email address') return t('error.fieldEmail');
  if (message === 'A decision already made cannot be dated after today') return t('error.fieldDecidedInFuture');
  // The needs rules' refusals (FORBIDDEN naming the field, issue 13).
  if (message === 'Choose a body you sit in') return t('need.ownerBodyRefused');
  if (message === 'Must concern your own party') return t('need.ownPartyRequiredPlain');
  const tooLong = /^At most (\d+) characters$/.exec(message);
  if (tooLong) return t('error.fieldTooLong', { max: tooLong[1] ?? '' });
  return t('error.field', { message });
}
