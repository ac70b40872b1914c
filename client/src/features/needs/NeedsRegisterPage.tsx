import '../dashboard/dashboard.messages';
import './needs.messages';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useQuery, useSubscription } from 'urql';
import { PageError } from '../../components/PageError';
import { PageLoading } from '../../components/PageLoading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { toApiError } from '../../graphql/errors';
import type {
  ServiceNeedChangedSubscription,
  ServiceNeedFilter,
  ServiceNeedSort,
  ServiceNeedWithdrawnSubscription,
} from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { NeedChangedSubscription, NeedOptionsQuery, NeedWithdrawnSubscription, ServiceNeedsQuery } from './needs.documents';
import { NeedFilters } from './NeedFilters';
import { readView, registerFilterRules, toFilter, writeView, type RegisterView } from './needsFilters';
import { useUrlFilters } from '../../components/useUrlFilters';
import { NeedRows, NeedsTableHead } from './NeedsTable';
import { NeedsBoard } from './NeedsBoard';
import { ExportLinks } from '../dashboard/ExportLinks';
import { filtersFromRegister, unsupportedRegisterFilters } from '../dashboard/exportUrl';
import { NeedsViewHead } from './NeedsTabs';
import { useMayRecordNeeds } from './needsAccess';
import './filters.css';
import './tags.css';
import './register.css';

const PAGE = 25;
/** The board's size: one query, within the API's cost limit. */
const BOARD = 60;

/** Ids changed live in the last few seconds, to highlight them; `mark` adds one. */
function useRecentlyChanged(): [ReadonlySet<string>, (id: string) => void] {
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const mark = useCallback((id: string) => {
    setChanged((s) => new Set(s).add(id));
    setTimeout(
      () =>
        setChanged((s) => {
          const next = new Set(s);
          next.delete(id);
          return next;
        }),
      6000,
    );
  }, []);
  return [changed, mark];
}

/** One page of the table: its own query from a cursor, so earlier pages stay where they are. */
function TablePage({
  filter,
  sort,
  after,
  changed,
  onPage,
}: {
  filter: ServiceNeedFilter;
  sort: ServiceNeedSort;
  after: string | null;
  changed: ReadonlySet<string>;
  onPage: (info: { total: number; shown: number; endCursor: string | null; hasNext: boolean }) => void;
}) {
  const [{ data, error }, refetch] = usePageQuery({ query: ServiceNeedsQuery, variables: { filter, sort, first: PAGE, after } });
  const conn = data?.serviceNeeds;
  useEffect(() => {
    if (conn)
      onPage({
        total: conn.totalCount,
        shown: conn.edges.length,
        endCursor: conn.pageInfo.endCursor ?? null,
        hasNext: conn.pageInfo.hasNextPage,
      });
  }, [conn, onPage]);
  const apiError = toApiError(error);
  if (!conn) {
    return apiError ? (
      <tbody role="rowgroup">
        <tr role="row">
          <td role="cell" colSpan={9}>
            <PageError error={apiError} onRetry={refetch} />
          </td>
        </tr>
      </tbody>
    ) : null;
  }
  return (
    <tbody role="rowgroup">
      <NeedRows needs={conn.edges.map((e) => e.node)} changed={changed} />
    </tbody>
  );
}

