import './meetings.messages';
import type { AttendanceStatus, DecisionMode, MeetingStatus, Publicity } from '../../graphql/generated/graphql';
import type { Translate } from '../../i18n/i18n';
import { isBackward } from './meetings.rules';

// Keys are built from the schema's enums: a new enum value without a label is a compile error.
export const statusLabel = (t: Translate, v: MeetingStatus) => t(`meet.status.${v}`);
/** The button for a move; reopening checked minutes says it goes back, not forward. */
export const transitionLabel = (t: Translate, v: MeetingStatus, from?: MeetingStatus) =>
  from && v === 'MINUTES_DRAFT' && isBackward(from, v) ? t('meet.reopenMinutes') : t(`meet.to.${v}`);
export const modeLabel = (t: Translate, v: DecisionMode) => t(`meet.mode.${v}`);
export const publicityLabel = (t: Translate, v: Publicity) => t(`meet.publicity.${v}`);
export const attendanceLabel = (t: Translate, v: AttendanceStatus) => t(`meet.attendance.${v}`);
/** An item's publicity with the law that keeps it secret, if given: "Salassa pidettävä (JulkL 24.1 § 25 k)". */
export const secrecyLabel = (t: Translate, item: { publicity: Publicity; legalBasis?: string | null }) =>
  `${publicityLabel(t, item.publicity)}${item.legalBasis ? ` (${item.legalBasis})` : ''}`;

export const decisionModes: readonly DecisionMode[] = ['UNANIMOUS', 'VOTE', 'TABLED', 'RETURNED_FOR_PREPARATION', 'NOTED'];
export const publicities: readonly Publicity[] = ['PUBLIC', 'PARTLY_SECRET', 'SECRET'];
export const attendanceStatuses: readonly AttendanceStatus[] = ['PRESENT', 'REMOTE', 'ABSENT'];
/** Roles that run a body's meetings (the server decides; the client only hides what would be refused). */
export const runsMeetings = new Set(['CHAIR', 'VICE_CHAIR', 'SECRETARY']);
