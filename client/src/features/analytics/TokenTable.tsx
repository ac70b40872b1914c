import { Button } from 'suomifi-ui-components';
import type { ApiTokenFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { DataTable } from '../../components/DataTable';
import { TimeAgo } from './TimeAgo';

/** The user's tokens: name, prefix, created, last used, status, and a revoke button for live ones. */
export function TokenTable({
  tokens,
  now,
  onRevoke,
}: {
  tokens: readonly ApiTokenFieldsFragment[];
  now: number;
  onRevoke: (token: ApiTokenFieldsFragment) => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <DataTable
      caption={t('tokens.caption')}
      columns={[
        t('tokens.col.name'),
        t('tokens.col.prefix'),
        t('tokens.col.created'),
        t('tokens.col.lastUsed'),
        t('tokens.col.status'),
        t('tokens.col.actions'),
      ]}
      testId="token-table"
      wrap="scroll"
    >
      {tokens.map((token) => (
        <tr key={token.id} data-token-id={token.id} data-revoked={token.revokedAt ? 'true' : 'false'}>
          <th scope="row">{token.name}</th>
          <td>
            <code className="yp-code-inline">{token.prefix}…</code>
          </td>
          <td className="yp-nowrap">{dateTime(token.createdAt)}</td>
          <td className="yp-nowrap" data-testid="token-last-used">
            {token.lastUsedAt ? (
              <TimeAgo at={token.lastUsedAt} now={now} />
            ) : (
              <span className="yp-muted">{t('tokens.neverUsed')}</span>
            )}
          </td>
          <td data-testid="token-status">
            {token.revokedAt ? (
              <span className="yp-token-status yp-token-status--revoked">
                {t('tokens.revokedStatus')}
                <span className="yp-meta">{dateTime(token.revokedAt)}</span>
              </span>
            ) : (
              <span className="yp-token-status yp-token-status--active">{t('tokens.active')}</span>
            )}
          </td>
          <td>
            {!token.revokedAt && (
              <Button
                variant="secondary"
                onClick={() => onRevoke(token)}
                aria-label={t('tokens.revokeNamed', { name: token.name })}
              >
                {t('tokens.revoke')}
              </Button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
