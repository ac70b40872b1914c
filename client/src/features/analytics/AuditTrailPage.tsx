import './analytics.messages';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ChangesQuery as ChangesResult } from '../../graphql/generated/graphql';
import { collator } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { ChangesQuery } from './analytics.documents';
import { changeKindLabel, entityPath, entityTypeLabel, eventLabel, knownEntityTypes } from './analytics.labels';
import { ChangeDiff } from './ChangeDiff';
import { FilterDropdown } from './FilterDropdown';
import { PagedList } from './ListStates';
import { LogPage } from './LogPage';
import { TimeAgo } from './TimeAgo';
import { useCursorList } from './useCursorList';
import { useNow } from './useNow';
import './analytics.css';

type ChangeEvent = ChangesResult['changes']['edges'][number]['node'];

const selectChanges = (data: ChangesResult) => data.changes;

/** /audit: the audit stream (`changes`) as a timeline, newest first, filtered by type; the server hides what the user may not see. */
export function AuditTrailPage() {
  const { t, collatorSort } = useSortedTypes();
  const [entityType, setEntityType] = useState<string>();
  const variables = useMemo(() => ({ entityType: entityType ?? null }), [entityType]);
  const list = useCursorList(ChangesQuery, variables, selectChanges);
  const now = useNow();

  return (
    <LogPage
      title={t('audit.title')}
      intro={t('audit.intro')}
      filtersLabel={t('audit.filtersTitle')}
      filters={
        <FilterDropdown
          label={t('audit.filterType')}
          id="audit-filter-type"
          name="entityType"
          allLabel={t('audit.filterTypeAll')}
          value={entityType}
          options={collatorSort}
          onChange={setEntityType}
        />
      }
    >
      <PagedList list={list} empty={t('audit.none')}>
        {(nodes) => (
          <ol className="yp-timeline" aria-label={t('audit.listLabel')} data-testid="audit-timeline">
            {nodes.map((event) => (
              <ChangeItem key={event.id} event={event} now={now} />
            ))}
          </ol>
        )}
      </PagedList>
    </LogPage>
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

function ChangeItem({ event, now }: { event: ChangeEvent; now: number }) {
  const { t, name } = useI18n();
  const path = entityPath(event.entityType, event.entityId);
  const who = event.actor?.displayName ?? t(event.bySystem ? 'audit.systemActor' : 'audit.hiddenActor');
  return (
    <li
      className={`yp-timeline__item yp-timeline__item--${event.kind}`}
      data-event-name={event.name}
      data-entity-type={event.entityType}
    >
      <div className="yp-timeline__head">
        <span className="yp-timeline__what">{eventLabel(t, event.name)}</span>
        <span className={`yp-kind yp-kind--${event.kind}`}>{changeKindLabel(t, event.kind)}</span>
      </div>
      <div className="yp-timeline__meta">
        <TimeAgo at={event.at} now={now} />
        <span className="yp-timeline__who">
          <span className={event.actor ? 'yp-timeline__actor' : 'yp-muted'}>{who}</span>
          {event.party && <span className="yp-meta">{name(event.party.names)}</span>}
        </span>
        <span className="yp-timeline__target">
          {entityTypeLabel(t, event.entityType)}
          {event.entityTitle ? (
            <>
              {': '}
              {path ? (
                <Link className="yp-link" to={path} data-testid="audit-target">
                  {event.entityTitle}
                </Link>
              ) : (
                <span className="yp-timeline__title">{event.entityTitle}</span>
              )}
            </>
          ) : path ? (
            <>
              {' · '}
              <Link className="yp-link" to={path}>
                {t('audit.openTarget')}
              </Link>
            </>
          ) : null}
          {event.entityVersion != null && <span className="yp-meta">{t('audit.version', { version: event.entityVersion })}</span>}
        </span>
      </div>
      <ChangeDiff before={event.before} after={event.after} />
    </li>
  );
}
