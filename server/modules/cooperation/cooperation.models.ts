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
