import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ChangesQuery as ChangesResult } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { changeKindLabel, entityPath, entityTypeLabel, eventLabel } from './analytics.labels';
import { agendaItemNames, needTitles, recordNames } from './analytics.util';
import { runSpan } from './auditGroups';
import { ChangeDiff, type KnownNames } from './ChangeDiff';
import { TimeAgo } from './TimeAgo';

/** One event of the audit stream as the trail reads it. */
export type ChangeEvent = ChangesResult['changes']['edges'][number]['node'];

/** The record an event is about: its type, its title (linked to its page, or the page of what it belongs to) and `version`. */
function ChangeTarget({ event, version }: { event: ChangeEvent; version: string | undefined }) {
  const { t } = useI18n();
  // The record's own page, else the page of what it belongs to (a ratification's agreement, a membership's body).
  const targetPath =
    entityPath(event.entityType, event.entityId) ??
    (event.belongsTo ? entityPath(event.belongsTo.entityType, event.belongsTo.entityId) : undefined);
  return (
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
      {version && <span className="yp-meta">{version}</span>}
    </span>
  );
}

/** Who made a change (or "the system", or "not shown to you"), with their party when there is one. */
function ChangeAuthor({ names, party, system }: { names: readonly string[]; party: string | undefined; system: boolean }) {
  const { t, lang } = useI18n();
  return (
    <span className="yp-audit-log__who">
      {names.length > 0 ? (
        <span className="yp-audit-log__actor">{new Intl.ListFormat(lang, { type: 'conjunction' }).format(names)}</span>
      ) : (
        <span className="yp-muted">{t(system ? 'audit.systemActor' : 'audit.hiddenActor')}</span>
      )}
      {party && <span className="yp-meta">{party}</span>}
    </span>
  );
}

/** One event of the trail: what happened, when, by whom, to what, and the fields it changed. */
export function ChangeItem({ event, now, names }: { event: ChangeEvent; now: number; names: KnownNames }) {
  const { t, name } = useI18n();
  // The people before/after name by id, as the server names them for this reader (none where it hides who acted).
  const users = useMemo(
    () => ({ names: new Map(event.referencedUsers.map((u) => [u.id, u.displayName])), unnamed: t('audit.someUser') }),
    [event.referencedUsers, t],
  );
  // The needs before/after name by id, as far as this reader may see them (the others stay ids).
  const needs = useMemo(() => needTitles(event.referencedNeeds), [event.referencedNeeds]);
  // The agenda items they name by id ("3 § Talousarvio"), as far as this reader sees them on the agenda.
  const agendaItems = useMemo(() => agendaItemNames(event.referencedAgendaItems), [event.referencedAgendaItems]);
  // The goals, indicators and actions they name by id, as far as this reader may read them.
  const records = useMemo(() => recordNames(event.referencedRecords), [event.referencedRecords]);
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
        <ChangeAuthor
          names={event.actor ? [event.actor.displayName] : []}
          party={event.party ? name(event.party.names) : undefined}
          system={event.bySystem}
        />
        <ChangeTarget
          event={event}
          version={event.entityVersion != null ? t('audit.version', { version: event.entityVersion }) : undefined}
        />
      </div>
      <ChangeDiff
        entityType={event.entityType}
        before={event.before}
        after={event.after}
        names={names}
        users={users}
        needs={needs}
        agendaItems={agendaItems}
        records={records}
      />
    </li>
  );
}

/**
 * A run of edits of one co-edited document by the same editors (auditGroups.ts), newest first, as one row: how
 * many and when ("Asiakirjaa muokattiin 12 kertaa klo 10.02–10.05"), who, the document, and each edit folded
 * under it.
 */
export function EditRunItem({ events, now, names }: { events: readonly ChangeEvent[]; now: number; names: KnownNames }) {
  const { t, name, lang } = useI18n();
  const newest = events[0]!;
  const oldest = events.at(-1)!;
  const { span, sameDay } = runSpan(oldest.at, newest.at, lang);
  // Every editor the run's batches name (referencedUsers: the editors by id), and each batch's first editor.
  const editors = new Map<string, string>();
  for (const e of events) {
    if (e.actor) editors.set(e.actor.id, e.actor.displayName);
    for (const u of e.referencedUsers) editors.set(u.id, u.displayName);
  }
  const parties = new Map(events.flatMap((e) => (e.party ? [[e.party.id, name(e.party.names)] as const] : [])));
  const versions =
    oldest.entityVersion != null && newest.entityVersion != null
      ? t('audit.versions', { from: oldest.entityVersion, to: newest.entityVersion })
      : undefined;
  return (
    <li
      className={`yp-audit-log__item yp-audit-log__item--${newest.kind}`}
      data-event-name={newest.name}
      data-entity-type={newest.entityType}
      data-edits={events.length}
    >
      <div className="yp-audit-log__head">
        <span className="yp-audit-log__what">
          {t(sameDay ? 'audit.editRun' : 'audit.editRunDays', { count: events.length, span })}
        </span>
        <span className={`yp-kind yp-kind--${newest.kind}`}>{changeKindLabel(t, newest.kind)}</span>
      </div>
      <div className="yp-audit-log__meta">
        <TimeAgo at={newest.at} now={now} />
        <ChangeAuthor
          names={[...editors.values()]}
          party={parties.size === 1 ? [...parties.values()][0] : undefined}
          system={newest.bySystem}
        />
        <ChangeTarget event={newest} version={versions} />
      </div>
      <details className="yp-fold">
        <summary>{t('audit.editRunShow', { count: events.length })}</summary>
        <ol className="yp-audit-log" aria-label={t('audit.editRunList')}>
          {events.map((event) => (
            <ChangeItem key={event.id} event={event} now={now} names={names} />
          ))}
        </ol>
      </details>
    </li>
  );
}
