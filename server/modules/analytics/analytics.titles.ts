import type { Actor, UserActor } from '../../auth/actor.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { snapshotIds, type ShownChangeEvent } from '../../realtime/change-view.js';
import { localized, type Locale } from '../../lib/locale.js';
import { isRow } from '../../lib/batch-loaders.js';
import type { Loaders } from '../loaders.js';
import { analyticsPolicy } from './analytics.policy.js';
import * as repo from './analytics.repo.js';

/*
 * What the audit stream says an event is about (`ChangeEvent.entityTitle`, `belongsTo`) and which needs and agenda
 * items its values refer to (`referencedNeeds`, `referencedAgendaItems`): names, under the same visibility as the
 * stream itself.
 */

/** How many of the subjects of a notification event (several when many notifications were read at once) are named. */
const NAMED_SUBJECTS = 3;

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
    /**
     * A notification's subject (or a measure's agreement) by name, with the page it is shown on (an action's need, a
     * meeting, an agreement).
     */
    const subjectContext = async (type: string, id: string): Promise<EntityContext> => {
      if (type === 'need_action') {
        const action = await titled('need_action', id);
        const needId = action?.event.scope?.needId;
        const need = action && typeof needId === 'string' ? await titled('service_need', needId) : undefined;
        return {
          title: action?.title ?? null,
          parent: need && typeof needId === 'string' ? { entityType: 'service_need', entityId: needId, title: need.title } : null,
        };
      }
      if (type === 'meeting' || type === 'agreement') {
        let title = (await titled(type, id))?.title;
        // Agreements are read by everyone signed in: one without events of its making is named by its row.
        if (!title && type === 'agreement') {
          const agreement = await loaders.cooperation.agreementById.load(id);
          title = agreement ? localized(agreement.titles, locale) : undefined;
        }
        return { title: title ?? null, parent: title ? { entityType: type, entityId: id, title } : null };
      }
      return { title: null, parent: null };
    };

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

    // A goal's measure by its goal, indicator and party ("Goal · Indicator · Jyväskylä"), shown by its agreement (whose
    // page lists the goals). Goals, indicators, parties and agreements are read by everyone signed in, as are measure
    // events; the goal and agreement by their newest titles in the stream, else their rows (the demo's have no events).
    if (event.entityType === 'goal_measure') {
      const goalId = scopeId('goalId') ?? snapshotId('goalId');
      const agreementId = scopeId('agreementId');
      const indicatorId = snapshotId('indicatorId');
      const partyId = snapshotId('partyId');
      const goalTitle = async (id: string) =>
        (await titled('agreement_goal', id))?.title ??
        (analyticsPolicy.nameGoals(actor) ? (await loaders.goals.goalById.load(id))?.title : undefined);
      const [goal, agreement, indicator, party] = await Promise.all([
        goalId ? goalTitle(goalId) : undefined,
        agreementId ? subjectContext('agreement', agreementId) : undefined,
        indicatorId ? loaders.analytics.indicatorById.load(indicatorId) : undefined,
        partyId ? loaders.parties.partyById.load(partyId) : undefined,
      ]);
      return {
        title: joined(goal, indicator?.name, party ? localized(party.names, locale) : undefined),
        parent: agreement?.parent ?? null,
      };
    }
    // An account by the person's display name, as events show their actors to every reader; never by e-mail. The
    // account's row, else its newest name in the stream (the demo's accounts have no events of their making).
    if (event.entityType === 'user') {
      const user = analyticsPolicy.nameUsers(actor) ? await loaders.users.userById.load(event.entityId) : undefined;
      return { title: user?.displayName ?? (await titled('user', event.entityId))?.title ?? null, parent: null };
    }
    // A notification by what it is about (an action, a meeting, an agreement), as far as the caller may see that:
    // the subject's newest title in the stream, as the subject's own events would name it.
    if (event.entityType === 'notification') {
      const ids = (event.after as { ids?: unknown } | null)?.ids;
      const rows = Array.isArray(ids)
        ? (
            await loaders.notifications.notificationById.loadMany(ids.filter((id): id is string => typeof id === 'string'))
          ).filter(isRow)
        : [];
      const subjects = [...new Map(rows.map((n) => [`${n.subjectType}:${n.subjectId}`, n])).values()];
      const named = await Promise.all(subjects.slice(0, NAMED_SUBJECTS).map((n) => subjectContext(n.subjectType, n.subjectId)));
      if (subjects.length === 1) return named[0]!;
      const titles = named.flatMap((c) => (c.title ? [c.title] : []));
      return {
        title: titles.length ? titles.join(' · ') + (subjects.length > NAMED_SUBJECTS ? ' …' : '') : null,
        parent: null,
      };
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
