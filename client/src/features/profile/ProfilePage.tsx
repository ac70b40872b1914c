import './profile.messages';
import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../components/Card';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { toApiError, type ApiError } from '../../graphql/errors';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { formatDateTime } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EndSessionMutation, MySessionsQuery } from './profile.documents';
import './profile.css';

/** /profile: everyone changes their own password and sees and ends their own sessions (issue 12). */
export function ProfilePage() {
  const { t, lang } = useI18n();
  const [{ data, error }, reexecute] = useQuery({ query: MySessionsQuery });
  useRefetchOnReconnect(reexecute);
  const [, endSession] = useMutation(EndSessionMutation);
  const [status, setStatus] = useState('');
  const [endError, setEndError] = useState<ApiError>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  async function onEnd(id: string) {
    setEndError(undefined);
    const result = await endSession({ id });
    if (result.data?.endSession) setStatus(t('profile.sessionEnded'));
    else setEndError(toApiError(result.error));
    refresh();
  }

  return (
    <>
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      <p role="status" className="yp-status" data-testid="profile-status">
        {status}
      </p>
      <ChangePasswordForm
        onChanged={() => {
          setStatus(t('profile.changed'));
          refresh();
        }}
      />
      <Card headingId="sessions-heading" title={t('profile.sessionsTitle')} className="yp-mt-m">
        {endError && <ErrorAlert error={endError} />}
        {!data ? (
          <PageLoadingOrError error={toApiError(error)} onRetry={refresh} />
        ) : (
          <ul className="yp-sessions" data-testid="sessions">
            {data.mySessions.map((s) => (
              <li key={s.id} className="yp-card" data-testid="session" data-current={s.current}>
                <p>
                  {t('profile.sessionCreated', { time: formatDateTime(s.createdAt as string, lang) })},{' '}
                  {t('profile.sessionExpires', { time: formatDateTime(s.expiresAt as string, lang) })}
                </p>
                {s.current ? (
                  <p>
                    <strong>{t('profile.thisSession')}</strong>
                  </p>
                ) : (
                  <Button variant="secondary" onClick={() => void onEnd(s.id)}>
                    {t('profile.endSession')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
