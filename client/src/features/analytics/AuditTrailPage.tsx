import './analytics.messages';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ChangeAuthor, ChangesQuery as ChangesResult } from '../../graphql/generated/graphql';
import { collator } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { AuditNamesQuery, ChangesQuery } from './analytics.documents';
import { changeKindLabel, entityPath, entityTypeLabel, eventLabel, knownEntityTypes } from './analytics.labels';
import { ChangeDiff, type KnownNames } from './ChangeDiff';
import { FilterDropdown } from './FilterDropdown';
import { PagedList } from './ListStates';
import { LogPage } from './LogPage';
import { needTitles, readAuditFilters, writeAuditFilters, type AuditFilters } from './analytics.util';
import { TimeAgo } from './TimeAgo';
import { useCursorList } from './useCursorList';
import { useNow } from './useNow';
import './analytics.css';

type ChangeEvent = ChangesResult['changes']['edges'][number]['node'];

const selectChanges = (data: ChangesResult) => data.changes;

/** Who made the changes shown: people, or the server itself (the overdue sweep's notifications, which can be many). */
const authors: readonly ChangeAuthor[] = ['PERSON', 'SYSTEM'];

/**
 * /audit: the audit stream (`changes`) as a timeline, newest first, filtered by type and author; the server hides
 * what the user may not see. The filters live in the URL (`?type=…&author=…`), so reload, back and forward and a
 * shared link show the same list.
 */
export function AuditTrailPage() {
  const { t, collatorSort } = useSortedTypes();
  const [params, setParams] = useSearchParams();
  const { entityType, author } = useMemo(() => readAuditFilters(params, knownEntityTypes), [params]);
  const setFilters = useCallback(
    (change: AuditFilters) =>
      setParams((current) => writeAuditFilters({ ...readAuditFilters(current, knownEntityTypes), ...change }, current)),
    [setParams],
  );
  const setEntityType = useCallback((value: string | undefined) => setFilters({ entityType: value }), [setFilters]);
  const setAuthor = useCallback((value: ChangeAuthor | undefined) => setFilters({ author: value }), [setFilters]);
  const variables = useMemo(() => ({ entityType: entityType ?? null, author: author ?? null }), [entityType, author]);
  const authorOptions = useMemo(() => authors.map((id) => ({ id, label: t(`audit.author.${id}`) })), [t]);
  const list = useCursorList(ChangesQuery, variables, selectChanges);
  const now = useNow();
  const names = useKnownNames();

  return (
    <LogPage
      title={t('audit.title')}
      intro={t('audit.intro')}
      filtersLabel={t('audit.filtersTitle')}
      filters={
        <>
          <FilterDropdown
            label={t('audit.filterType')}
            id="audit-filter-type"
            name="entityType"
            allLabel={t('audit.filterTypeAll')}
            value={entityType}
            options={collatorSort}
            onChange={setEntityType}
          />
          <FilterDropdown
            label={t('audit.filterAuthor')}
            id="audit-filter-author"
            name="author"
            allLabel={t('audit.filterAuthorAll')}
            value={author}
            options={authorOptions}
            onChange={setAuthor}
          />
        </>
      }
    >
      <PagedList list={list} empty={t('audit.none')}>
        {(nodes) => (
          <ol className="yp-audit-log" aria-label={t('audit.listLabel')} data-testid="audit-timeline">
            {nodes.map((event) => (
              <ChangeItem key={event.id} event={event} now={now} names={names} />
            ))}
          </ol>
        )}
      </PagedList>
    </LogPage>
  );
}

/** The names of parties, bodies, people (members of bodies) and themes in the UI language; empty until they load (ids and codes show meanwhile). */
function useKnownNames(): KnownNames {
  const { name } = useI18n();
  const [{ data }] = useQuery({ query: AuditNamesQuery });
  return useMemo(
    () => ({
      ids: new Map([
        ...[...(data?.parties ?? []), ...(data?.cooperationBodies ?? [])].map((r) => [r.id, name(r.names)] as const),
        ...(data?.persons ?? []).map((p) => [p.id, p.name] as const),
      ]),
      themes: new Map((data?.themes ?? []).map((th) => [th.code, name(th.names)])),
    }),
    [data, name],
  );
}

/** The entity types with their labels, in the language's alphabetical order. */
function useSortedTypes() {
  const { t, lang } = useI18n();
  const collatorSort = useMemo(() => {
    const byName = collator(lang);
    return knownEntityTypes
      .map((type) => ({ id: type, label: entityTypeLabel(t, type) }))
      .sort((a, b) => byName.compare(a.label, b.label));
  }, [t, lang]);
  return { t, collatorSort };
}

function ChangeItem({ event, now, names }: { event: ChangeEvent; now: number; names: KnownNames }) {
  const { t, name } = useI18n();
  // The record's own page, else the page of what it belongs to (a ratification's agreement, a membership's body).
  const targetPath =
    entityPath(event.entityType, event.entityId) ??
    (event.belongsTo ? entityPath(event.belongsTo.entityType, event.belongsTo.entityId) : undefined);
  const who = event.actor?.displayName ?? t(event.bySystem ? 'audit.systemActor' : 'audit.hiddenActor');
  // The people before/after name by id, as the server names them for this reader (none where it hides who acted).
  const users = useMemo(
    () => ({ names: new Map(event.referencedUsers.map((u) => [u.id, u.displayName])), unnamed: t('audit.someUser') }),
    [event.referencedUsers, t],
  );
  // The needs before/after name by id, as far as this reader may see them (the others stay ids).
  const needs = useMemo(() => needTitles(event.referencedNeeds), [event.referencedNeeds]);
  return (
    <li
      className={`yp-audit-log__item yp-audit-log__item--${event.kind}`}
      data-event-name={event.name}
      data-entity-type={event.entityType}
    >
      <div className="yp-audit-log__head">
        <span className="yp-audit-log__what">{eventLabel(t, event.name)}</span>
        <span className={`yp-kind yp-kind--${event.kind}`}>{changeKindLabel(t, event.kind)}</span>
      </div>
      <div className="yp-audit-log__meta">
        <TimeAgo at={event.at} now={now} />
        <span className="yp-audit-log__who">
          <span className={event.actor ? 'yp-audit-log__actor' : 'yp-muted'}>{who}</span>
          {event.party && <span className="yp-meta">{name(event.party.names)}</span>}
        </span>
        <span className="yp-audit-log__target">
          {entityTypeLabel(t, event.entityType)}
          {event.entityTitle ? (
            <>
              {': '}
              {targetPath ? (
                <Link className="yp-link" to={targetPath} data-testid="audit-target">
                  {event.entityTitle}
                </Link>
              ) : (
                <span className="yp-audit-log__title">{event.entityTitle}</span>
              )}
            </>
          ) : targetPath ? (
            <>
              {' · '}
              <Link className="yp-link" to={targetPath}>
                {t('audit.openTarget')}
              </Link>
            </>
          ) : null}
          {event.entityVersion != null && <span className="yp-meta">{t('audit.version', { version: event.entityVersion })}</span>}
        </span>
      </div>
      <ChangeDiff
        entityType={event.entityType}
        before={event.before}
        after={event.after}
        names={names}
        users={users}
        needs={needs}
      />
    </li>
  );
}
