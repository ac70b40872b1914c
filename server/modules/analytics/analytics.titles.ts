import type { Actor, UserActor } from '../../auth/actor.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { snapshotIds, type ShownChangeEvent } from '../../realtime/change-view.js';
import { localized, type Locale } from '../../lib/locale.js';
import type { Loaders } from '../loaders.js';
import * as repo from './analytics.repo.js';

/*
 * What the audit stream says an event is about (`ChangeEvent.entityTitle`, `belongsTo`) and which needs and agenda
 * items its values refer to (`referencedNeeds`, `referencedAgendaItems`): names, under the same visibility as the
 * stream itself.
 */

/** The parent a record without a title of its own is shown by: scope key → entity type. */
const PARENTS: [scopeKey: string, entityType: string][] = [
  ['needId', 'service_need'],
  ['meetingId', 'meeting'],
  ['agreementId', 'agreement'],
  ['bodyId', 'cooperation_body'],
];

/** An event's name and the record it belongs to, as the caller may see them. */
interface EntityContext {
  title: string | null;
  parent: { entityType: string; entityId: string; title: string } | null;
}

/** The name a snapshot gives its record, in the locale; undefined when it names none. */
function titleIn(snapshot: unknown, locale: Locale): string | undefined {
  if (!snapshot || typeof snapshot !== 'object') return undefined;
  const s = snapshot as Record<string, unknown>;
  for (const key of repo.TITLE_KEYS) {
    const v = s[key];
    if (typeof v === 'string' && v.trim()) return v;
    if (v && typeof v === 'object' && typeof (v as { fi?: unknown }).fi === 'string')
      return localized(v as { fi: string }, locale);
  }
  return undefined;
}

/**
 * Each event's title and the record it belongs to, as the caller may see them, worked out once per request (its
 * loaders). `visible` is the stream's own check of an event for a caller, batched and remembered by the request's
 * loaders (so a page's titles reuse the page's answers).
 */
export function createEntityContexts(
  visible: (actor: UserActor, event: ChangeEventRow, loaders: Loaders) => Promise<ChangeEventRow | undefined>,
) {
  /** Each event's title and parent, worked out once per request (its loaders). */
  const contexts = new WeakMap<Loaders, Map<number, Promise<EntityContext>>>();

  function entityContext(actor: Actor, event: ChangeEventRow, loaders: Loaders, locale: Locale): Promise<EntityContext> {
    if (actor.kind !== 'user') return Promise.resolve({ title: null, parent: null });
    let byEvent = contexts.get(loaders);
    if (!byEvent) contexts.set(loaders, (byEvent = new Map()));
    let answer = byEvent.get(event.id);
    if (!answer) {
      answer = findContext(actor, event, loaders, locale);
      byEvent.set(event.id, answer);
    }
    return answer;
  }

  async function findContext(actor: UserActor, event: ChangeEventRow, loaders: Loaders, locale: Locale): Promise<EntityContext> {
    /** The record's newest title in its events the caller may see, with that event. */
    const titled = async (entityType: string, entityId: string) => {
      for (const e of await loaders.analytics.titledChangesByEntity.load(`${entityType}:${entityId}`)) {
        const title = titleIn(e.after, locale);
        if (title && (await visible(actor, e, loaders))) return { title, event: e };
      }
      return undefined;
    };
    const scopeId = (key: string) => {
      const v = event.scope?.[key];
      return typeof v === 'string' ? v : undefined;
    };
    const snapshotId = (key: string) => {
      for (const s of [event.after, event.before]) {
        const v = s && typeof s === 'object' ? (s as Record<string, unknown>)[key] : undefined;
        if (typeof v === 'string') return v;
      }
      return undefined;
    };
    const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ') || null;

    // Records read by everyone signed in (cooperationChangeViews): named by their rows.
    if (event.entityType === 'ratification') {
      const agreementId = scopeId('agreementId') ?? snapshotId('agreementId');
      const partyId = scopeId('partyId') ?? snapshotId('partyId');
      const agreement = agreementId ? await loaders.cooperation.agreementById.load(agreementId) : undefined;
      const party = partyId ? await loaders.parties.partyById.load(partyId) : undefined;
      const agreementTitle = agreement ? localized(agreement.titles, locale) : undefined;
      return {
        title: joined(agreementTitle, party ? localized(party.names, locale) : undefined),
        parent: agreement && agreementTitle ? { entityType: 'agreement', entityId: agreement.id, title: agreementTitle } : null,
      };
    }
    if (event.entityType === 'membership') {
      const bodyId = scopeId('bodyId') ?? snapshotId('bodyId');
      const personId = snapshotId('personId');
      const body = bodyId ? await loaders.cooperation.bodyById.load(bodyId) : undefined;
      const person = personId ? await loaders.persons.personById.load(personId) : undefined;
      const bodyName = body ? localized(body.names, locale) : undefined;
      return {
        title: joined(bodyName, person?.name),
        parent: body && bodyName ? { entityType: 'cooperation_body', entityId: body.id, title: bodyName } : null,
      };
    }
    // A document by what owns it, as far as the caller may see it.
    if (event.entityType === 'document') {
      const ownerType = scopeId('ownerType');
      const ownerId = scopeId('ownerId');
      if (ownerId && ownerType === 'MEETING_MINUTES') {
        const meeting = await titled('meeting', ownerId);
        return meeting
          ? { title: meeting.title, parent: { entityType: 'meeting', entityId: ownerId, title: meeting.title } }
          : { title: null, parent: null };
      }
      if (ownerId && ownerType === 'AGENDA_ITEM_DECISION') {
        const item = await titled('agenda_item', ownerId);
        if (!item) return { title: null, parent: null };
        const meetingId = item.event.scope?.meetingId;
        const meeting = typeof meetingId === 'string' ? await titled('meeting', meetingId) : undefined;
        return {
          title: joined(meeting?.title, item.title),
          parent:
            meeting && typeof meetingId === 'string'
              ? { entityType: 'meeting', entityId: meetingId, title: meeting.title }
              : null,
        };
      }
      return { title: null, parent: null };
    }

    const own = await titled(event.entityType, event.entityId);
    // An agenda item by its number as the minutes write it: "6 § Pöytäkirjantarkastajien valinta".
    if (own && event.entityType === 'agenda_item') {
      const section = (await loaders.meetings.itemById.load(event.entityId))?.section;
      if (section != null) own.title = `${section} § ${own.title}`;
    }
    for (const [key, type] of PARENTS) {
      const parentId = scopeId(key);
      if (parentId && type !== event.entityType) {
        const parent = await titled(type, parentId);
        return {
          title: own?.title ?? parent?.title ?? null,
          parent: parent ? { entityType: type, entityId: parentId, title: parent.title } : null,
        };
      }
    }
    return { title: own?.title ?? null, parent: null };
  }

  return entityContext;
}

