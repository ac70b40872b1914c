import './analytics.messages';
import { useEffect, useState } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { toApiError } from '../../graphql/errors';
import type { ApiTokenFieldsFragment } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { MyApiTokensQuery } from './analytics.documents';
import { CreateTokenForm, type CreatedToken } from './CreateTokenForm';
import { ListStates } from './ListStates';
import { NewTokenPanel } from './NewTokenPanel';
import { RevokeTokenDialog } from './RevokeTokenDialog';
import { TokenTable } from './TokenTable';
import { useNow } from './useNow';
import './analytics.css';

/** /api-tokens: every signed-in user creates, sees and revokes their own read-only API tokens. */
export function ApiTokensPage() {
  const { t, lang } = useI18n();
  const now = useNow();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyApiTokensQuery });
  useRefetchOnReconnect(reexecute);
  const [created, setCreated] = useState<CreatedToken>();
  const [revoking, setRevoking] = useState<ApiTokenFieldsFragment>();
  const [status, setStatus] = useState('');

  // "Last used" changes when a tool uses the token, which no event reports: ask again when the user comes back to the tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reexecute]);

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const apiError = toApiError(error);

  return (
    <>
      <PageHeading title={t('tokens.title')}>{t('tokens.title')}</PageHeading>
      <p className="yp-lead">{t('tokens.intro')}</p>
      {created ? (
        <NewTokenPanel name={created.name} secret={created.secret} onDismiss={() => setCreated(undefined)} />
      ) : (
        <CreateTokenForm
          onCreated={(token) => {
            setStatus('');
            setCreated(token);
            refresh();
          }}
        />
      )}
      <section aria-labelledby="tokens-list-heading" className="yp-mt-m">
        <div className="yp-section-head">
          <Heading variant="h2" id="tokens-list-heading">
            {t('tokens.listTitle')}
          </Heading>
          <Button variant="secondaryNoBorder" onClick={refresh} disabled={fetching} data-testid="refresh-tokens">
            {t('tokens.refresh')}
          </Button>
        </div>
        <p role="status" className="yp-status" data-testid="token-status-message">
          {status}
        </p>
        <ListStates items={data?.myApiTokens} error={apiError} onRetry={refresh} empty={t('tokens.none')}>
          {(tokens) => <TokenTable tokens={tokens} now={now} onRevoke={setRevoking} />}
        </ListStates>
        <p className="yp-muted yp-token-docs">
          {t('tokens.docs')} {/* A server route, not a client one: a plain link so the router does not catch it. */}
          <a className="yp-link" href={`/docs/analytics?lang=${lang}`} hrefLang={lang} data-testid="analysts-guide-link">
            {t('tokens.docsLink')}
          </a>
        </p>
      </section>
      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={(token) => {
            setRevoking(undefined);
            setStatus(t('tokens.revoked', { name: token.name }));
          }}
        />
      )}
    </>
  );
}
