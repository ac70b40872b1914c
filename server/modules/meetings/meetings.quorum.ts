import { isCurrentMembership } from '../cooperation/cooperation.models.js';

/**
 * Quorum (päätösvaltaisuus): more than half of the body's members present
 * (Kuntalaki 410/2015 103 §). Members are the current chair, vice-chairs and
 * members; a deputy present fills the seat of the member they stand in for.
 * Secretaries, presenters, experts and observers do not count.
 *
 * Who may stand in (varajäsen): a current DEPUTY_MEMBER of the body on behalf of
 * the same party as the seat. The cooperation bodies' seats are the parties'
 * (each party names its members and their deputies), and memberships carry no
 * personal deputy, so the party is what ties a deputy to a seat.
 */

/** Roles that hold a seat in the body. */
export const SEAT_ROLES = new Set(['CHAIR', 'VICE_CHAIR', 'MEMBER']);

/** The role of a deputy member, who may fill a seat of their party. */
export const DEPUTY_ROLE = 'DEPUTY_MEMBER';

/** Seats, seats filled and the number needed. */
export interface Quorum {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

/** A membership as the quorum reads it (the party is needed only to count deputies). */
export interface QuorumMembership {
  personId: string;
  role: string;
  endsOn: string | null;
  startsOn?: string | null;
  partyId?: string | null;
}

/** Why a person may not be recorded as deputy for a member: the input field it names and the reason. */
export interface DeputyRefusal {
  field: 'personId' | 'deputyForPersonId';
  reason: 'NOT_A_SEAT' | 'HOLDS_A_SEAT' | 'NOT_A_DEPUTY' | 'OTHER_PARTY';
  message: string;
}

/** Null when `personId` may stand in for the seat of `forPersonId` on `today`, else why not. */
export function deputyRefusal(
  memberships: readonly QuorumMembership[],
  personId: string,
  forPersonId: string,
  today: string,
): DeputyRefusal | null {
  const current = memberships.filter((m) => isCurrentMembership(m, today));
  const seat = current.filter((m) => m.personId === forPersonId && SEAT_ROLES.has(m.role));
  if (seat.length === 0)
    return {
      field: 'deputyForPersonId',
      reason: 'NOT_A_SEAT',
      message: 'Not a member of the body: a deputy stands in for a current chair, vice-chair or member',
    };
  const own = current.filter((m) => m.personId === personId);
  if (own.some((m) => SEAT_ROLES.has(m.role)))
    return {
      field: 'personId',
      reason: 'HOLDS_A_SEAT',
      message: 'A member of the body holds a seat of their own and cannot deputise for another member',
    };
  const deputyFor = own.filter((m) => m.role === DEPUTY_ROLE);
  if (deputyFor.length === 0) return { field: 'personId', reason: 'NOT_A_DEPUTY', message: 'Not a deputy member of the body' };
  const parties = new Set(seat.map((m) => m.partyId ?? null));
  if (!deputyFor.some((m) => parties.has(m.partyId ?? null)))
    return {
      field: 'deputyForPersonId',
      reason: 'OTHER_PARTY',
      message: "A deputy member stands in only for a member of their own party's seats",
    };
  return null;
}

/**
 * Who may attend a meeting of the body on `day` (YYYY-MM-DD): everyone with a current membership in it, whatever
 * the role (the chair, vice-chairs and members, the deputy members, the secretary, presenters, experts and
 * observers). The one rule of `Meeting.participants` and of whom `recordAttendance` accepts (`NOT_A_PARTICIPANT`).
 */
export function participantsOf<M extends QuorumMembership>(memberships: readonly M[], day: string): M[] {
  return memberships.filter((m) => isCurrentMembership(m, day));
}

/** Whether `personId` is among the meeting's participants on `day` (see `participantsOf`). */
export function isParticipant(memberships: readonly QuorumMembership[], personId: string, day: string): boolean {
  return participantsOf(memberships, day).some((m) => m.personId === personId);
}

/** Whether `personId` holds a seat of their own on `day`: a current chair, vice-chair or member of the body. */
export function holdsSeat(memberships: readonly QuorumMembership[], personId: string, day: string): boolean {
  return memberships.some((m) => m.personId === personId && SEAT_ROLES.has(m.role) && isCurrentMembership(m, day));
}

/** The persons who hold a seat of their own on `day`: the current chair, vice-chairs and members of the body. */
function seatHoldersOn(memberships: readonly QuorumMembership[], day: string): Set<string> {
  return new Set(memberships.filter((m) => SEAT_ROLES.has(m.role) && isCurrentMembership(m, day)).map((m) => m.personId));
}

/** One person's attendance as the quorum reads it. */
export interface QuorumAttendance {
  personId: string;
  status: string;
  deputyForPersonId: string | null;
}

/**
 * The seat an attendee fills on `today`, as the person whose seat it is: their own (a current chair, vice-chair or
 * member, present or remote), or that of the member a lawful deputy stands in for (see `deputyRefusal`; a record
 * made before the rule, or a membership ended since, fills none). Null for the absent and for everyone else
 * (secretaries, presenters, experts, observers, a deputy standing in for no one). A voting member present is one
 * who fills a seat: the quorum counts them, and the minutes checkers are elected among them.
 */
export function seatFilledBy(memberships: readonly QuorumMembership[], a: QuorumAttendance, today: string): string | null {
  if (a.status === 'ABSENT') return null;
  if (holdsSeat(memberships, a.personId, today)) return a.personId;
  if (a.deputyForPersonId && !deputyRefusal(memberships, a.personId, a.deputyForPersonId, today)) return a.deputyForPersonId;
  return null;
}

/** The quorum of a meeting on `today` (YYYY-MM-DD) from the body's memberships and the meeting's attendance. */
export function quorumOf(
  memberships: readonly QuorumMembership[],
  attendance: readonly QuorumAttendance[],
  today: string,
): Quorum {
  const seats = seatHoldersOn(memberships, today);
  const filled = new Set<string>();
  for (const a of attendance) {
    const seat = seatFilledBy(memberships, a, today);
    if (seat) filled.add(seat);
  }
  const members = seats.size;
  const required = Math.floor(members / 2) + 1;
  return { members, present: filled.size, required, reached: members > 0 && filled.size >= required };
}

/** Why an attendance may not name a deputy's seat: a `deputyRefusal`, or the seat already filled by someone present. */
interface StandInRefusal {
  field: 'personId' | 'deputyForPersonId';
  reason: DeputyRefusal['reason'] | 'SEAT_TAKEN' | 'SEAT_HOLDER_PRESENT';
  message: string;
  /** The error's summary. */
  summary: string;
  /** Who fills the seat already (SEAT_TAKEN: the other deputy; SEAT_HOLDER_PRESENT: the member). */
  personId?: string;
}

/**
 * Null when `input.personId`, recorded with `input.status`, may stand in for the seat of `input.deputyForPersonId`
 * on `day` beside the meeting's other `attendance`; else why not. The one rule of `recordAttendance`'s deputy
 * refusals and of `Attendance.deputyForChoices`: a lawful deputy (`deputyRefusal`), and, when present, for a seat
 * that no other deputy present stands in for (SEAT_TAKEN) and whose member is not recorded present
 * (SEAT_HOLDER_PRESENT). A deputy recorded absent may name any seat they may lawfully stand in for.
 */
export function standInRefusal(
  memberships: readonly QuorumMembership[],
  attendance: readonly QuorumAttendance[],
  input: { personId: string; deputyForPersonId: string; status: string },
  day: string,
): StandInRefusal | null {
  const forId = input.deputyForPersonId;
  const refusal = deputyRefusal(memberships, input.personId, forId, day);
  if (refusal) return { ...refusal, summary: 'Not a lawful deputy' };
  if (input.status === 'ABSENT') return null;
  const others = attendance.filter((a) => a.personId !== input.personId && a.status !== 'ABSENT');
  const other = others.find((a) => a.deputyForPersonId === forId);
  if (other)
    return {
      field: 'deputyForPersonId',
      reason: 'SEAT_TAKEN',
      message: 'Another deputy already stands in for this member: record them absent first',
      summary: 'One deputy per seat',
      personId: other.personId,
    };
  if (others.some((a) => a.personId === forId))
    return {
      field: 'deputyForPersonId',
      reason: 'SEAT_HOLDER_PRESENT',
      message: 'The member is recorded present: a deputy stands in only for an absent member (record the member absent first)',
      summary: 'The member holds the seat',
      personId: forId,
    };
  return null;
}

/**
 * The members (person ids) whose seat `a` may stand in for on `day` with their recorded status, beside the
 * meeting's `attendance`: every current seat `standInRefusal` accepts. Empty for anyone but a deputy member.
 */
export function deputySeatsOpenTo(
  memberships: readonly QuorumMembership[],
  attendance: readonly QuorumAttendance[],
  a: { personId: string; status: string },
  day: string,
): string[] {
  const deputy = memberships.some((m) => m.personId === a.personId && m.role === DEPUTY_ROLE && isCurrentMembership(m, day));
  if (!deputy) return [];
  return [...seatHoldersOn(memberships, day)].filter(
    (forId) =>
      !standInRefusal(memberships, attendance, { personId: a.personId, deputyForPersonId: forId, status: a.status }, day),
  );
}
