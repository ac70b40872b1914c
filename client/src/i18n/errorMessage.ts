import { fieldError, type ApiError } from '../graphql/errors';
import type { Language, MessageKey, Translate } from './i18n';
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

/**
 * The server's refusal of one form field (see fieldError) in the reader's words, or undefined when it refused none.
 * `lang`: the reader's language, so that a refusal the client cannot translate reads as a general sentence in it
 * (fieldErrorMessage).
 */
export function serverFieldMessage(error: ApiError | undefined, path: string, t: Translate, lang?: Language): string | undefined {
  const message = fieldError(error, path);
  return message === undefined ? undefined : fieldErrorMessage(message, t, lang);
}

/** The server's (and GraphQL's) refusals of a number, each with the words that say it. */
const NUMBER_REFUSALS: readonly [RegExp, (m: RegExpExecArray, t: Translate) => string][] = [
  [/^Cannot be negative$/, (_, t) => t('error.fieldAtLeast', { min: 0 })],
  [/^At least (-?\d+)$/, (m, t) => t('error.fieldAtLeast', { min: Number(m[1]) })],
  [/^At most (-?\d+)$/, (m, t) => t('error.fieldAtMost', { max: Number(m[1]) })],
  [/^Too large$/, (_, t) => t('error.fieldTooLarge')],
  [/^Expected a whole number$|^Int cannot represent non-integer value/, (_, t) => t('error.fieldWholeNumber')],
  [/^Expected a number$|^Float cannot represent non numeric value/, (_, t) => t('error.fieldNumber')],
  [/^Expected a year$/, (_, t) => t('error.fieldYear')],
  [/^From (\d{4})$/, (m, t) => t('error.fieldYearFrom', { year: m[1] ?? '' })],
  [/^Until (\d{4})$/, (m, t) => t('error.fieldYearUntil', { year: m[1] ?? '' })],
  // GraphQL's Int holds 32 bits: the value's sign tells which end it passed.
  [
    /^Int cannot represent non 32-bit signed integer value: (-?)/,
    (m, t) => (m[1] ? t('error.fieldAtLeast', { min: -2147483648 }) : t('error.fieldAtMost', { max: 2147483647 })),
  ],
];

/**
 * The text beside a field the server refused. The contract gives only an
 * English message per field, so the common ones of the server's validation
 * are recognised and translated. Any other is shown as the server wrote it
 * when the reader reads English or the caller does not say (`lang`), and in
 * Finnish and Swedish as a general sentence that the value was not accepted:
 * never English words in a Finnish or Swedish form.
 */
export function fieldErrorMessage(message: string, t: Translate, lang?: Language): string {
  // graphql-js refusing a variable's value names the variable, the value and the path before its reason:
  // 'Variable "$input" got invalid value "" at "input.decisionDate"; Expected a date as YYYY-MM-DD'. An empty
  // value is a missing one; otherwise the reason is what to say.
  const coercion = /^Variable "\$\w+" got invalid value (.*?) at "[^"]+"; (.*)$/s.exec(message);
  if (coercion) return coercion[1] === '""' ? t('error.fieldRequired') : fieldErrorMessage(coercion[2] ?? '', t, lang);
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
  for (const [pattern, say] of NUMBER_REFUSALS) {
    const match = pattern.exec(message);
    if (match) return say(match, t);
  }
  return lang && lang !== 'en' ? t('error.fieldUnknown') : t('error.field', { message });
}
