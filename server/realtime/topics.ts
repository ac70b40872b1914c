import type { ChangeEventRow } from './changes.table.js';

/**
 * Every event name and the entity type it concerns, in one place. Names are
 * `<domain>.<verb>`; docs/realtime.md lists each with its payload and auth rule.
 */
export const EVENTS = {
  partyUpdated: { name: 'party.updated', entityType: 'party' },
  partyPopulationAdded: { name: 'party.population_added', entityType: 'party' },
  apiTokenCreated: { name: 'api_token.created', entityType: 'api_token' },
  apiTokenRevoked: { name: 'api_token.revoked', entityType: 'api_token' },
  // Accounts (issue 12): audit only, no contact details or password material in before/after.
  userCreated: { name: 'user.created', entityType: 'user' },
  passwordChanged: { name: 'user.password_changed', entityType: 'user' },
  sessionEnded: { name: 'session.ended', entityType: 'session' },
  userInvited: { name: 'user.invited', entityType: 'user' },
  userLinkCreated: { name: 'user.reset_link_created', entityType: 'user' },
  userLinkAccepted: { name: 'user.link_accepted', entityType: 'user' },
  userDeactivated: { name: 'user.deactivated', entityType: 'user' },
  userInvitationCancelled: { name: 'user.invitation_cancelled', entityType: 'user' },
  userReactivated: { name: 'user.reactivated', entityType: 'user' },
  userRolesChanged: { name: 'user.roles_changed', entityType: 'user' },
  userSignedInWithSso: { name: 'user.sso_first_sign_in', entityType: 'user' },
  documentUpdated: { name: 'document.updated', entityType: 'document' },
  personCreated: { name: 'person.created', entityType: 'person' },
  personUpdated: { name: 'person.updated', entityType: 'person' },
  bodyCreated: { name: 'cooperation_body.created', entityType: 'cooperation_body' },
  bodyUpdated: { name: 'cooperation_body.updated', entityType: 'cooperation_body' },
  membershipAdded: { name: 'membership.added', entityType: 'membership' },
  membershipUpdated: { name: 'membership.updated', entityType: 'membership' },
  membershipEnded: { name: 'membership.ended', entityType: 'membership' },
  agreementCreated: { name: 'agreement.created', entityType: 'agreement' },
  agreementUpdated: { name: 'agreement.updated', entityType: 'agreement' },
  agreementSectionAdded: { name: 'agreement_section.added', entityType: 'agreement_section' },
  agreementSectionUpdated: { name: 'agreement_section.updated', entityType: 'agreement_section' },
  ratificationRecorded: { name: 'ratification.recorded', entityType: 'ratification' },
  // Goals of agreements (issue 12): scope carries agreementId and goalId.
  goalCreated: { name: 'agreement_goal.created', entityType: 'agreement_goal' },
  goalUpdated: { name: 'agreement_goal.updated', entityType: 'agreement_goal' },
  goalDeleted: { name: 'agreement_goal.deleted', entityType: 'agreement_goal' },
  measureAdded: { name: 'goal_measure.added', entityType: 'goal_measure' },
  measureUpdated: { name: 'goal_measure.updated', entityType: 'goal_measure' },
  measureRemoved: { name: 'goal_measure.removed', entityType: 'goal_measure' },
  negotiationCreated: { name: 'negotiation.created', entityType: 'negotiation' },
  negotiationUpdated: { name: 'negotiation.updated', entityType: 'negotiation' },
  needCreated: { name: 'need.created', entityType: 'service_need' },
  needUpdated: { name: 'need.updated', entityType: 'service_need' },
  needTransitioned: { name: 'need.transitioned', entityType: 'service_need' },
  responsibilitySet: { name: 'responsibility.set', entityType: 'need_responsibility' },
  actionCreated: { name: 'action.created', entityType: 'need_action' },
  actionUpdated: { name: 'action.updated', entityType: 'need_action' },
  commentAdded: { name: 'comment.added', entityType: 'need_comment' },
  meetingCreated: { name: 'meeting.created', entityType: 'meeting' },
  meetingUpdated: { name: 'meeting.updated', entityType: 'meeting' },
  meetingTransitioned: { name: 'meeting.transitioned', entityType: 'meeting' },
  meetingPointerMoved: { name: 'meeting.pointer_moved', entityType: 'meeting' },
  agendaReordered: { name: 'agenda.reordered', entityType: 'meeting' },
  personalDataRemoved: { name: 'meeting.personal_data_removed', entityType: 'meeting' },
  minutesCheckersElected: { name: 'minutes.checkers_elected', entityType: 'meeting' },
  minutesChecked: { name: 'minutes.checked', entityType: 'meeting' },
  minutesReopened: { name: 'minutes.reopened', entityType: 'meeting' },
  appealInstructionsUpdated: { name: 'appeal_instructions.updated', entityType: 'appeal_instructions' },
  agendaItemAdded: { name: 'agenda_item.added', entityType: 'agenda_item' },
  agendaItemUpdated: { name: 'agenda_item.updated', entityType: 'agenda_item' },
  agendaItemRemoved: { name: 'agenda_item.removed', entityType: 'agenda_item' },
  decisionRecorded: { name: 'decision.recorded', entityType: 'agenda_item' },
  decisionActionCreated: { name: 'decision.action_created', entityType: 'agenda_item' },
  attendanceRecorded: { name: 'attendance.recorded', entityType: 'meeting_attendance' },
  indicatorValuesImported: { name: 'indicator.values_imported', entityType: 'indicator' },
  needIndicatorTargetSet: { name: 'need_indicator_target.set', entityType: 'need_indicator_target' },
  notificationCreated: { name: 'notification.created', entityType: 'notification' },
  notificationRead: { name: 'notification.read', entityType: 'notification' },
  // Attachments (issue 12): the file's facts, never its bytes.
  attachmentAdded: { name: 'attachment.added', entityType: 'attachment' },
  attachmentDeleted: { name: 'attachment.deleted', entityType: 'attachment' },
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS]['name'];

/** Matches events of one entity type, optionally of one entity. */
export function entityFilter(entityType: string, entityId?: string | null) {
  return (event: ChangeEventRow): boolean => event.entityType === entityType && (entityId == null || event.entityId === entityId);
}

/** Ephemeral topics (bus.broadcast: never stored, not in the audit log); docs/realtime.md lists their payloads. */
export const EPHEMERAL = {
  /** Who is in a meeting room: `{ op, meetingId, userId, partyId, since, origin }`. */
  presence: 'meeting.presence',
  /** An editor's cursor and name in a document: `{ documentId, update, userId }`. */
  awareness: 'document.awareness',
} as const;

/**
 * Ephemeral topic: a session or API token was revoked, or a whole account deactivated; sockets that use it
 * close with 4403 (payload `{ sessionId } | { apiTokenId } | { userId }`). `{ userId, reconnect: true }`
 * (the account's roles changed) closes them with 4013 instead, so clients reconnect with the new roles.
 */
export const REVOKED_TOPIC = 'auth.revoked';
