import type { KeyingConfig } from '@urql/exchange-graphcache';
import { goalsKeys } from '../features/goals/goals.cache';
import { notificationKeys } from '../features/notifications/notifications.cache';
import { embedded } from './cacheUpdates';

/** Types without an id of their own, and how the others are keyed; graphcache and the version guard share it. */
export const keys: KeyingConfig = {
  // Value types: embedded in their parent, never normalised.
  ...embedded('LocalizedText', 'PopulationFigure', 'LoginPayload', 'PartyEvent', 'CreateApiTokenPayload', 'AccountLinkPayload'),
  ...embedded('AccountLink', 'PendingAccountLink', 'SignInOptions', 'RatificationProgress', 'ViewerPermissions'),
  ...embedded('CooperationBodyEvent', 'AgreementEvent', 'NegotiationEvent'),
  ...embedded(
    'PageInfo',
    'ChangeEventConnection',
    'ChangeEventEdge',
    'ChangeEntityRef',
    'DisclosureConnection',
    'DisclosureEdge',
  ),
  // Needs: a need as it stood (asOf) is embedded, never merged into the live record.
  ServiceNeed: (data) => (data.asOf ? null : ((data.id as string | undefined) ?? null)),
  Action: (data) => (data.id as string | undefined) ?? null,
  ...embedded('Responsibility', 'FieldProvenance', 'NeedPermissions', 'IndicatorRef', 'ActionCounts'),
  ...embedded('ServiceNeedConnection', 'ServiceNeedEdge', 'ServiceNeedEvent'),
  // Meetings: value types embedded in their meeting; published minutes are keyed by their meeting.
  ...embedded('MeetingPermissions', 'VoteCount', 'Attendance', 'Presence', 'MeetingEvent', 'AwarenessUpdate', 'DocumentUpdate'),
  PublishedMinutes: (data) => (data.meetingId as string | undefined) ?? null,
  ...embedded('PublishedAttendance', 'PublishedMinutesItem'),
  // Attachments (issue 12): a file is normalised by id; these are values of their parent.
  ...embedded('AttachmentPermissions', 'PublishedAttachment'),
  // The lawful record (issue 12): values of their meeting; a body's appeal instructions are keyed by the body.
  ...embedded('Quorum', 'DecisionQuorum', 'MinutesChecker', 'PublishedChecker', 'PublishedAction'),
  // What recordDecision records without a wording, per mode: values of their item.
  ...embedded('DecisionWordingDefault'),
  AppealInstructions: (data) => (data.bodyId as string | undefined) ?? null,
  // Analytics (dashboard): aggregates and indicator values are values of their query, never normalised.
  ...embedded('NeedStatisticsRow', 'DimensionValue', 'ActionStatisticsRow', 'RatificationStatisticsRow'),
  ...embedded('AttendanceStatisticsRow', 'ResolutionTimeRow', 'NeedIndicatorTarget', 'SkippedIndicatorRow'),
  ...embedded('IndicatorValue', 'IndicatorValueConnection', 'IndicatorValueEdge', 'IndicatorImportResult'),
  ...notificationKeys,
  ...goalsKeys,
};
