import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput } from '../../errors.js';
import { isRow, required } from '../../lib/batch-loaders.js';
import { today } from '../../lib/dates.js';
import { eventsAsOf } from '../../realtime/as-of.js';
import { EVENTS } from '../../realtime/topics.js';
import { isUuid, parseInput } from '../../validation.js';
import type { Loaders } from '../loaders.js';
import type { MeetingsAccess } from './meetings.access.js';
import { stricterPublicity } from './meetings.events.js';
import { pastMeeting } from './meetings.history.js';
import type { AgendaItemModel, AttendanceModel, AttendanceStatisticsModel, MeetingModel } from './meetings.models.js';
import { EDITABLE_IN, allowedTransitions, meetingsPolicy } from './meetings.policy.js';
import { deputySeatsOpenTo, seatFilledBy } from './meetings.quorum.js';
import type { MeetingRecord } from './meetings.record.js';
import { hasCheckingAccount } from './meetings.record.rules.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';
import { peopleInRosterOrder } from './meetings.roster.js';
import type { AgendaItemRow, AttendanceRow, MeetingRow } from './meetings.table.js';

/** An optional date argument as a Date (null when absent); BAD_USER_INPUT under `key` when it is not one. */
function dateArg(v: Date | string | null | undefined, key: string): Date | null {
  if (v == null) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw badInput({ [key]: 'Expected a date and time' });
  return d;
}

/**
 * An optional id argument (null when absent); BAD_USER_INPUT under `key` when it is no id, as the gate refuses it
 * (server/graphql/guards.ts) for callers that come in over the API: any UUID in canonical form (`z.guid`, as
 * `isUuid`), with the gate's message.
 */
const optionalId = z.guid('Not a valid id').nullish();
const idArg = (v: string | null | undefined, key: string): string | null => parseInput(optionalId, v, key) ?? null;

/**
 * What anyone may do with a past state of a meeting (`meeting(id, asOf)`): nothing, for the reason PAST_STATE; it is
 * read as the agenda was (`readMinutes`, the caller's `seeAgenda` of the status then).
 */
const pastStatePermissions = (readMinutes: boolean) => ({
  manage: false,
  editAgenda: false,
  movePointer: false,
  recordAttendance: false,
  recordDecision: false,
  reopenMinutes: false,
  electCheckers: false,
  checkMinutes: false,
  checkMinutesLockReason: 'PAST_STATE' as const,
  editMinutes: false,
  readMinutes,
  minutesLockReason: 'PAST_STATE' as const,
  join: false,
  removePersonalData: false,
});

/** The meeting of an attendance row (a foreign key guarantees it), through the request's loaders. */
const meetingOf = (a: Pick<AttendanceRow, 'meetingId'>, loaders: Loaders): Promise<MeetingRow> =>
  required(loaders.meetings.meetingById.load(a.meetingId), `attendance ${a.meetingId}: meeting`);

/**
 * Reading meetings: lists, one meeting (now or as it stood), attendance
 * statistics, the agenda as the caller may see it, and what the caller may do.
 */
