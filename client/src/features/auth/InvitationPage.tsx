import '../people/people.messages';
import '../profile/profile.messages';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { InlineAlert, Paragraph } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { FormFooter } from '../../components/FormFooter';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { NewPasswordField, PasswordField } from '../../components/PasswordField';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import { toApiError } from '../../graphql/errors';
import { parseLanguage } from '../../i18n/i18n';
import { storedLanguage } from '../../i18n/I18nProvider';
import { useI18n } from '../../i18n/useI18n';
import { passwordMessage } from '../profile/passwordMessage';
import { AcceptAccountLinkMutation, AccountLinkQuery } from './auth.documents';
import './invitation.css';
import { useSignIn } from './useSignIn';

/** The refusal of a link in the reader's words: expired, used, or not (or no longer) there. */
function LinkRefused({ reason }: { reason: 'EXPIRED' | 'USED' | 'NOT_FOUND' }) {
  const { t } = useI18n();
  const text =
    reason === 'EXPIRED' ? t('invitation.expired') : reason === 'USED' ? t('invitation.used') : t('invitation.notFound');
  return (
    <>
      <InlineAlert status="error" data-testid="link-refused" data-reason={reason}>
        {text}
      </InlineAlert>
      <p className="yp-mt-m">
        <Link to="/login" className="yp-link">
          {t('invitation.toLogin')}
        </Link>
      </p>
    </>
  );
}

type InvitationField = 'password' | 'confirm';

/**
 * The form's own checks before sending, every field at once (the server checks the whole policy again): a password
 * of the policy's length (`minLength`, as the server tells it), and the same one again.
 */
export function invitationProblems(password: string, confirm: string, minLength: number): FieldProblems<InvitationField> {
  const problems: FieldProblems<InvitationField> = {};
  if (password === '') problems.password = 'error.fieldRequired';
  else if ([...password].length < minLength) problems.password = { key: 'profile.tooShort', values: { min: minLength } };
  if (confirm === '') problems.confirm = 'error.fieldRequired';
  else if (confirm !== password) problems.confirm = 'invitation.mismatch';
  return problems;
}

/**
 * The page speaks the language the link was sent in, the e-mail's: once, when it opens, unless a language was
 * chosen in this browser before (the reader's own choice wins). The switch works as anywhere else afterwards,
 * and the language stays for the signed-in pages that follow.
 */
function useLinkLanguage(language: string | undefined) {
  const { lang, setLang } = useI18n();
  useEffect(() => {
    const wanted = parseLanguage(language);
    if (wanted && wanted !== lang && storedLanguage() === undefined) setLang(wanted);
    // Only when the link's language is known: a later switch by the reader is theirs.
  }, [language]);
}

/** /invitation/:token (public): the holder of a one-time link sets a password under the policy and is signed in (issue 12). */
export function InvitationPage() {
  const { t, lang } = useI18n();
  const { token = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: AccountLinkQuery, variables: { token }, requestPolicy: 'network-only' });
  const [, accept] = useMutation(AcceptAccountLinkMutation);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { error: submitError, setError: setSubmitError, busy, signIn } = useSignIn();
  // The form's own checks and the server's policy refusals beside the fields, focus on the first (useFieldErrors).
  const fields = useFieldErrors<InvitationField>('invitation', submitError, setSubmitError, {
    password: (message) => passwordMessage(message, t, lang),
  });
  useLinkLanguage(data?.accountLink?.language);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitError(undefined);
    if (!fields.check(invitationProblems(password, confirm, data!.accountLink!.minPasswordLength))) return;
    const signedIn = await signIn(
      () => accept({ token, password }),
      (data) => !!data.acceptAccountLink,
      '/',
    );
    if (!signedIn) fields.refused();
  }

  const heading = <PageHeading title={t('invitation.title')}>{t('invitation.title')}</PageHeading>;
  const loadError = toApiError(error);
  if (!data)
    return loadError ? (
      <>
        {heading}
        <PageError error={loadError} onRetry={() => reexecute()} />
      </>
    ) : (
      <PageLoading />
    );
  const link = data.accountLink;
  const refused =
    submitError?.reason === 'EXPIRED' || submitError?.reason === 'USED'
      ? submitError.reason
      : submitError?.code === 'NOT_FOUND'
        ? 'NOT_FOUND'
        : undefined;
  if (!link || link.state !== 'VALID' || refused) {
    return (
      <div className="yp-invitation">
        {heading}
        <LinkRefused
          reason={refused ?? (link?.state === 'EXPIRED' ? 'EXPIRED' : link?.state === 'USED' ? 'USED' : 'NOT_FOUND')}
        />
      </div>
    );
  }

  return (
    <div className="yp-invitation">
      {heading}
      <section className="yp-card" aria-label={t('invitation.title')}>
        <Paragraph mb="s">
          <strong>{t('invitation.welcome', { name: link.displayName })}</strong>
        </Paragraph>
        <Paragraph mb="m">
          {t(link.kind === 'INVITATION' ? 'invitation.intro' : 'invitation.resetIntro', { email: link.email })}
        </Paragraph>
        <form ref={fields.formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
          {/* The account's address for password managers, not editable. */}
          <input type="email" name="email" autoComplete="username" value={link.email} readOnly hidden />
          <NewPasswordField {...fields.bind('password', setPassword)} label={t('invitation.password')} value={password} />
          <PasswordField
            {...fields.bind('confirm', setConfirm)}
            label={t('invitation.confirm')}
            autoComplete="new-password"
            value={confirm}
          />
          <FormFooter
            error={fields.formError(['password'])}
            busy={busy}
            busyText={t('invitation.submitting')}
            label={t('invitation.submit')}
          />
        </form>
      </section>
    </div>
  );
}
