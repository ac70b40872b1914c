import './analytics.messages';
import { useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import type { DisclosuresQuery as DisclosuresResult } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SecretariatOnly } from '../auth/SecretariatOnly';
import { DataTable } from '../../components/DataTable';
import { DisclosuresQuery } from './analytics.documents';
import { disclosureOutcomeLabel, distinctById, outcomeCodes } from './analytics.util';
import type { FilterOption } from './FilterDropdown';
import { LogPage } from './LogPage';
import { useCursorList } from './useCursorList';
import './analytics.css';

type Disclosure = DisclosuresResult['disclosures']['edges'][number]['node'];

const selectDisclosures = (data: DisclosuresResult) => data.disclosures;

/** /disclosures: the 906/2019 § 17 log of queries made with API tokens; the secretariat only (the server refuses others too). */
export function DisclosuresPage() {
  const { t } = useI18n();
  return (
    <SecretariatOnly title={t('disclosures.title')} message={t('disclosures.secretariatOnly')}>
      <DisclosureLog />
    </SecretariatOnly>
  );
}

function DisclosureLog() {
  const { t } = useI18n();
  const [userId, setUserId] = useState<string>();
  const [apiTokenId, setApiTokenId] = useState<string>();
  const list = useCursorList(DisclosuresQuery, { userId, apiTokenId }, selectDisclosures);

  // The API has no list of users or tokens, so the filters offer those seen so far, remembered across filter changes.
  const seenUsers = useRef(new Map<string, FilterOption>());
  const seenTokens = useRef(new Map<string, FilterOption>());
  for (const d of list.nodes ?? []) {
    if (d.user) seenUsers.current.set(d.user.id, { id: d.user.id, label: d.user.displayName });
    if (d.apiToken)
      seenTokens.current.set(d.apiToken.id, { id: d.apiToken.id, label: `${d.apiToken.name} (${d.apiToken.prefix}…)` });
  }
  const users = distinctById(seenUsers.current.values());
  const tokens = distinctById(seenTokens.current.values());
  const filtered = userId !== undefined || apiTokenId !== undefined;

  return (
    <LogPage
      messages="disclosures"
      filters={[
        {
          id: 'disclosure-filter-user',
          name: 'user',
          label: t('disclosures.filterUser'),
          allLabel: t('disclosures.filterUserAll'),
          value: userId,
          options: users,
          onChange: setUserId,
        },
        {
          id: 'disclosure-filter-token',
          name: 'token',
          label: t('disclosures.filterToken'),
          allLabel: t('disclosures.filterTokenAll'),
          value: apiTokenId,
          options: tokens,
          onChange: setApiTokenId,
        },
      ]}
      actions={
        filtered && (
          <Button
            variant="secondaryNoBorder"
            onClick={() => {
              setUserId(undefined);
              setApiTokenId(undefined);
            }}
          >
            {t('analytics.clearFilters')}
          </Button>
        )
      }
      note={<p className="yp-muted yp-filters__note">{t('disclosures.filterNote')}</p>}
      list={list}
    >
      {(nodes) => <DisclosureTable rows={nodes} />}
    </LogPage>
  );
}

function DisclosureTable({ rows }: { rows: readonly Disclosure[] }) {
  const { t, dateTime } = useI18n();
  return (
    <DataTable
      caption={t('disclosures.caption')}
      columns={[
        t('disclosures.col.at'),
        t('disclosures.col.user'),
        t('disclosures.col.token'),
        t('disclosures.col.operation'),
        t('disclosures.col.fields'),
        t('disclosures.col.outcome'),
      ]}
      compact
      testId="disclosure-table"
      wrap="scroll"
    >
      {rows.map((d) => {
        const codes = outcomeCodes(d.outcome);
        const ok = codes.length === 1 && codes[0] === 'ok';
        return (
          <tr key={d.id} data-disclosure-id={d.id} data-request-id={d.requestId}>
            <th scope="row" className="yp-nowrap">
              <time dateTime={d.at}>{dateTime(d.at)}</time>
              <span className="yp-meta">{d.transport === 'ws' ? 'WebSocket' : 'HTTP'}</span>
            </th>
            <td>{d.user?.displayName ?? t('disclosures.unknown')}</td>
            <td>
              {d.apiToken ? (
                <>
                  <span>{d.apiToken.name}</span>
                  <span className="yp-meta">
                    <code className="yp-code-inline">{d.apiToken.prefix}…</code>
                  </span>
                </>
              ) : (
                t('disclosures.unknown')
              )}
            </td>
            <td className="yp-disclosure-op">
              <span className="yp-disclosure-op__name">
                {d.operationType ?? ''} {d.operationName ?? t('disclosures.unnamed')}
              </span>
              <details className="yp-fold">
                <summary>{t('disclosures.showQuery')}</summary>
                <pre className="yp-codeblock" tabIndex={0} aria-label={t('disclosures.showQuery')}>
                  {d.query}
                </pre>
                {d.variables != null && (
                  <>
                    <span className="yp-meta">{t('disclosures.variables')}</span>
                    <pre className="yp-codeblock" tabIndex={0} aria-label={t('disclosures.variables')}>
                      {JSON.stringify(d.variables, null, 2)}
                    </pre>
                  </>
                )}
                <span className="yp-meta">{t('disclosures.requestId', { id: d.requestId })}</span>
              </details>
            </td>
            <td>
              {d.rootFields.map((field) => (
                <code key={field} className="yp-code-inline yp-field-chip">
                  {field}
                </code>
              ))}
            </td>
            <td>
              <span className={ok ? 'yp-outcome-badge yp-outcome-badge--ok' : 'yp-outcome-badge yp-outcome-badge--error'}>
                {ok
                  ? t('disclosures.ok')
                  : t('disclosures.refused', { codes: codes.map((code) => disclosureOutcomeLabel(t, code)).join(', ') })}
              </span>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