/** /needs: the register of shared service needs, as a table or a board by status, filtered by the URL. */
export function NeedsRegisterPage() {
  const { t } = useI18n();
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const rules = useMemo(() => registerFilterRules(options), [options]);
  const { params, setParams, pending, notice } = useUrlFilters(rules);
  const view = useMemo(() => readView(params), [params]);
  const filter = useMemo(() => toFilter(view), [view]);
  const filterKey = JSON.stringify([filter, view.sort]);
  const setView = useCallback((next: RegisterView) => setParams(writeView(next), { replace: true }), [setParams]);
  const [changed, mark] = useRecentlyChanged();
  const [announce, setAnnounce] = useState('');

  // Live: a changed need merges into the cache by id (rows and cards update where they are); a new one
  // drops the cached lists (needs.cache.ts) and the pages fetch themselves again in place, so the user keeps their place.
  useSubscription<ServiceNeedChangedSubscription, null>({ query: NeedChangedSubscription }, (_prev, event) => {
    const e = event.serviceNeedChanged;
    mark(e.need.id);
    if (e.kind === 'CREATED') setAnnounce(t('needs.liveNew'));
    return null;
  });
  // A need the user may no longer see leaves the cache and the lists are fetched again without it (needs.cache.ts).
  useSubscription<ServiceNeedWithdrawnSubscription, null>({ query: NeedWithdrawnSubscription }, () => {
    setAnnounce(t('needs.liveWithdrawn'));
    return null;
  });

  // The table: pages from cursors; a new filter starts again from the first page.
  const [pages, setPages] = useState<{
    key: string;
    cursors: (string | null)[];
    info: Record<number, { total: number; shown: number; endCursor: string | null; hasNext: boolean }>;
  }>({
    key: filterKey,
    cursors: [null],
    info: {},
  });
  const current = pages.key === filterKey ? pages : { key: filterKey, cursors: [null], info: {} };
  const onPage = useCallback(
    (index: number) => (info: { total: number; shown: number; endCursor: string | null; hasNext: boolean }) =>
      setPages((p) =>
        p.key === filterKey
          ? { ...p, info: { ...p.info, [index]: info } }
          : { key: filterKey, cursors: [null], info: { [index]: info } },
      ),
    [filterKey],
  );
  const pageHandlers = useMemo(() => current.cursors.map((_, i) => onPage(i)), [current.cursors, onPage]);
  const lastInfo = current.info[current.cursors.length - 1];
  const total = current.info[0]?.total;
  const shown = Object.values(current.info).reduce((n, i) => n + i.shown, 0);

  // The board: the first hundred (the API's page limit) in one query.
  const [{ data: boardData, error: boardError }, reexecuteBoard] = useQuery({
    query: ServiceNeedsQuery,
    variables: { filter, sort: view.sort, first: BOARD },
    pause: view.view !== 'board' || pending,
  });
  useRefetchOnReconnect(reexecuteBoard);

  // The server says whether the caller may record needs (the rule createServiceNeed applies); no link until it has.
  const canCreate = useMayRecordNeeds().mayRecord === true;

  return (
    <>
      <NeedsViewHead messages="needs" />
      <div className="yp-need-toolbar">
        <div role="group" aria-label={t('needs.view')} className="yp-segmented">
          {(['table', 'board'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view.view === v}
              onClick={() => setView({ ...view, view: v })}
              data-testid={`view-${v}`}
            >
              {t(`needs.view.${v}`)}
            </button>
          ))}
        </div>
        {canCreate && (
          <Link className="yp-button-link" to="/needs/new">
            {t('needs.new')}
          </Link>
        )}
      </div>
      <NeedFilters view={view} options={options} onChange={setView} />
      {notice}
      <ExportLinks
        filters={filtersFromRegister(params)}
        note={unsupportedRegisterFilters(params).length ? t('export.gapsNotApplied') : undefined}
      />
      <p role="status" className="yp-status" data-testid="live-status">
        {announce}
      </p>

      {view.view === 'table' ? (
        <>
          <p className="yp-count" data-testid="needs-count">
            {total !== undefined ? t('needs.count', { shown, total }) : ''}
          </p>
          <div className="yp-table-wrap" tabIndex={0} aria-label={t('needs.caption')} role="region">
            <table className="yp-table yp-table--stack yp-needs-table" data-testid="needs-table" role="table">
              <caption className="yp-visually-hidden">{t('needs.caption')}</caption>
              <NeedsTableHead />
              {!pending &&
                current.cursors.map((after, i) => (
                  <TablePage
                    key={`${filterKey}:${after ?? ''}`}
                    filter={filter}
                    sort={view.sort}
                    after={after}
                    changed={changed}
                    onPage={pageHandlers[i]!}
                  />
                ))}
            </table>
          </div>
          {total === undefined && <PageLoading />}
          {lastInfo?.hasNext && (
            <Button
              variant="secondary"
              className="yp-mt-m"
              onClick={() => setPages({ ...current, cursors: [...current.cursors, lastInfo.endCursor] })}
            >
              {t('needs.more')}
            </Button>
          )}
        </>
      ) : boardData ? (
        <>
          <p className="yp-count" data-testid="needs-count">
            {t('needs.count', { shown: boardData.serviceNeeds.edges.length, total: boardData.serviceNeeds.totalCount })}
          </p>
          {boardData.serviceNeeds.pageInfo.hasNextPage && (
            <p className="yp-muted">
              {t('needs.boardLimit', { shown: boardData.serviceNeeds.edges.length, total: boardData.serviceNeeds.totalCount })}
            </p>
          )}
          <NeedsBoard needs={boardData.serviceNeeds.edges.map((e) => e.node)} changed={changed} />
        </>
      ) : (
        <PageLoadingOrError error={toApiError(boardError)} onRetry={() => reexecuteBoard({ requestPolicy: 'network-only' })} />
      )}
    </>
  );
}
