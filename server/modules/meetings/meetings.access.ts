import { hasRole, type Actor, type UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../errors.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { scopedRolesOf } from '../../realtime/scope.js';
import { isUuid } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { Loaders } from '../loaders.js';
import { stricterPublicity } from './meetings.events.js';
import type { AgendaItemModel } from './meetings.models.js';
import { MEETING_STATUSES, meetingsPolicy } from './meetings.policy.js';
import * as repo from './meetings.repo.js';
import type { AgendaItemRow, MeetingRow } from './meetings.table.js';

/**
 * The item with everything but its place, title and case number blanked, for those who may not read it. The case
 * number (diaarinumero) stays: the case register's entry is public even when the documents are secret, and the
 * published minutes show it beside the title too (buildPublished), so every reader of the title gets the same.
 */
function restrictedView(i: AgendaItemRow): AgendaItemModel {
  return {
    ...i,
    restricted: true,
    presenterId: null,
    preparerId: null,
    proposal: null,
    relatedNeedIds: [],
    handling: null,
    decision: null,
    decisionMode: null,
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
    decidedByUserId: null,
  };
}

const MANAGE_ONLY = 'Only the chair, vice-chair or secretary of the body runs its meetings';

/** "A", "A or B", "A, B or C". */
const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/**
 * FORBIDDEN unless the meeting's status is one of `allowed` (a set of `EDITABLE_IN`). The code stays FORBIDDEN
 * (clients rely on it); the message and extensions say why: `reason: MEETING_STATUS`, `status` (the meeting's
 * status now) and `allowedStatuses` (the statuses in which the write is possible, in lifecycle order).
 */
export function refuseIn(meeting: MeetingRow, allowed: Set<string>, what: string): void {
  if (allowed.has(meeting.status)) return;
  const allowedStatuses = MEETING_STATUSES.filter((s) => allowed.has(s));
  throw forbidden(
    `${what} cannot be changed while the meeting is ${meeting.status}; only while it is ${orList(allowedStatuses)}`,
    undefined,
    { reason: 'MEETING_STATUS', status: meeting.status, allowedStatuses },
  );
}

/**
 * Who reaches which meeting and item: the caller's roles in the body, the
 * item as they may see it, and the checks every read and write starts with.
 */
export function createMeetingsAccess(db: Db, cooperation: CooperationService) {
  /** The actor's current roles in a body (through the request's loader when there is one). */
  async function rolesIn(actor: Actor, bodyId: string, loaders?: Loaders): Promise<string[]> {
    if (actor.kind !== 'user') return [];
    // A subscription's scope (read once, refreshed by membership events) instead of a query per event.
    const all =
      (await scopedRolesOf(actor)) ??
      (loaders
        ? await loaders.cooperation.activeRolesByUserId.load(actor.userId)
        : await cooperation.activeRolesOfUser(actor.userId));
    return all.filter((r) => r.bodyId === bodyId).map((r) => r.role);
  }

  /** The item as this caller may see it. */
  function view(actor: Actor, roles: readonly string[], item: AgendaItemRow): AgendaItemModel {
    return meetingsPolicy.readItem(actor, roles, item.publicity) ? { ...item, restricted: false } : restrictedView(item);
  }

  /** A meeting the caller may read, or NOT_FOUND (the same answer for both). */
  async function readable(actor: Actor, id: string, loaders?: Loaders) {
    requireUser(actor);
    const meeting = isUuid(id)
      ? await (loaders ? loaders.meetings.meetingById.load(id) : repo.meetingRows.find(db, id))
      : undefined;
    if (!meeting) throw notFound('Meeting');
    const roles = await rolesIn(actor, meeting.bodyId, loaders);
    if (!meetingsPolicy.read(actor, roles)) throw notFound('Meeting');
    return { meeting, roles };
  }

  /**
   * The policy check of a write whose work starts before its transaction (the public copy of
   * `transition`): NOT_FOUND when the caller may not read the meeting, FORBIDDEN when they do not run it.
   */
  async function authorizeManage(user: UserActor, meetingId: string) {
    const found = await readable(user, meetingId);
    if (!meetingsPolicy.manage(user, found.roles)) throw forbidden(MANAGE_ONLY);
    return found;
  }

  /** The meeting again inside the write, locked, so changes to it run one at a time. */
  async function lockMeeting(tx: Db, id: string): Promise<MeetingRow> {
    const meeting = await repo.meetingRows.find(tx, id, { forUpdate: true });
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /**
   * The meeting of a write, locked so that changes to it run one at a time, and the caller's roles in
   * its body, read in the same transaction: NOT_FOUND when the caller may not read the meeting.
   */
  async function lockReadable(tx: Db, user: UserActor, meetingId: string) {
    const meeting = await lockMeeting(tx, meetingId);
    const roles = await rolesIn(user, meeting.bodyId);
    if (!meetingsPolicy.read(user, roles)) throw notFound('Meeting');
    return { meeting, roles };
  }

  /** As `lockReadable`, and FORBIDDEN unless the caller runs the body's meetings. */
  async function lockManaged(tx: Db, user: UserActor, meetingId: string) {
    const found = await lockReadable(tx, user, meetingId);
    if (!meetingsPolicy.manage(user, found.roles)) throw forbidden(MANAGE_ONLY);
    return found;
  }

  /** An item and its meeting for a write on the item, the meeting locked: NOT_FOUND, FORBIDDEN as above. */
  async function lockManagedItem(tx: Db, user: UserActor, itemId: string) {
    const item = await repo.itemRows.find(tx, itemId);
    if (!item) throw notFound('Agenda item');
    const found = await lockManaged(tx, user, item.meetingId);
    if (!meetingsPolicy.readItem(user, found.roles, item.publicity)) throw notFound('Agenda item');
    return { ...found, item };
  }

  /** Who may read the meetings' change events in the audit stream: their meeting's readers. */
  const meetingView: ChangeView<Loaders> = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'ANALYST'),
    canRead: async (actor, event, loaders) =>
      meetingsPolicy.read(actor, await rolesIn(actor, String(event.scope?.bodyId ?? ''), loaders)),
    readKey: (event) => `body:${String(event.scope?.bodyId ?? '')}`,
  };
  /**
   * An item's events, each a full copy of the item: read by those who read the item's content on its meeting's agenda
   * now (`readItemOnAgenda`: none but those who run it while the meeting is PLANNED), of the stricter of the item's
   * publicity then (the event's) and now, so a reader who sees only the title sees none of its events.
   */
  const itemView: ChangeView<Loaders> = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT'),
    canRead: async (actor, event, loaders) => {
      const meetingId = String(event.scope?.meetingId ?? '');
      if (!isUuid(meetingId)) return false;
      const [meeting, item] = await Promise.all([
        loaders ? loaders.meetings.meetingById.load(meetingId) : repo.meetingRows.find(db, meetingId),
        !isUuid(event.entityId)
          ? undefined
          : loaders
            ? loaders.meetings.itemById.load(event.entityId)
            : repo.itemRows.find(db, event.entityId),
      ]);
      if (!meeting) return false;
      const roles = await rolesIn(actor, meeting.bodyId, loaders);
      const publicity = stricterPublicity(String(event.scope?.publicity ?? 'SECRET'), item?.publicity);
      return meetingsPolicy.readItemOnAgenda(actor, roles, meeting.status, publicity);
    },
    // The answer depends on the meeting's status and the item's publicity now, and on its publicity when the event happened.
    readKey: (event) => `${event.entityId}:${String(event.scope?.publicity ?? 'SECRET')}`,
  };

  return {
    rolesIn,
    view,
    readable,
    authorizeManage,
    lockMeeting,
    lockReadable,
    lockManaged,
    lockManagedItem,
    /** Who may read the meetings' change events in the audit stream, by entity type. */
    changeViews: { meeting: meetingView, meeting_attendance: meetingView, agenda_item: itemView } satisfies Record<
      string,
      ChangeView<Loaders>
    >,
  };
}

/** The shared access checks of the meetings module. */
export type MeetingsAccess = ReturnType<typeof createMeetingsAccess>;
