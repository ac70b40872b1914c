import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { InlineAlert, Paragraph } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../components/Card';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { LoginMutation, SignInOptionsQuery } from './auth.documents';
import './login-sso.css';
import type { LoginRedirectState } from './RequireAuth';
import { useCurrentUser } from './useCurrentUser';
import { useSignIn } from './useSignIn';

/** The seeded demo accounts (api-contract.md); shown as a hint, they exist only in the demo region. */
const demoAccounts: readonly { email: string; description: MessageKey }[] = [
  { email: 'admin@demo.local', description: 'login.demo.admin' },
  { email: 'jyvaskyla@demo.local', description: 'login.demo.jyvaskyla' },
  { email: 'hyvinvointialue@demo.local', description: 'login.demo.hyvinvointialue' },
  { email: 'laukaa@demo.local', description: 'login.demo.laukaa' },
  { email: 'analyst@demo.local', description: 'login.demo.analyst' },
];
const demoPassword = 'demo-password';

/** Email and password login; on success the session is renewed and the user goes where they were headed. */
export function LoginPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const location = useLocation();
  const [, login] = useMutation(LoginMutation);
  const [{ data: options }] = useQuery({ query: SignInOptionsQuery });
  const [search] = useSearchParams();
  const sso = search.get('sso');
  const ssoProblem = sso === 'no-account' || sso === 'failed' ? sso : undefined;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const { error, setError, busy, signIn } = useSignIn();
  const submitRef = useRef<HTMLButtonElement>(null);
  // A submit with a field empty lands on the first field marked (as the other forms do), not on the button.
  const { formRef, focusInvalid } = useFocusFirstInvalid();

  const redirect = location.state as LoginRedirectState | null;
  const from = redirect?.from;
  const target = from && from !== '/login' ? from : '/';

  if (user === undefined) return <PageLoading />;
  if (user && !busy) return <Navigate to={target} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nextMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nextMissing);
    setError(undefined);
    if (nextMissing.email || nextMissing.password) return focusInvalid();
    await signIn(
      () => login({ email: email.trim(), password }),
      (data) => !!data.login,
      target,
    );
  }

  function fillDemo(account: string) {
    setEmail(account);
    setPassword(demoPassword);
    setMissing({});
    submitRef.current?.focus();
  }

  return (
    <div className="yp-login">
      <section className="yp-card yp-login__form" aria-labelledby="login-heading">
        <PageHeading title={t('login.title')} id="login-heading">
          {t('login.title')}
        </PageHeading>
        <p className="yp-lead">{t('login.intro')}</p>
        {redirect?.sessionEnded && (
          <InlineAlert status="warning" role="alert" className="yp-login__ended" data-testid="session-ended">
            {t(redirect.sessionEnded === 'loggedOutInOtherTab' ? 'login.loggedOutInOtherTab' : 'login.sessionEnded')}
            {redirect.draftsKept && <> {t('login.draftsKept')}</>}
          </InlineAlert>
        )}
        <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="yp-form">
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            id="login-email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={missing.email ? t('login.emailRequired') : undefined}
            fullWidth
          />
          <TextField
            label={t('login.password')}
            type="password"
            name="password"
            id="login-password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={missing.password ? t('login.passwordRequired') : undefined}
            fullWidth
          />
          {error && <ErrorAlert error={error} context="login" title={t('login.failedTitle')} />}
          <SubmitButton busy={busy} busyText={t('login.submitting')} buttonRef={submitRef}>
            {t('login.submit')}
          </SubmitButton>
        </form>
        {ssoProblem && (
          <InlineAlert status="error" className="yp-mt-m" data-testid="sso-problem">
            {t(`login.sso.${ssoProblem}`)}
          </InlineAlert>
        )}
        {options?.signInOptions.organisationSso && (
          <div className="yp-login__sso yp-mt-m">
            <Paragraph mb="xs">{t('login.ssoIntro')}</Paragraph>
            {/* A server route: the browser leaves for the organisation's sign-in and comes back signed in. */}
            <a className="yp-button-link yp-sso-button" href="/auth/oidc/start" data-testid="sso-button">
              {t('login.sso')}
            </a>
          </div>
        )}
      </section>
      <Card headingId="demo-heading" title={t('login.demoTitle')} className="yp-card yp-card--muted yp-login__demo">
        <Paragraph mb="xs">{t('login.demoIntro')}</Paragraph>
        <Paragraph>
          {t('login.demoPassword')} <strong className="yp-nowrap">{demoPassword}</strong>
        </Paragraph>
        <ul className="yp-demo">
          {demoAccounts.map((account) => (
            <li key={account.email}>
              <button type="button" className="yp-demo__button" onClick={() => fillDemo(account.email)}>
                <span className="yp-demo__email">{account.email}</span>
                <span className="yp-demo__role">{t(account.description)}</span>
              </button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