/**
 * The needs a shown event's snapshots refer to (`needId`, and the lists `needIds` and `relatedNeedIds`, at any
 * depth), each once; `ChangeEvent.referencedNeeds` keeps those the reader may see.
 */
export function referencedNeedIds(event: ShownChangeEvent): string[] {
  return snapshotIds(event, (key, v) =>
    key === 'needId' && typeof v === 'string'
      ? [v]
      : (key === 'needIds' || key === 'relatedNeedIds') && Array.isArray(v)
        ? v.filter((id): id is string => typeof id === 'string')
        : undefined,
  );
}

/**
 * The agenda items a shown event's snapshots refer to (a meeting's `currentItemId`, an action's `agendaItemId`, at
 * any depth), each once; `ChangeEvent.referencedAgendaItems` keeps those the reader may see.
 */
export function referencedAgendaItemIds(event: ShownChangeEvent): string[] {
  return snapshotIds(event, (key, v) =>
    key === 'currentItemId' || key === 'agendaItemId' ? (typeof v === 'string' ? [v] : []) : undefined,
  );
}

/** The snapshot keys that hold ids of other records `ChangeEvent.referencedRecords` names: key → entity type. */
export const RECORD_KEYS: Readonly<Record<string, 'agreement_goal' | 'indicator' | 'need_action'>> = {
  goalId: 'agreement_goal',
  indicatorId: 'indicator',
  actionId: 'need_action',
  actionIds: 'need_action',
};

/**
 * The goals, indicators and actions a shown event's snapshots refer to (`RECORD_KEYS`, at any depth), each once,
 * by type; `ChangeEvent.referencedRecords` names those the reader may read.
 */
export function referencedRecordIds(event: ShownChangeEvent): Record<'agreement_goal' | 'indicator' | 'need_action', string[]> {
  const byType = { agreement_goal: new Set<string>(), indicator: new Set<string>(), need_action: new Set<string>() };
  // One walk: a record key's ids go to its type, and nothing below a record key is walked.
  snapshotIds(event, (key, v) => {
    if (!(key in RECORD_KEYS)) return undefined;
    const type = RECORD_KEYS[key];
    if (type && Object.hasOwn(byType, type))
      for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string') byType[type].add(id);
    return [];
  });
  return { agreement_goal: [...byType.agreement_goal], indicator: [...byType.indicator], need_action: [...byType.need_action] };
}
