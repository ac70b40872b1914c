import '../cooperation/cooperation.messages';
import '../meetings/meetings.messages';
import '../needs/needs.messages';
import '../people/people.messages';
import type { ChangeKind } from '../../graphql/generated/graphql';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { auditFieldsFi } from './auditFields.fi';

/**
 * The entity types of the audit stream that have a label, in the order the
 * filter offers them. A type the server adds later still shows, by its name.
 */
export const knownEntityTypes = [
  'party',
  'person',
  'cooperation_body',
  'membership',
  'agreement',
  'agreement_section',
  'ratification',
  'negotiation',
  'service_need',
  'need_responsibility',
  'need_action',
  'need_comment',
  'meeting',
  'agenda_item',
  'meeting_attendance',
  'document',
  'api_token',
  'agreement_goal',
  'goal_measure',
  'need_indicator_target',
  'indicator',
  'appeal_instructions',
  'attachment',
  'notification',
  'user',
  'session',
] as const;

type KnownEntityType = (typeof knownEntityTypes)[number];

/** Event names (`<domain>.<verb>`, server/realtime/topics.ts) that have a label in every language. */
const knownEvents = [
  'party.updated',
  'party.population_added',
  'api_token.created',
  'api_token.revoked',
  'document.updated',
  'person.created',
  'person.updated',
  'cooperation_body.created',
  'cooperation_body.updated',
  'membership.added',
  'membership.updated',
  'membership.ended',
  'agreement.created',
  'agreement.updated',
  'agreement_section.added',
  'agreement_section.updated',
  'ratification.recorded',
  'negotiation.created',
  'negotiation.updated',
  'need.created',
  'need.updated',
  'need.transitioned',
  'responsibility.set',
  'action.created',
  'action.updated',
  'comment.added',
  'meeting.created',
  'meeting.updated',
  'meeting.transitioned',
  'meeting.pointer_moved',
  'agenda.reordered',
  'meeting.personal_data_removed',
  'agenda_item.added',
  'agenda_item.updated',
  'agenda_item.removed',
  'decision.recorded',
  'attendance.recorded',
  'user.created',
  'user.invited',
  'user.reset_link_created',
  'user.link_accepted',
  'user.password_changed',
  'user.roles_changed',
  'user.deactivated',
  'user.reactivated',
  'user.sso_first_sign_in',
  'session.ended',
  'agreement_goal.created',
  'agreement_goal.updated',
  'agreement_goal.deleted',
  'goal_measure.added',
  'goal_measure.updated',
  'goal_measure.removed',
  'indicator.values_imported',
  'need_indicator_target.set',
  'minutes.checkers_elected',
  'minutes.checked',
  'appeal_instructions.updated',
  'decision.action_created',
  'attachment.added',
  'attachment.deleted',
  'notification.created',
  'notification.read',
] as const;

type KnownEvent = (typeof knownEvents)[number];

const isKnownEvent = (name: string): name is KnownEvent => (knownEvents as readonly string[]).includes(name);
const isKnownEntityType = (type: string): type is KnownEntityType => (knownEntityTypes as readonly string[]).includes(type);

/** "Osapuolen tietoja muutettiin" for `party.updated`; an event without a label shows its name. */
export const eventLabel = (t: Translate, name: string): string => (isKnownEvent(name) ? t(`audit.event.${name}`) : name);

/** "Osapuoli" for `party`; an unknown type shows as it is. */
export const entityTypeLabel = (t: Translate, type: string): string =>
  isKnownEntityType(type) ? t(`audit.entity.${type}`) : type;

/** "Määräpäivä" for a snapshot's `dueDate`; undefined for a field without a name (it shows by its key). */
export function fieldLabel(t: Translate, key: string): string | undefined {
  const messageKey = `audit.key.${key}`;
  return messageKey in auditFieldsFi ? t(messageKey as keyof typeof auditFieldsFi) : undefined;
}

/** A recorded field whose values are a schema enum's (`enum` in schema/*.graphql), and the messages that name them (`prefix` + value). */
export interface EnumField {
  enum: string;
  prefix: string;
}

/**
 * Per record type, the recorded fields whose values are codes of a schema enum, and the messages that name
 * those codes: the same words the record's own screens use (the cooperation screens' `coop.role.`, the
 * meeting's `meet.status.`). analytics.labels.test.ts checks every code of each enum has a name in every language.
 */
