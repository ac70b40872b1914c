import { z } from 'zod';
import { hasRole, isSession, type Actor, type UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { AppError, badInput, conflict, forbidden } from '../../errors.js';
import { today } from '../../lib/dates.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import { parseInput } from '../../validation.js';
import type { AuthService } from '../auth/auth.service.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { Loaders } from '../loaders.js';
import type { PersonsService } from '../parties/persons.service.js';
import { refuseIn, type MeetingsAccess } from './meetings.access.js';
import { recordMeeting } from './meetings.events.js';
import type { MeetingModel } from './meetings.models.js';
import { meetingsPolicy } from './meetings.policy.js';
import { holdsSeat, isParticipant, quorumOf, seatFilledBy, standInRefusal, type Quorum } from './meetings.quorum.js';
import * as repo from './meetings.repo.js';
import * as recordRepo from './meetings.record.repo.js';
import { MINUTES_DOC } from './meetings.documents.js';
import { refuseChangedAfterCheck, refuseChecked, refuseUndecided, refuseWithoutAccount } from './meetings.record.rules.js';
import type { AttendanceRow, MeetingRow } from './meetings.table.js';

/** States in which the checkers may be elected (in the meeting, or recorded afterwards before anyone checks). */
const ELECT_IN = new Set(['IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']);
const electInput = z.array(z.uuid('Expected an id')).refine((ids) => ids.length === 2 && new Set(ids).size === 2, {
  message: 'Elect exactly two different persons',
});

/** Why an elected checker may not check the draft minutes now; null: they may; undefined: not theirs to check. */
type CheckRefusal = 'NOT_A_VOTING_MEMBER' | 'UNDECIDED_ITEMS' | null | undefined;

/** States from which the minutes may be reopened for a correction (with at least one check in the draft). */
const REOPEN_IN = new Set(['MINUTES_DRAFT', 'MINUTES_CHECKED']);

/** The services the lawful record reads in its writes (a checker's account, the minutes text as checked). */
type RecordDeps = { auth: Pick<AuthService, 'usersInTx'>; cooperation: CooperationService; persons: PersonsService } & {
  documents: Pick<DocumentsService, 'lockByOwnerInTx'>;
};

/**
 * The lawful record (Kuntalaki 410/2015 §§ 102-103, 140): quorum from
 * attendance, the minutes checkers elected in the meeting and their checks,
 * and the overdue removals of personal data (the bodies' appeal instructions: meetings.appeal.service.ts).
 */
export function createMeetingRecord(
  { db, write }: { db: Db; write: Writer },
  { auth, cooperation, persons, documents }: RecordDeps,
  { lockReadable, lockManaged }: MeetingsAccess,
) {
  /** The quorum of a meeting now, read inside a write. */
  async function quorumInTx(tx: Db, meeting: MeetingRow): Promise<Quorum> {
    return quorumOf(await cooperation.membershipsInTx(tx, meeting.bodyId), await repo.listAttendance(tx, [meeting.id]), today());
  }

  /**
   * BAD_USER_INPUT naming `field` (`reason: NOT_A_VOTING_MEMBER`, `personIds`: those refused) unless each of
   * `personIds` is a voting member present now (fills a seat: see `seatFilledBy`) by the meeting's `attendance` and
   * the body's memberships, both read inside the write.
   */
  async function refuseNonVoting(
    tx: Db,
    meeting: MeetingRow,
    attendance: readonly AttendanceRow[],
    personIds: readonly string[],
    field: string,
  ): Promise<void> {
    const memberships = await cooperation.membershipsInTx(tx, meeting.bodyId);
    const voting = new Set(attendance.filter((a) => seatFilledBy(memberships, a, today())).map((a) => a.personId));
    const others = personIds.filter((id) => !voting.has(id));
    if (others.length)
      throw badInput(
        {
          [field]:
            'The minutes checkers are elected among, and check as, the voting members present: a chair, vice-chair or member, or a deputy standing in for one',
        },
        'Not a voting member',
        { reason: 'NOT_A_VOTING_MEMBER', personIds: others },
      );
  }

  /** Which of the meeting's checkers is the caller's person (read inside a write), if any. */
  async function checkerOf(tx: Db, user: UserActor, meetingId: string) {
    const checkers = await recordRepo.listCheckers(tx, [meetingId]);
    for (const c of checkers) if ((await persons.findInTx(tx, c.personId))?.userId === user.userId) return { checkers, mine: c };
    return { checkers, mine: undefined };
  }

  // checkRefusal's answers by the request's loaders, then by meeting version and caller (a batch of reads may serve many).
  const refusals = new WeakMap<Loaders, Map<string, Promise<CheckRefusal>>>();
  /**
   * Why the caller, one of the meeting's checkers who has not yet checked the draft minutes, may not check them now
   * (as `checkMinutes` refuses: NOT_A_VOTING_MEMBER, then UNDECIDED_ITEMS); null when they may. Undefined for
   * everyone else, and when the minutes are no draft. Asked once per request, meeting and caller, as its loaders read
   * (`mayCheck`, `checkLock` and so `viewerCan` and `allowedTransitions` share the answer); the loaders are the
   * request's, so the answer lives as long as what it was read from, and a later request asks anew.
   */
  function checkRefusal(actor: Actor, meeting: MeetingRow, loaders: Loaders): Promise<CheckRefusal> {
    let byMeeting = refusals.get(loaders);
    if (!byMeeting) refusals.set(loaders, (byMeeting = new Map()));
    const key = `${meeting.id}@${meeting.version} ${isSession(actor) ? actor.userId : ''}`;
    let refusal = byMeeting.get(key);
    if (!refusal) byMeeting.set(key, (refusal = readCheckRefusal(actor, meeting, loaders)));
    return refusal;
  }

  /** `checkRefusal`, read through the request's loaders. */
  async function readCheckRefusal(actor: Actor, meeting: MeetingRow, loaders: Loaders): Promise<CheckRefusal> {
    if (!isSession(actor) || meeting.status !== 'MINUTES_DRAFT') return undefined;
    const checkers = (await loaders.meetings.checkersByMeetingId.load(meeting.id)).filter((c) => !c.checkedAt);
    const people = await loaders.persons.personById.loadMany(checkers.map((c) => c.personId));
    const mine = people.find((p) => p && !(p instanceof Error) && p.userId === actor.userId);
    if (!mine || mine instanceof Error) return undefined;
    const [memberships, attendance, items] = await Promise.all([
      loaders.cooperation.membershipsByBodyId.load(meeting.bodyId),
      loaders.meetings.attendanceByMeetingId.load(meeting.id),
      loaders.meetings.itemsByMeetingId.load(meeting.id),
    ]);
    const row = attendance.find((a) => a.personId === mine.id);
    if (!row || !seatFilledBy(memberships, row, today())) return 'NOT_A_VOTING_MEMBER';
    return items.some((i) => !i.decisionMode) ? 'UNDECIDED_ITEMS' : null;
  }

  return {
    quorumInTx,

    /**
     * The quorum now from the body's members and the recorded attendance; of a past state (`asOf`), from the
     * attendance as it stood then and the memberships that held on that day.
     */
    async quorum(meeting: MeetingModel, loaders: Loaders): Promise<Quorum> {
      const [members, present] = await Promise.all([
        loaders.cooperation.membershipsByBodyId.load(meeting.bodyId),
        meeting.asOf?.attendance ?? loaders.meetings.attendanceByMeetingId.load(meeting.id),
      ]);
      return quorumOf(members, present, today(meeting.asOf?.at));
    },

    /**
     * Why the caller, an elected checker who has not yet checked the draft minutes, may not check them now
     * (NOT_A_VOTING_MEMBER or UNDECIDED_ITEMS: `checkMinutes` would refuse so); null when they may, and for everyone else.
     */
    async checkLock(
      actor: Actor,
      meeting: MeetingRow,
      loaders: Loaders,
    ): Promise<'NOT_A_VOTING_MEMBER' | 'UNDECIDED_ITEMS' | null> {
      return (await checkRefusal(actor, meeting, loaders)) ?? null;
    },

    /** Whether the caller may check the minutes now: an elected checker who has not yet checked, nothing refused. */
    async mayCheck(actor: Actor, meeting: MeetingRow, loaders: Loaders): Promise<boolean> {
      return (await checkRefusal(actor, meeting, loaders)) === null;
    },

    /**
     * Elects the two minutes checkers among the voting members present (those who fill a seat: a chair, vice-chair
     * or member present, or a deputy standing in for one; see `seatFilledBy`); an earlier election is replaced while
     * no one has checked. Once a checker has checked the draft, BAD_USER_INPUT `reason: MINUTES_CHECKED` (see
     * `refuseChecked`): a check is cleared only by `reopenForCorrection`, whose `minutes.reopened` event records it.
     * A person who cannot sign in to check (no account, or a deactivated one) is refused: `reason: NO_ACCOUNT`.
     * Read in the write with the meeting locked, as recordAttendance locks it.
     */
    async electCheckers(actor: Actor, meetingId: string, expectedVersion: number, rawIds: unknown): Promise<MeetingRow> {
      const personIds = parseInput(electInput, rawIds, 'personIds');
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, meetingId);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, ELECT_IN, 'The minutes checkers');
        // A check is an attestation: it is cleared only by reopening the minutes for a correction (its own event).
        await refuseChecked(tx, meeting, 'personIds');
        const attendance = await repo.listAttendance(tx, [meeting.id]);
        const present = new Set(attendance.filter((a) => a.status !== 'ABSENT').map((a) => a.personId));
        const absent = personIds.filter((id) => !present.has(id));
        if (absent.length)
          throw badInput({ personIds: 'A minutes checker must be recorded present in the meeting' }, 'Not present', {
            reason: 'CHECKER_NOT_PRESENT',
            personIds: absent,
          });
        await refuseNonVoting(tx, meeting, attendance, personIds, 'personIds');
        await refuseWithoutAccount(tx, { persons, auth }, personIds, 'personIds');
        await recordRepo.replaceCheckers(tx, meeting.id, personIds, user.userId);
        const after = await repo.meetingRows.updateIfVersion(tx, meeting.id, expectedVersion, {});
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.minutesCheckersElected, meeting, after, { checkers: personIds });
        return after;
      });
    },

    /**
     * One checker marks the minutes checked (time and person recorded). When
     * the second has checked, the meeting becomes MINUTES_CHECKED in the same write.
     */
    async checkMinutes(actor: Actor, meetingId: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting, roles } = await lockReadable(tx, user, meetingId);
        if (!meetingsPolicy.join(user, roles)) throw forbidden();
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        const { checkers, mine } = await checkerOf(tx, user, meeting.id);
        if (checkers.length < 2)
          throw badInput({ meetingId: 'Elect two minutes checkers first' }, 'No minutes checkers elected', {
            reason: 'NO_CHECKERS',
          });
        if (!mine)
          throw new AppError('FORBIDDEN', 'Only the minutes checkers elected in the meeting mark the minutes checked', {
            reason: 'NOT_MINUTES_CHECKER',
          });
        if (meeting.status !== 'MINUTES_DRAFT') refuseIn(meeting, new Set(['MINUTES_DRAFT']), 'The check of the minutes');
        // Still a voting member present by today's rule (the election's): a membership may have ended since.
        await refuseNonVoting(tx, meeting, await repo.listAttendance(tx, [meeting.id]), [mine.personId], 'meetingId');
        refuseUndecided(await repo.listItemsOfMeetings(tx, [meeting.id]), 'meetingId');
        const now = new Date();
        // The minutes text as checked: its row locked (as a batch's version bump locks it) and its version recorded,
        // so a batch stored after this check shows as a later version, and the minutes are not published so.
        const minutesDoc = await documents.lockByOwnerInTx(tx, MINUTES_DOC, meeting.id);
        // Text stored since an earlier check: this check would seal minutes that can never be published as they are.
        refuseChangedAfterCheck(checkers, minutesDoc?.version, 'meetingId');
        const checked = await recordRepo.markChecked(
          tx,
          meeting.id,
          mine.personId,
          user.userId,
          now,
          minutesDoc?.version ?? null,
        );
        if (!checked)
          throw badInput({ meetingId: 'You have already checked these minutes' }, 'Already checked', {
            reason: 'ALREADY_CHECKED',
          });
        const done = checkers.every((c) => c.personId === mine.personId || c.checkedAt);
        const after = await repo.meetingRows.updateIfVersion(
          tx,
          meeting.id,
          expectedVersion,
          done ? { status: 'MINUTES_CHECKED', minutesCheckedAt: now } : {},
        );
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.minutesChecked, meeting, after, {
          personId: mine.personId,
          checkedAt: now.toISOString(),
          documentVersion: minutesDoc?.version ?? null,
        });
        if (done) await recordMeeting(record, EVENTS.meetingTransitioned, meeting, after);
        return after;
      });
    },

    /**
     * Reopens checked minutes for a correction (one checker's check in the draft, or both: MINUTES_CHECKED): every
     * check is cleared and the meeting is a MINUTES_DRAFT again, in one write with a `minutes.reopened` event (the
     * checks it cleared) that the meeting's followers, the checkers among them, see at once. Those who run the
     * meeting; BAD_USER_INPUT `reason: NOT_CHECKED` when no checker has checked.
     */
    async reopenForCorrection(actor: Actor, meetingId: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, meetingId);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, REOPEN_IN, 'Reopening the minutes');
        const cleared = (await recordRepo.listCheckers(tx, [meeting.id])).filter((c) => c.checkedAt);
        if (cleared.length === 0)
          throw badInput({ meetingId: 'No checker has checked the minutes: they are open for changes' }, 'Not checked', {
            reason: 'NOT_CHECKED',
          });
        await recordRepo.clearChecks(tx, meeting.id);
        const after = await repo.meetingRows.updateIfVersion(tx, meeting.id, expectedVersion, {
          status: 'MINUTES_DRAFT',
          minutesCheckedAt: null,
        });
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.minutesReopened, meeting, after, {
          clearedChecks: cleared.map((c) => ({ personId: c.personId, checkedAt: c.checkedAt?.toISOString() ?? null })),
        });
        if (meeting.status !== after.status) await recordMeeting(record, EVENTS.meetingTransitioned, meeting, after);
        return after;
      });
    },

    /** Whether a checker has checked the draft minutes (their content is locked: see `refuseChecked`). */
    async checkedDraft(meeting: MeetingRow, loaders: Loaders): Promise<boolean> {
      if (meeting.status !== 'MINUTES_DRAFT') return false;
      return (await loaders.meetings.checkersByMeetingId.load(meeting.id)).some((c) => c.checkedAt);
    },

    /** Published minutes whose appeal period has ended and that still carry personal data: the secretariat's to-do. */
    async overdueRemovals(actor: Actor): Promise<MeetingRow[]> {
      const user = requireUser(actor);
      if (!hasRole(user, 'SECRETARIAT')) throw forbidden('Only the secretariat removes personal data');
      const rows = await recordRepo.listOverdueRemovals(db, today());
      return rows.filter((m) => m.published && hasPersonalData(m.published));
    },

    /** Refuses marking an elected checker absent (elect another first). */
    async refuseAbsentChecker(tx: Db, meetingId: string, personId: string, status: string): Promise<void> {
      if (status !== 'ABSENT') return;
      if ((await recordRepo.listCheckers(tx, [meetingId])).some((c) => c.personId === personId))
        throw badInput({ 'input.status': 'A minutes checker is present: elect another checker first' }, 'Checker absent', {
          reason: 'CHECKER_ABSENT',
        });
    },

    /**
     * Refuses an attendance that the lawful record cannot hold. Read in the write, the meeting locked (as
     * electCheckers and recordDecision lock it), so two records never race past each other:
     * - `personId` recorded as the deputy for `deputyForPersonId` unless they may stand in for that seat now (a
     *   current deputy member of the body for the seat's party, the seat not filled: see `standInRefusal`);
     * - a person not among the meeting's participants (`NOT_A_PARTICIPANT` on `input.personId`; see `participantsOf`);
     * - one seat filled twice: a second deputy present for a seat already filled by one (`SEAT_TAKEN`), a deputy
     *   present for a member who is recorded present (`SEAT_HOLDER_PRESENT` on `input.deputyForPersonId`), and the
     *   member recorded present while a deputy is recorded present for them (`DEPUTY_STANDS_IN` on `input.status`):
     *   the deputy is recorded absent first, then the member present (a member who arrives takes the seat back).
     */
    async refuseUnlawfulAttendance(
      tx: Db,
      meeting: MeetingRow,
      input: { personId: string; deputyForPersonId?: string | null; status: string },
    ): Promise<void> {
      const memberships = await cooperation.membershipsInTx(tx, meeting.bodyId);
      const day = today();
      const attendance = await repo.listAttendance(tx, [meeting.id]);
      const forId = input.deputyForPersonId;
      if (forId) {
        const refusal = standInRefusal(memberships, attendance, { ...input, deputyForPersonId: forId }, day);
        if (refusal)
          throw badInput({ [`input.${refusal.field}`]: refusal.message }, refusal.summary, {
            reason: refusal.reason,
            ...(refusal.personId ? { personId: refusal.personId } : {}),
          });
      }
      // (A lawful deputy is a current deputy member of the body, so a participant: this refuses only others.)
      if (!isParticipant(memberships, input.personId, day))
        throw badInput(
          {
            'input.personId':
              "Not a participant of the meeting: attendance is recorded for the body's current members, deputy members, secretaries, presenters, experts and observers",
          },
          'Not a participant',
          { reason: 'NOT_A_PARTICIPANT' },
        );
      if (input.status === 'ABSENT' || forId) return;
      const others = attendance.filter((a) => a.personId !== input.personId && a.status !== 'ABSENT');
      const deputy = holdsSeat(memberships, input.personId, day)
        ? others.find((a) => a.deputyForPersonId === input.personId)
        : undefined;
      if (deputy)
        throw badInput(
          { 'input.status': 'A deputy is recorded present for this member: record the deputy absent first' },
          'A deputy holds the seat',
          { reason: 'DEPUTY_STANDS_IN', personId: deputy.personId },
        );
    },
  };
}

/** True while the public copy still names someone (the fields removal clears). */
export function hasPersonalData(copy: NonNullable<MeetingRow['published']>): boolean {
  return (
    copy.chair != null ||
    copy.secretary != null ||
    copy.attendance.some((a) => a.name != null || a.deputyFor != null) ||
    copy.items.some((i) => i.presenter != null || i.preparer != null) ||
    (copy.checkers ?? []).some((c) => c.name != null)
  );
}

/** The meetings' lawful-record part of the service. */
export type MeetingRecord = ReturnType<typeof createMeetingRecord>;
