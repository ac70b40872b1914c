import './needs.messages';
import type {
  ActionStatus,
  NeedStatus,
  Priority,
  ResponsibilityRole,
  ServiceNeedSort,
  TargetGroup,
} from '../../graphql/generated/graphql';
import type { MessageKey, Translate } from '../../i18n/i18n';

// Keys are built from the schema's enums: a new enum value without a label is a compile error.
export const statusLabel = (t: Translate, v: NeedStatus) => t(`enum.NeedStatus.${v}`);
export const priorityLabel = (t: Translate, v: Priority) => t(`enum.Priority.${v}`);
export const groupLabel = (t: Translate, v: TargetGroup) => t(`enum.TargetGroup.${v}`);
export const roleLabel = (t: Translate, v: ResponsibilityRole) => t(`enum.ResponsibilityRole.${v}`);
export const actionStatusLabel = (t: Translate, v: ActionStatus) => t(`enum.ActionStatus.${v}`);
export const sortLabel = (t: Translate, v: ServiceNeedSort) => t(`needs.sort.${v}`);

/** An event's name in words ("need.transitioned" → "Status changed"); unknown names as they are. */
export function eventLabel(t: Translate, name: string): string {
  const key = `enum.event.${name}` as MessageKey;
  const text = t(key);
  return text === key ? name : text;
}

/** The lifecycle in order: the board's columns. */
export const statuses: readonly NeedStatus[] = [
  'IDENTIFIED',
  'UNDER_ANALYSIS',
  'AGREED',
  'IN_PROGRESS',
  'MONITORING',
  'RESOLVED',
  'ESCALATED',
  'REJECTED',
];
export const priorities: readonly Priority[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
export const targetGroups: readonly TargetGroup[] = [
  'CHILDREN_AND_FAMILIES',
  'PUPILS_AND_STUDENTS',
  'YOUTH',
  'WORKING_AGE',
  'UNEMPLOYED',
  'IMMIGRANTS',
  'OLDER_PEOPLE',
  'PEOPLE_WITH_DISABILITIES',
  'WHOLE_POPULATION',
];
export const roles: readonly ResponsibilityRole[] = ['LEAD', 'CONTRIBUTOR', 'INFORMED'];
export const actionStatuses: readonly ActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export const sorts: readonly ServiceNeedSort[] = ['UPDATED_DESC', 'PRIORITY_DESC', 'STATUS', 'CREATED_DESC', 'TITLE_ASC'];

/** A field of the API (provenance, history) in words. */
const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'need.titleLabel',
  summary: 'need.summary',
  status: 'need.status',
  statusNote: 'need.statusNote',
  priority: 'need.priority',
  targetGroups: 'need.targetGroups',
  themes: 'need.themes',
  municipalities: 'need.municipalities',
  otherParties: 'need.otherParties',
  legalBasis: 'need.legalBasis',
  estimatedResidents: 'need.estimatedResidents',
  indicators: 'need.indicators',
  ownerBody: 'need.ownerBody',
  role: 'need.role',
  description: 'need.description',
  dueDate: 'need.due',
  ownerParty: 'need.owner',
  body: 'need.comment',
};
export const fieldLabel = (t: Translate, field: string): string => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field);

/** An action's field in words (its history line), where an action names it otherwise than a need. */
const ACTION_FIELD_KEYS: Record<string, MessageKey> = {
  title: 'need.actionTitle',
  description: 'need.actionDescription',
};
export const actionFieldLabel = (t: Translate, field: string): string =>
  ACTION_FIELD_KEYS[field] ? t(ACTION_FIELD_KEYS[field]) : fieldLabel(t, field);