export function createMeetingQueries(
  db: Db,
  { rolesIn, view, readable }: MeetingsAccess,
  lawful: Pick<MeetingRecord, 'mayCheck' | 'checkLock' | 'checkedDraft'>,
) {
  /** The agenda as the caller may see it (empty while it is a draft they do not run). */
  async function agenda(actor: Actor, meeting: MeetingModel, loaders: Loaders): Promise<AgendaItemModel[]> {
    const roles = await rolesIn(actor, meeting.bodyId, loaders);
    if (!meetingsPolicy.seeAgenda(actor, roles, meeting.status)) return [];
    const items = await loaders.meetings.itemsByMeetingId.load(meeting.id);
    if (!meeting.asOf) return items.map((i) => view(actor, roles, i));
    // A past item's content by the stricter of its publicity then and now, as the audit stream shows its events
    // (each marked with its moment by `pastMeeting`, read-only).
    const now = new Map(items.map((i) => [i.id, i.publicity]));
    return meeting.asOf.items.map((i) => ({
      ...view(actor, roles, { ...i, publicity: stricterPublicity(i.publicity, now.get(i.id)) }),
      publicity: i.publicity,
    }));
  }

  /** An item by id as the caller sees it, or null when they may not see its meeting's agenda (an action's link back). */
  async function readableItem(actor: Actor, itemId: string, loaders: Loaders): Promise<AgendaItemModel | null> {
    if (actor.kind !== 'user' || !isUuid(itemId)) return null;
    const item = await loaders.meetings.itemById.load(itemId);
    const meeting = item && (await loaders.meetings.meetingById.load(item.meetingId));
    if (!item || !meeting) return null;
    const roles = await rolesIn(actor, meeting.bodyId, loaders);
    return meetingsPolicy.seeAgenda(actor, roles, meeting.status) ? view(actor, roles, item) : null;
  }

  /**
   * Whether `personId` can sign in to check the minutes (`hasCheckingAccount`: electMinutesCheckers' NO_ACCOUNT rule),
   * as far as the caller may know it. An account's status is the secretariat's and the person's own (`User.status`),
   * so it is told to those who run the meeting, who elect the checkers; everyone else reads true (a person signed in
   * knows their own account works).
   */
  async function checkerCanSignIn(actor: Actor, meeting: Pick<MeetingRow, 'bodyId'>, personId: string, loaders: Loaders) {
    if (!meetingsPolicy.manage(actor, await rolesIn(actor, meeting.bodyId, loaders))) return true;
    return hasCheckingAccount(loaders, personId);
  }

  return {
    /** Meetings the caller may read, optionally of one body and in a window. */
    async list(
      actor: Actor,
      args: { bodyId?: string | null; from?: Date | string | null; to?: Date | string | null },
      loaders?: Loaders,
    ) {
      const user = requireUser(actor);
      const bodyId = idArg(args.bodyId, 'bodyId');
      const rows = await repo.listMeetings(db, {
        bodyIds: bodyId ? [bodyId] : null,
        from: dateArg(args.from, 'from'),
        to: dateArg(args.to, 'to'),
      });
      const out: MeetingRow[] = [];
      for (const m of rows) if (meetingsPolicy.read(user, await rolesIn(user, m.bodyId, loaders))) out.push(m);
      for (const m of out) loaders?.meetings.meetingById.prime(m.id, m);
      return out;
    },

    /** A meeting the caller may read, or null; with `asOf`, rebuilt from its events as it stood then (read-only). */
    async get(actor: Actor, id: string, loaders?: Loaders, asOf?: Date | string | null): Promise<MeetingModel | null> {
      let meeting: MeetingRow;
      try {
        meeting = (await readable(actor, id, loaders)).meeting;
      } catch (err) {
        if ((err as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
        throw err;
      }
      if (asOf == null) return meeting;
      const { at, events } = await eventsAsOf(
        db,
        asOf,
        { entityType: EVENTS.meetingCreated.entityType, entityId: id, scopeKey: 'meetingId' },
        { later: true },
      );
      // Rows with no event (e.g. written before their changes were recorded) are read as they are now.
      const [items, attendance, checkers] = await Promise.all([
        repo.listItemsOfMeetings(db, [meeting.id]),
        repo.listAttendance(db, [meeting.id]),
        recordRepo.listCheckers(db, [meeting.id]),
      ]);
      // Before the meeting existed there is nothing to show.
      return pastMeeting(events, at, { meeting, items, attendance, checkers }) ?? null;
    },

    /**
     * Attendance per body and party over the meetings of the bodies the caller
     * may read (those with attendance recorded), optionally of one body and in a window.
     */
    async attendanceStatistics(
      actor: Actor,
      args: { bodyId?: string | null; from?: Date | string | null; to?: Date | string | null },
      loaders?: Loaders,
    ): Promise<AttendanceStatisticsModel[]> {
      const user = requireUser(actor);
      const rows = await repo.attendanceCounts(db, {
        bodyId: idArg(args.bodyId, 'bodyId'),
        from: dateArg(args.from, 'from'),
        to: dateArg(args.to, 'to'),
      });
      const readable = new Map<string, boolean>();
      for (const bodyId of new Set(rows.map((r) => r.bodyId)))
        readable.set(bodyId, meetingsPolicy.read(user, await rolesIn(user, bodyId, loaders)));
      return rows
        .filter((r) => readable.get(r.bodyId))
        .map((r) => {
          const recorded = r.present + r.remote + r.absent;
          return { ...r, attendanceRate: recorded ? Math.round(((r.present + r.remote) / recorded) * 1000) / 1000 : null };
        });
    },

    agenda,

    async currentItem(actor: Actor, meeting: MeetingRow, loaders: Loaders): Promise<AgendaItemModel | null> {
      if (!meeting.currentItemId) return null;
      return (await agenda(actor, meeting, loaders)).find((i) => i.id === meeting.currentItemId) ?? null;
    },

    readableItem,

    /**
     * The items among `ids` as the caller sees them on their meetings' agendas (a secret one they may not read
     * restricted to its place and title), in the ids' order; the request's loaders batch the reads.
     */
    async readableItems(actor: Actor, ids: readonly string[], loaders: Loaders): Promise<AgendaItemModel[]> {
      return (await Promise.all(ids.map((id) => readableItem(actor, id, loaders)))).filter((i) => i != null);
    },

    /** An item seen by the caller (for event payloads and lookups). */
    async viewItem(actor: Actor, item: AgendaItemRow, loaders?: Loaders): Promise<AgendaItemModel> {
      const meeting = await repo.meetingRows.find(db, item.meetingId);
      return view(actor, meeting ? await rolesIn(actor, meeting.bodyId, loaders) : [], item);
    },

    async permissions(actor: Actor, meeting: MeetingModel, loaders: Loaders) {
      const roles = await rolesIn(actor, meeting.bodyId, loaders);
      // A past state is read-only: nothing may be done with it, and every lock says so.
      if (meeting.asOf) return pastStatePermissions(meetingsPolicy.seeAgenda(actor, roles, meeting.status));
      const manage = meetingsPolicy.manage(actor, roles);
      // A checker has checked the draft: its content stays as checked until it is reopened for a correction.
      const checked = await lawful.checkedDraft(meeting, loaders);
      const minutesLockReason = meetingsPolicy.minutesLock(actor, roles, meeting.status, checked);
      return {
        manage,
        editAgenda: manage && EDITABLE_IN.agenda.has(meeting.status),
        movePointer: manage && EDITABLE_IN.pointer.has(meeting.status),
        recordAttendance: manage && !checked && EDITABLE_IN.attendance.has(meeting.status),
        recordDecision: manage && !checked && EDITABLE_IN.decision.has(meeting.status),
        reopenMinutes: manage && (meeting.status === 'MINUTES_CHECKED' || checked),
        electCheckers: manage && !checked && ['IN_PROGRESS', 'HELD', 'MINUTES_DRAFT'].includes(meeting.status),
        checkMinutes: await lawful.mayCheck(actor, meeting, loaders),
        checkMinutesLockReason: await lawful.checkLock(actor, meeting, loaders),
        editMinutes: minutesLockReason === null,
        readMinutes: meetingsPolicy.seeAgenda(actor, roles, meeting.status),
        minutesLockReason,
        join: meetingsPolicy.join(actor, roles),
        removePersonalData:
          meetingsPolicy.removePersonalData(actor) && meeting.status === 'PUBLISHED' && !meeting.personalDataRemovedAt,
      };
    },

    checkerCanSignIn,

    /**
     * Whether the attendee fills a seat (`seatFilledBy`: the rule of the quorum and of electMinutesCheckers). Of a
     * past state, by the memberships that held on its day, as its quorum. Memberships batch per request.
     */
    async fillsSeat(a: AttendanceModel, loaders: Loaders): Promise<boolean> {
      const meeting = await meetingOf(a, loaders);
      return seatFilledBy(await loaders.cooperation.membershipsByBodyId.load(meeting.bodyId), a, today(a.asOf)) !== null;
    },

    /**
     * Whether the attendee may be elected a minutes checker: the rules of electMinutesCheckers' NOT_A_VOTING_MEMBER
     * (`seatFilledBy`) and NO_ACCOUNT (`canSignInToCheck`), the account told only to those who run the meeting
     * (`checkerCanSignIn`). False of a past state: it is read-only.
     */
    async canCheckMinutes(actor: Actor, a: AttendanceModel, loaders: Loaders): Promise<boolean> {
      if (a.asOf) return false;
      const meeting = await meetingOf(a, loaders);
      const [memberships, account] = await Promise.all([
        loaders.cooperation.membershipsByBodyId.load(meeting.bodyId),
        checkerCanSignIn(actor, meeting, a.personId, loaders),
      ]);
      return account && seatFilledBy(memberships, a, today()) !== null;
    },

    /**
     * The persons whose seat the attendee may be recorded standing in for, in roster order: the rule of
     * recordAttendance's deputy refusals (`deputySeatsOpenTo`, `standInRefusal`). None of a past state: it is
     * read-only. Memberships, attendance and persons batch per request.
     */
    async deputyForChoices(a: AttendanceModel, loaders: Loaders) {
      if (a.asOf) return [];
      const meeting = await meetingOf(a, loaders);
      const [memberships, attendance] = await Promise.all([
        loaders.cooperation.membershipsByBodyId.load(meeting.bodyId),
        loaders.meetings.attendanceByMeetingId.load(meeting.id),
      ]);
      const seats = deputySeatsOpenTo(memberships, attendance, a, today());
      if (seats.length === 0) return [];
      const ordered = await peopleInRosterOrder(loaders, meeting.bodyId, today(), seats, (id) => id);
      return (await loaders.persons.personById.loadMany(ordered)).filter(isRow);
    },

    /**
     * The moves the caller may make now. MINUTES_CHECKED is the elected checkers' alone: it is listed
     * for a checker who has not yet checked (their check), never for those who run the meeting.
     */
    async allowedTransitions(actor: Actor, meeting: MeetingModel, loaders: Loaders): Promise<string[]> {
      if (meeting.asOf) return [];
      const manage = meetingsPolicy.manage(actor, await rolesIn(actor, meeting.bodyId, loaders));
      const checks = await lawful.mayCheck(actor, meeting, loaders);
      return allowedTransitions(meeting.status).filter((to) => (to === 'MINUTES_CHECKED' ? checks : manage));
    },
  };
}
