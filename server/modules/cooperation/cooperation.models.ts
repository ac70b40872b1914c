import type {
  AgreementRow,
  AgreementSectionRow,
  CooperationBodyRow,
  MembershipRow,
  NegotiationRow,
  RatificationRow,
} from './cooperation.table.js';

/** Counts of a ratification round (contract fields plus approvedWithChanges). */
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
