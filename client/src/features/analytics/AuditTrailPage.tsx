import './analytics.messages';
import { useCallback, useMemo } from 'react';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useQuery } from 'urql';
import type { ChangeAuthor, ChangesQuery as ChangesResult } from '../../graphql/generated/graphql';
import { collator } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { AuditNamesQuery, ChangesQuery } from './analytics.documents';
import { entityTypeLabel, knownEntityTypes } from './analytics.labels';
import { groupDocumentEdits } from './auditGroups';
import { type KnownNames } from './ChangeDiff';
import { ChangeItem, EditRunItem } from './ChangeItem';
import { LogPage } from './LogPage';
import { readAuditFilters, writeAuditFilters, type AuditFilters } from './analytics.util';
import { useCursorList } from './useCursorList';
import { useNow } from './useNow';
import './analytics.css';

const selectChanges = (data: ChangesResult) => data.changes;

/** The trail's URL filters: a type it offers and an author; useUrlFilters leaves out anything else and says so. */
const AUDIT_RULES = { type: { values: knownEntityTypes }, author: { values: ['PERSON', 'SYSTEM'] } };

/** Who made the changes shown: people, or the server itself (the overdue sweep's notifications, which can be many). */
const authors: readonly ChangeAuthor[] = ['PERSON', 'SYSTEM'];

/**
 * /audit: the audit stream (`changes`) as a timeline, newest first, filtered by type and author; the server hides
 * what the user may not see. The filters live in the URL (`?type=…&author=…`), so reload, back and forward and a
 * shared link show the same list.
 */
export function AuditTrailPage() {
  const { t, collatorSort } = useSortedTypes();
  const { params, setParams, notice } = useUrlFilters(AUDIT_RULES);
  const { entityType, author } = useMemo(() => readAuditFilters(params, knownEntityTypes), [params]);
  const setFilters = useCallback(
    (change: AuditFilters) =>
      setParams((current) => writeAuditFilters({ ...readAuditFilters(current, knownEntityTypes), ...change }, current)),
    [setParams],
  );
  const setEntityType = useCallback((value: string | undefined) => setFilters({ entityType: value }), [setFilters]);
  const setAuthor = useCallback((value: ChangeAuthor | undefined) => setFilters({ author: value }), [setFilters]);
  const authorOptions = useMemo(() => authors.map((id) => ({ id, label: t(`audit.author.${id}`) })), [t]);
  const list = useCursorList(ChangesQuery, { entityType, author }, selectChanges);
  const now = useNow();
  const names = useKnownNames();

  return (
    <LogPage
      messages="audit"
      filters={[
        {
          id: 'audit-filter-type',
          name: 'entityType',
          label: t('audit.filterType'),
          allLabel: t('audit.filterTypeAll'),
          value: entityType,
          options: collatorSort,
          onChange: setEntityType,
        },
        {
          id: 'audit-filter-author',
          name: 'author',
          label: t('audit.filterAuthor'),
          allLabel: t('audit.filterAuthorAll'),
          value: author,
          options: authorOptions,
          onChange: setAuthor,
        },
      ]}
      note={notice}
      list={list}
    >
      {(nodes) => (
        <ol className="yp-audit-log" aria-label={t('audit.listLabel')} data-testid="audit-timeline">
          {/* A co-edited document's edits in a row are one item (each 50 ms batch of typing is an event). */}
          {groupDocumentEdits(nodes).map((row) =>
            row.kind === 'edits' ? (
              <EditRunItem key={row.events[0]!.id} events={row.events} now={now} names={names} />
            ) : (
              <ChangeItem key={row.event.id} event={row.event} now={now} names={names} />
            ),
          )}
        </ol>
      )}
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
