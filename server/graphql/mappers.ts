/**
 * The row types that GraphQL object types resolve from (codegen mappers).
 * Resolvers receive these as parents; field resolvers shape them for the API.
 */
export type { PartyRow, PopulationFigureRow, ThemeRow } from '../modules/parties/parties.table.js';
export type { UserRow, ApiTokenRow, AccountLinkRow } from '../modules/auth/auth.table.js';
export type { LinkResult } from '../modules/auth/invitations.service.js';
export type { DocumentRow } from '../modules/documents/documents.table.js';
export type { ChangeEventRow } from '../realtime/changes.table.js';
import type { ChangeEventRow } from '../realtime/changes.table.js';
import type { ServiceNeedModel } from '../modules/needs/needs.models.js';
export type { DisclosureRow } from '../modules/analytics/analytics.table.js';
export type { DocumentUpdateModel } from '../modules/documents/documents.service.js';
import type { PartyRow } from '../modules/parties/parties.table.js';

/** Payload of `partyChanged`: the reloaded party and who changed it. */
export interface PartyEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  party: PartyRow;
  actorUserId: string | null;
}
export type { PersonRow } from '../modules/parties/persons.table.js';
export type {
  CooperationBodyRow,
  MembershipRow,
  AgreementRow,
  AgreementSectionRow,
  RatificationRow,
  NegotiationRow,
} from '../modules/cooperation/cooperation.table.js';
import type {
  AgreementRow,
  AgreementSectionRow,
  CooperationBodyRow,
  MembershipRow,
  NegotiationRow,
  RatificationRow,
} from '../modules/cooperation/cooperation.table.js';

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
export type { ActionRow, CommentRow, ResponsibilityRow } from '../modules/needs/needs.table.js';
export type { FieldProvenanceModel, NeedHistoryModel, ServiceNeedEventModel, ServiceNeedModel } from '../modules/needs/needs.models.js';
export type { AttendanceRow, MeetingRow, MinutesCheckerRow } from '../modules/meetings/meetings.table.js';
export type {
  AgendaItemModel,
  AwarenessUpdateModel,
  AttendanceStatisticsModel,
  MeetingModel,
  MeetingEventModel,
  PresenceModel,
  PublishedMinutesModel,
  AppealInstructionsModel,
} from '../modules/meetings/meetings.models.js';
export type { IndicatorRow, IndicatorValueRow, NeedIndicatorTargetRow } from '../modules/analytics/analytics.table.js';
export type { IndicatorImportModel } from '../modules/analytics/indicators.service.js';
export type { ActionStatisticsModel, NeedGroupModel, ResolutionTimeModel } from '../modules/needs/needs.statistics.js';
export type { RatificationStatisticsModel } from '../modules/cooperation/agreements.service.js';

/** `DimensionValue` before its label is put in the caller's language. */
export interface DimensionValueModel {
  dimension: string;
  value: string;
}

/** `ChangeEventConnection` with its count made only when asked for (a sync pages without it). */
export interface ChangeEventConnectionModel {
  edges: { cursor: string; node: ChangeEventRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}
/** `ServiceNeedConnection` with its count made only when asked for (a page of the register needs none). */
export interface ServiceNeedConnectionModel {
  edges: { cursor: string; node: ServiceNeedModel }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}
export type { NotificationRow } from '../modules/notifications/notifications.table.js';
export type { AgreementGoalRow, GoalMeasureRow } from '../modules/goals/goals.table.js';
export type { GoalProgress as GoalProgressModel } from '../modules/goals/goals.progress.js';
export type { GoalEventModel, GoalReportModel, MeasureReportModel } from '../modules/goals/goals.service.js';
export type { AttachmentRow } from '../modules/attachments/attachments.table.js';
import type { AttachmentRow } from '../modules/attachments/attachments.table.js';

/** `PublishedAttachment`: a file of a public item of published minutes. */
export interface PublishedAttachmentModel {
  row: AttachmentRow;
  item: { section: number | null; title: string };
}