export const enumFields: Readonly<Record<string, Readonly<Record<string, EnumField>>>> = {
  party: {
    kind: { enum: 'PartyKind', prefix: 'enum.PartyKind.' },
    municipalForm: { enum: 'MunicipalForm', prefix: 'enum.MunicipalForm.' },
  },
  cooperation_body: {
    tier: { enum: 'CooperationTier', prefix: 'coop.tier.' },
    cadence: { enum: 'Cadence', prefix: 'coop.cadence.' },
  },
  membership: {
    role: { enum: 'MemberRole', prefix: 'coop.role.' },
    capacity: { enum: 'MemberCapacity', prefix: 'coop.capacity.' },
  },
  agreement: { type: { enum: 'AgreementType', prefix: 'agr.type.' } },
  agreement_section: { kind: { enum: 'AgreementSectionKind', prefix: 'agr.sectionKind.' } },
  ratification: { outcome: { enum: 'RatificationOutcome', prefix: 'agr.outcome.' } },
  negotiation: { kind: { enum: 'NegotiationKind', prefix: 'agr.negKind.' } },
  service_need: {
    status: { enum: 'NeedStatus', prefix: 'enum.NeedStatus.' },
    priority: { enum: 'Priority', prefix: 'enum.Priority.' },
    targetGroups: { enum: 'TargetGroup', prefix: 'enum.TargetGroup.' },
  },
  need_responsibility: { role: { enum: 'ResponsibilityRole', prefix: 'enum.ResponsibilityRole.' } },
  need_action: { status: { enum: 'ActionStatus', prefix: 'enum.ActionStatus.' } },
  meeting: { status: { enum: 'MeetingStatus', prefix: 'meet.status.' } },
  agenda_item: {
    publicity: { enum: 'Publicity', prefix: 'meet.publicity.' },
    decisionMode: { enum: 'DecisionMode', prefix: 'meet.mode.' },
  },
  meeting_attendance: { status: { enum: 'AttendanceStatus', prefix: 'meet.attendance.' } },
  user: {
    roles: { enum: 'Role', prefix: 'enum.Role.' },
    status: { enum: 'AccountStatus', prefix: 'people.status.' },
  },
  api_token: { scopes: { enum: 'ApiScope', prefix: 'audit.apiScope.' } },
  attachment: { targetType: { enum: 'AttachmentTargetType', prefix: 'audit.attachmentTarget.' } },
  // In the reader's words, not the recipient's ('your party').
  notification: { kind: { enum: 'NotificationKind', prefix: 'audit.notificationKind.' } },
};

/** Per record type, the recorded fields whose values come from a fixed set, and the messages that name those values. */
const valueMessages: Partial<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(enumFields).map(([type, fields]) => [
    type,
    {
      ...Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.prefix])),
      // A notification's subject is a record type, named as the trail names record types.
      ...(type === 'notification' ? { subjectType: 'audit.entity.' } : {}),
    },
  ]),
);

/**
 * A recorded value with its set values named ("Tunnistettu" for a need's `status` IDENTIFIED, also in a
 * list); a value without a name, or a field whose values are free, stays as it is.
 */
export function labelValues(t: Translate, entityType: string, key: string, value: unknown): unknown {
  const prefix = valueMessages[entityType]?.[key];
  if (!prefix) return value;
  const name = (item: unknown) => {
    if (typeof item !== 'string') return item;
    const messageKey = `${prefix}${item}` as MessageKey;
    const text = t(messageKey);
    return text === messageKey ? item : text; // t() shows a key it lacks as itself
  };
  return Array.isArray(value) ? value.map(name) : name(value);
}

/** "Luonti", "Muutos" or "Poisto". */
export const changeKindLabel = (t: Translate, kind: ChangeKind): string => t(`audit.kind.${kind}`);

/** The client's page for a record of this type, where it has one. */
export function entityPath(type: string, id: string): string | undefined {
  const encoded = encodeURIComponent(id);
  const paths: Partial<Record<string, string>> = {
    party: `/parties/${encoded}`,
    cooperation_body: `/cooperation/bodies/${encoded}`,
    agreement: `/agreements/${encoded}`,
    service_need: `/needs/${encoded}`,
    meeting: `/meetings/${encoded}`,
  };
  return paths[type];
}
