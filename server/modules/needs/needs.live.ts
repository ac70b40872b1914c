import { hasRole, type Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ChangeView } from '../../realtime/change-view.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent, subscribeToEvents, subscribeToEventsEach } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { NeedsAccess, Roles } from './needs.access.js';
import { hidesActor, historyEntryOf, shownComment } from './needs.comments.js';
import type { ServiceNeedEventModel, ServiceNeedWithdrawalModel } from './needs.models.js';
import { needsPolicy, standingOf } from './needs.policy.js';
import { suppressInSnapshot } from './needs.privacy.js';
import * as repo from './needs.repo.js';
import { lostSeatOf, lostSightOf, readThroughLost } from './needs.sight.js';
import type { ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

const NEED_TYPES = new Set<string>([
  EVENTS.needCreated.entityType,
  EVENTS.responsibilitySet.entityType,
  EVENTS.actionCreated.entityType,
  EVENTS.commentAdded.entityType,
]);
/**
 * What the need page hears of besides its own types: the need's files (`attachment.added`, `attachment.deleted`,
 * scoped by `needId`). Their audit view stays the attachments module's; here only the need's readers hear them.
 */
const LIVE_TYPES = new Set<string>([...NEED_TYPES, EVENTS.attachmentAdded.entityType]);
/** The need an event is about: its own id, or `scope.needId`. */
const needIdOf = (e: ChangeEventRow): string | undefined =>
  e.entityType === EVENTS.needCreated.entityType ? e.entityId : typeof e.scope?.needId === 'string' ? e.scope.needId : undefined;

/**
 * Needs as they change: who may read their events in the audit stream (`changes`), and the live streams
 * `serviceNeedChanged` and `serviceNeedWithdrawn`, each event checked against the subscriber's rights as it comes.
 */
export function createNeedsLive({ db, bus }: Pick<ServiceDeps, 'db' | 'bus'>, access: NeedsAccess) {
  const { rolesOf, readableNeed } = access;
  const readable = async (actor: Actor, id: string | undefined, loaders?: Loaders) => !!(await readableNeed(actor, id, loaders));

  const loadEventNeed = loadOncePerEvent(async (event) => {
    const needId = needIdOf(event);
    if (!needId) return undefined;
    const need = await repo.needRows.find(db, needId);
    if (!need) return undefined;
    const responsibilities = await repo.listResponsibilities(db, [need.id]);
    const action =
      event.entityType === EVENTS.actionCreated.entityType ? ((await repo.actionRows.find(db, event.entityId)) ?? null) : null;
    const comment =
      event.entityType === EVENTS.commentAdded.entityType ? ((await repo.commentRows.find(db, event.entityId)) ?? null) : null;
    return { need, responsibilities, action, comment };
  });

  /** The needs an ended seat let its holder read (`lostSeatOf`), as they are now: once per event, for every subscriber. */
  const loadSeatNeeds = loadOncePerEvent(async (event) => {
    const ids = lostSeatOf(event)?.needIds ?? [];
    const [needs, responsibilities] = await Promise.all([repo.needRows.findByIds(db, ids), repo.listResponsibilities(db, ids)]);
    const byNeed = new Map(needs.map((need) => [need.id, { need, responsibilities: [] as ResponsibilityRow[] }]));
    for (const r of responsibilities) byNeed.get(r.needId)?.responsibilities.push(r);
    return byNeed;
  });

  /** Whether the actor reads the need as it is now (undefined: it is gone), with their roles per body. */
  const readsNow = (
    actor: Actor,
    now: { need: ServiceNeedRow; responsibilities: ResponsibilityRow[] } | undefined,
    roles: Roles,
  ) => now != null && needsPolicy.read(actor, standingOf(actor, now.need, now.responsibilities, roles));

  /** Needs' events in the audit stream: readers of the need see them; analysts never see who commented. */
  const needView: ChangeView<Loaders> = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'ANALYST'),
    canRead: (actor, event, loaders) => readable(actor, needIdOf(event), loaders),
    // The answer is the need's: the events of its actions, responsibilities and comments share it.
    readKey: (event) => `need:${needIdOf(event) ?? ''}`,
    redact: (actor, event) => {
      const hideAuthor = hidesActor(actor, event);
      return {
        ...event,
        before: suppressInSnapshot(event.before),
        after: suppressInSnapshot(event.after),
        ...(hideAuthor ? { actorUserId: null, actorPartyId: null, authorHidden: true as const } : {}),
      };
    },
  };

  return {
    /** Who may read needs' change events in the audit stream (`changes`). */
    changeViews: Object.fromEntries([...NEED_TYPES].map((t) => [t, needView])) as Record<string, ChangeView<Loaders>>,

    /** Committed changes to one need (or every need the subscriber may see), re-checked per event. */
    async subscribe(actor: Actor, id?: string | null, loaders?: Loaders): Promise<AsyncIterableIterator<ServiceNeedEventModel>> {
      const user = requireUser(actor);
      if (id && !(await readable(user, id, loaders))) throw notFound('Service need');
      return subscribeToEvents(
        bus,
        (event) => LIVE_TYPES.has(event.entityType) && (id == null || needIdOf(event) === id),
        async (event) => {
          const loaded = await loadEventNeed(event);
          if (!loaded) return undefined;
          const s = standingOf(user, loaded.need, loaded.responsibilities, await rolesOf(user));
          if (!needsPolicy.read(user, s)) return undefined;
          return {
            kind: event.entityType === EVENTS.needCreated.entityType ? (event.kind as ServiceNeedEventModel['kind']) : 'UPDATED',
            name: event.name,
            need: loaded.need,
            action: loaded.action,
            comment: loaded.comment && shownComment(user, loaded.comment),
            actorUserId: event.actorUserId,
            historyEntry: historyEntryOf(user, event),
          };
        },
      );
    },

    /**
     * Needs the subscriber read and may no longer (one, or any): each as its id and when, nothing else of it. Only
     * for who read it through a party or body the change took away (needs.sight.ts), or through their own seat in
     * the body that owns it when that seat ended, and may not read it now. `resumed`: the fan-out starts the stream
     * again under the subscriber's new scope (a seat ended), which may no longer read the need they asked about.
     */
    async subscribeWithdrawals(
      actor: Actor,
      id?: string | null,
      loaders?: Loaders,
      resumed = false,
    ): Promise<AsyncIterableIterator<ServiceNeedWithdrawalModel>> {
      const user = requireUser(actor);
      if (id && !resumed && !(await readable(user, id, loaders))) throw notFound('Service need');
      return subscribeToEventsEach(
        bus,
        (event) => {
          if (event.entityType === EVENTS.needCreated.entityType)
            return (id == null || event.entityId === id) && lostSightOf(event) != null;
          // An ended seat is heard of by its holder alone (the stream is grouped per user: fanout.ts IDENTITY_FIELDS).
          const seat = lostSeatOf(event);
          return seat != null && seat.userId === user.userId && (id == null || seat.needIds.includes(id));
        },
        async (event) => {
          const roles = await rolesOf(user);
          const seat = lostSeatOf(event);
          if (seat) {
            // The needs as they are now (loaded once per event): whoever still reads one, by another way, gets nothing of it.
            const now = await loadSeatNeeds(event);
            return seat.needIds
              .filter((needId) => (id == null || needId === id) && !readsNow(user, now.get(needId), roles))
              .map((needId) => ({ id: needId, at: event.at }));
          }
          if (!readThroughLost(user, lostSightOf(event)!, roles)) return [];
          // The need as it is now (loaded once per event for every subscriber): whoever still reads it gets nothing here.
          return readsNow(user, await loadEventNeed(event), roles) ? [] : [{ id: event.entityId, at: event.at }];
        },
      );
    },
  };
}
