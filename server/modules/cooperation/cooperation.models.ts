import { today } from '../../lib/dates.js';
import type {
  AgreementRow,
  AgreementSectionRow,
  CooperationBodyRow,
  MembershipRow,
  NegotiationRow,
  RatificationRow,
} from './cooperation.table.js';

/** Counts of a ratification round (contract fields plus approvedWithChanges, a part of approved). */
export interface RatificationProgressModel {
  total: number;
  approved: number;
  approvedWithChanges: number;
  rejected: number;
  pending: number;
}

/** Payload of `cooperationBodyChanged`. */
export interface CooperationBodyEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  body: CooperationBodyRow;
  membership: MembershipRow | null;
  actorUserId: string | null;
}

/** Payload of `agreementChanged`. */
export interface AgreementEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  agreement: AgreementRow;
  ratification: RatificationRow | null;
  section: AgreementSectionRow | null;
  actorUserId: string | null;
}

/** Payload of `negotiationChanged`. */
export interface NegotiationEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  negotiation: NegotiationRow;
  actorUserId: string | null;
}

/**
 * Whether a membership holds on `day` (`YYYY-MM-DD`, today in Finland by default): started (or no start)
 * and not ended (the end date inclusive). The one rule for chairs, participants, quorum and the minutes;
 * `currentMembershipWhere` in cooperation.table.ts is the same rule in SQL.
 */
export function isCurrentMembership(m: { startsOn?: string | null; endsOn: string | null }, day: string = today()): boolean {
  return (m.endsOn == null || m.endsOn >= day) && (m.startsOn == null || m.startsOn <= day);
}

/** A membership's term: its first and last day, both inclusive; null is open at that end. */
export interface MembershipTerm {
  startsOn: string | null;
  endsOn: string | null;
}

/** The field message of a seat that a person already holds in the body (addMembership, inviteUser, updateMembership). */
export const ALREADY_A_MEMBER =
  'Already a member of this body for these dates; change that membership (updateMembership) instead';

/**
 * The person's membership in the body that a new or changed term would overlap, or undefined: one person
 * holds one seat in a body at a time, whatever its role (a role change is updateMembership). Memberships that
 * ended before `day` are history: they neither block nor are blocked. Two terms overlap when neither ends
 * before the other starts (an open end reaches forever).
 */
export function overlappingMembership<M extends MembershipTerm & { id: string }>(
  term: MembershipTerm,
  others: readonly M[],
  day: string = today(),
): M | undefined {
  if (term.endsOn != null && term.endsOn < day) return undefined;
  return others.find(
    (m) =>
      (m.endsOn == null || m.endsOn >= day) &&
      (term.endsOn == null || m.startsOn == null || m.startsOn <= term.endsOn) &&
      (m.endsOn == null || term.startsOn == null || term.startsOn <= m.endsOn),
  );
}
