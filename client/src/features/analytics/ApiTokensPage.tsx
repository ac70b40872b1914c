import './analytics.messages';
import { useEffect, useRef, useState } from 'react';
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
  // Counts the revokes: after each the dialog and the token's Revoke button are gone, so the list's heading takes the
  // focus (once the dialog has closed) and the status message says which token was revoked.
  const [revokes, setRevokes] = useState(0);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (revokes > 0) listHeading.current?.focus();
  }, [revokes]);

  // "Last used" changes when a tool uses the token, which no event reports: ask again when the user comes back to the tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reexecute]);

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  // A token just created but revoked meanwhile (here or in another tab): its secret is not shown any more.
  const createdLive =
    created && !data?.myApiTokens.some((token) => token.id === created.id && token.revokedAt) ? created : undefined;
  const apiError = toApiError(error);

  return (
    <>
      <PageHeading title={t('tokens.title')}>{t('tokens.title')}</PageHeading>
      <p className="yp-lead">{t('tokens.intro')}</p>
      {createdLive ? (
        <NewTokenPanel name={createdLive.name} secret={createdLive.secret} onDismiss={() => setCreated(undefined)} />
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
          <Heading variant="h2" id="tokens-list-heading" tabIndex={-1} ref={listHeading}>
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
            // The secret of a token just revoked is no use to copy any more.
            if (created?.id === token.id) setCreated(undefined);
            setStatus(t('tokens.revoked', { name: token.name }));
            setRevokes((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
