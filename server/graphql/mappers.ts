/**
 * The row and model types that GraphQL object types resolve from (codegen's mappers point here).
 * Resolvers receive these as parents; field resolvers shape them for the API. Each type is declared
 * by the module that owns it: this file only gathers them for codegen.ts.
 */
export type { PartyRow, PopulationFigureRow, ThemeRow } from '../modules/parties/parties.table.js';
export type { PartyEventModel } from '../modules/parties/parties.models.js';
export type { UserRow, ApiTokenRow, AccountLinkRow } from '../modules/auth/auth.table.js';
/** `ViewerPermissions` resolves from the caller itself: each domain's field asks its service about this actor. */
export type { Actor } from '../auth/actor.js';
export type { LinkResult } from '../modules/auth/invitations.service.js';
export type { DocumentRow } from '../modules/documents/documents.table.js';
export type { DocumentModel, DocumentUpdateModel } from '../modules/documents/documents.service.js';
export type { ChangeEventRow } from '../realtime/changes.table.js';
export type { ShownChangeEvent } from '../realtime/change-view.js';
export type { PersonRow } from '../modules/parties/persons.table.js';
export type {
  CooperationBodyRow,
  MembershipRow,
  AgreementRow,
  AgreementSectionRow,
  RatificationRow,
  NegotiationRow,
} from '../modules/cooperation/cooperation.table.js';
export type {
  AgreementEventModel,
  CooperationBodyEventModel,
  NegotiationEventModel,
  RatificationProgressModel,
} from '../modules/cooperation/cooperation.models.js';
export type { RatificationStatisticsModel } from '../modules/cooperation/agreements.service.js';
export type { ActionRow, ResponsibilityRow } from '../modules/needs/needs.table.js';
export type {
  FieldProvenanceModel,
  NeedCommentModel,
  NeedHistoryModel,
  ServiceNeedConnectionModel,
  ServiceNeedEventModel,
  ServiceNeedModel,
} from '../modules/needs/needs.models.js';
export type { ActionStatisticsModel, NeedGroupModel, ResolutionTimeModel } from '../modules/needs/needs.statistics.js';
export type { AttendanceRow, MeetingRow, MinutesCheckerRow } from '../modules/meetings/meetings.table.js';
export type {
  AgendaItemModel,
  AttendanceModel,
  AwarenessUpdateModel,
  AttendanceStatisticsModel,
  MeetingModel,
  MeetingEventModel,
  PresenceModel,
  PublishedMinutesModel,
  PublishedAttendanceModel,
  PublishedActionModel,
  AppealInstructionsModel,
} from '../modules/meetings/meetings.models.js';
export type {
  DisclosureRow,
  IndicatorRow,
  IndicatorValueRow,
  NeedIndicatorTargetRow,
} from '../modules/analytics/analytics.table.js';
export type { ChangeEventConnectionModel, DimensionValueModel } from '../modules/analytics/analytics.models.js';
export type { IndicatorImportModel } from '../modules/analytics/indicators.service.js';
export type { NotificationRow } from '../modules/notifications/notifications.table.js';
export type { AgreementGoalRow, GoalMeasureRow } from '../modules/goals/goals.table.js';
export type { GoalProgress as GoalProgressModel } from '../modules/goals/goals.progress.js';
export type { GoalEventModel, GoalReportModel, MeasureReportModel } from '../modules/goals/goals.service.js';
export type { AttachmentRow } from '../modules/attachments/attachments.table.js';
export type { PublishedAttachmentModel } from '../modules/attachments/attachments.models.js';
