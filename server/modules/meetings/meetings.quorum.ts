import { isCurrentMembership } from '../cooperation/cooperation.models.js';

/**
 * Quorum (päätösvaltaisuus): more than half of the body's members present
 * (Kuntalaki 410/2015 103 §). Members are the current chair, vice-chairs and
 * members; a deputy present fills the seat of the member they stand in for.
 * Secretaries, presenters, experts and observers do not count.
 */

/** Roles that hold a seat in the body. */
export const SEAT_ROLES = new Set(['CHAIR', 'VICE_CHAIR', 'MEMBER']);

/** Seats, seats filled and the number needed. */
export interface Quorum {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

/** The quorum of a meeting on `today` (YYYY-MM-DD) from the body's memberships and the meeting's attendance. */
export function quorumOf(
  memberships: readonly { personId: string; role: string; endsOn: string | null; startsOn?: string | null }[],
  attendance: readonly { personId: string; status: string; deputyForPersonId: string | null }[],
  today: string,
): Quorum {
  const seats = new Set(
    memberships.filter((m) => SEAT_ROLES.has(m.role) && isCurrentMembership(m, today)).map((m) => m.personId),
  );
  const filled = new Set<string>();
  for (const a of attendance) {
    if (a.status === 'ABSENT') continue;
    if (seats.has(a.personId)) filled.add(a.personId);
    else if (a.deputyForPersonId && seats.has(a.deputyForPersonId)) filled.add(a.deputyForPersonId);
  }
  const members = seats.size;
  const required = Math.floor(members / 2) + 1;
  return { members, present: filled.size, required, reached: members > 0 && filled.size >= required };
}
