import '../cooperation/cooperation.messages';
import '../meetings/meetings.messages';
import '../needs/needs.messages';
import '../parties/parties.messages';
import '../people/people.messages';
import type { AccountLinkKind, ApiScope, ChangeKind, NotificationKind } from '../../graphql/generated/graphql';
import { figureStatusLabel, municipalFormLabel, partyKindLabel, roleLabel } from '../../i18n/enumLabels';
import type { MessageKey, Translate } from '../../i18n/i18n';
import {
  agreementTypeLabel,
  cadenceLabel,
  capacityLabel,
  negotiationKindLabel,
  outcomeLabel,
  roleLabel as memberRoleLabel,
  sectionKindLabel,
  tierLabel,
} from '../cooperation/cooperation.labels';
import { attendanceLabel, modeLabel, publicityLabel, statusLabel as meetingStatusLabel } from '../meetings/meetings.labels';
import {
  actionStatusLabel,
  groupLabel,
  priorityLabel,
  roleLabel as responsibilityRoleLabel,
  statusLabel as needStatusLabel,
} from '../needs/needs.labels';
import { accountStatusLabel } from '../people/people.labels';
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
  'user.invitation_cancelled',
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
  'minutes.reopened',
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
  /**
   * The label function of the screens that show these codes (needs.labels' actionStatusLabel, …), so one place
   * names each code. Method syntax: each field's function takes its own enum's codes, called here with recorded text.
   */
  label(t: Translate, code: string): string;
}

const apiScopeLabel = (t: Translate, v: ApiScope) => t(`audit.apiScope.${v}`);
// The client's schema types leave out AttachmentTargetType (no document asks for it).
const attachmentTargetLabel = (t: Translate, v: string) => t(`audit.attachmentTarget.${v}` as MessageKey);
const notificationKindLabel = (t: Translate, v: NotificationKind) => t(`audit.notificationKind.${v}`);
const linkKindLabel = (t: Translate, v: AccountLinkKind) => t(`audit.linkKind.${v}`);

/**
 * Per record type, the recorded fields whose values are codes of a schema enum, and the label functions that
 * name those codes: the same words the record's own screens use (the cooperation screens' roleLabel, the
 * meeting's statusLabel). analytics.labels.test.ts checks every code of each enum has a name in every language.
 */
export const enumFields: Readonly<Record<string, Readonly<Record<string, EnumField>>>> = {
  party: {
    kind: { enum: 'PartyKind', label: partyKindLabel },
    municipalForm: { enum: 'MunicipalForm', label: municipalFormLabel },
    // A population figure added to a party (party.population_added) is recorded whole; its status is a code.
    'population.status': { enum: 'FigureStatus', label: figureStatusLabel },
  },
  cooperation_body: {
    tier: { enum: 'CooperationTier', label: tierLabel },
    cadence: { enum: 'Cadence', label: cadenceLabel },
  },
  membership: {
    role: { enum: 'MemberRole', label: memberRoleLabel },
    capacity: { enum: 'MemberCapacity', label: capacityLabel },
  },
  agreement: { type: { enum: 'AgreementType', label: agreementTypeLabel } },
  agreement_section: { kind: { enum: 'AgreementSectionKind', label: sectionKindLabel } },
  ratification: { outcome: { enum: 'RatificationOutcome', label: outcomeLabel } },
  negotiation: { kind: { enum: 'NegotiationKind', label: negotiationKindLabel } },
  service_need: {
    status: { enum: 'NeedStatus', label: needStatusLabel },
    priority: { enum: 'Priority', label: priorityLabel },
    targetGroups: { enum: 'TargetGroup', label: groupLabel },
  },
  need_responsibility: { role: { enum: 'ResponsibilityRole', label: responsibilityRoleLabel } },
  need_action: { status: { enum: 'ActionStatus', label: actionStatusLabel } },
  meeting: { status: { enum: 'MeetingStatus', label: meetingStatusLabel } },
  agenda_item: {
    publicity: { enum: 'Publicity', label: publicityLabel },
    decisionMode: { enum: 'DecisionMode', label: modeLabel },
  },
  meeting_attendance: { status: { enum: 'AttendanceStatus', label: attendanceLabel } },
  user: {
    roles: { enum: 'Role', label: roleLabel },
    status: { enum: 'AccountStatus', label: accountStatusLabel },
    // The one-time link a user.reset_link_created or user.link_accepted records.
    linkKind: { enum: 'AccountLinkKind', label: linkKindLabel },
  },
  api_token: { scopes: { enum: 'ApiScope', label: apiScopeLabel } },
  attachment: { targetType: { enum: 'AttachmentTargetType', label: attachmentTargetLabel } },
  // In the reader's words, not the recipient's ('your party').
  notification: { kind: { enum: 'NotificationKind', label: notificationKindLabel } },
};

/** A recorded field whose values are the server's own codes, in no schema enum: the codes it writes, and their names. */
export interface CodeField {
  /** Every code the server records in this field (server/modules, as of analytics.labels.test.ts). */
  codes: readonly string[];
  label(t: Translate, code: string): string;
}

/**
 * Per record type, the recorded fields whose values are codes the server writes outside the schema's enums: how an
 * account was made (`via`), where an attachment's bytes are kept (`storage`). The client may not import the server,
 * so the codes are listed here; analytics.labels.test.ts checks each has a name in every language.
 */
export const codeFields: Readonly<Record<string, Readonly<Record<string, CodeField>>>> = {
  // `npm run admin:create` records the first administrator's user.created with `via: 'admin:create'`.
  user: { via: { codes: ['admin:create'], label: (t, v) => t(`audit.via.${v}` as MessageKey) } },
  attachment: { storage: { codes: ['db', 'disk'], label: (t, v) => t(`audit.storage.${v}` as MessageKey) } },
};

/** Per record type, the label function of each recorded field whose values come from a fixed set. */
const valueLabels: Partial<Record<string, Readonly<Record<string, EnumField['label']>>>> = Object.fromEntries(
  [...new Set([...Object.keys(enumFields), ...Object.keys(codeFields)])].map((type) => [
    type,
    {
      ...Object.fromEntries(Object.entries(enumFields[type] ?? {}).map(([key, field]) => [key, field.label])),
      ...Object.fromEntries(Object.entries(codeFields[type] ?? {}).map(([key, field]) => [key, field.label])),
      // A notification's subject is a record type, named as the trail names record types.
      ...(type === 'notification' ? { subjectType: entityTypeLabel } : {}),
    },
  ]),
);

/**
 * A recorded value with its set values named ("Tunnistettu" for a need's `status` IDENTIFIED, also in a
 * list, and inside a recorded object: a population figure's `status` as `population.status`); a value without
 * a name, or a field whose values are free, stays as it is.
 */
export function labelValues(t: Translate, entityType: string, key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(
      Object.entries(value).map(([inner, item]) => [inner, labelValues(t, entityType, `${key}.${inner}`, item)]),
    );
  const label = valueLabels[entityType]?.[key];
  if (!label) return value;
  const name = (item: unknown) => {
    if (typeof item !== 'string') return item;
    // t() shows a key it lacks as itself: a code the catalogue does not know stays as recorded.
    let known = true;
    const text = label((key, params) => {
      const found = t(key, params);
      if (found === key) known = false;
      return found;
    }, item);
    return known ? text : item;
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
