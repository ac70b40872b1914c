import type { AgendaItemRow, AttendanceRow, MeetingRow, MinutesCheckerRow, PublishedMinutesValue } from './meetings.table.js';

/**
 * A meeting's agenda and attendance as they stood at a past moment; as GraphQL reads them (`pastMeeting`), each item
 * and attendance row marked with the moment (`asOf`).
 */
export interface MeetingAsOf {
  at: Date;
  items: (AgendaItemRow & { asOf?: Date })[];
  attendance: AttendanceModel[];
  /** The minutes checkers and their checks as they stood then. */
  checkers: MinutesCheckerRow[];
}

/** A meeting as GraphQL resolves it: the current row, or (with `asOf`) one rebuilt from its events. */
export type MeetingModel = MeetingRow & { asOf?: MeetingAsOf };

/**
 * An agenda item as one caller sees it: with `restricted`, everything but the title is blanked. `asOf` is set on an
 * item of a past state (`meeting(id, asOf)`): the moment it stood so, read-only.
 */
export type AgendaItemModel = AgendaItemRow & { restricted: boolean; asOf?: Date };

/** An attendance row; `asOf` is set on one of a past state (`meeting(id, asOf)`): the moment it stood so, read-only. */
export type AttendanceModel = AttendanceRow & { asOf?: Date };

/** One person in the meeting room. */
export interface PresenceModel {
  userId: string;
  partyId: string | null;
  since: string;
}

/** Payload of `meetingChanged`. */
export interface MeetingEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  name: string;
  meeting: MeetingRow;
  item: AgendaItemModel | null;
  actorUserId: string | null;
}

/** Payload of `awarenessUpdated`. */
export interface AwarenessUpdateModel {
  documentId: string;
  update: string;
  userId: string | null;
}

/** `PublishedMinutes`: the public copy plus the facts of the record. */
export type PublishedMinutesModel = PublishedMinutesValue & {
  meetingId: string;
  publishedAt: Date;
  personalDataRemovalDue: string | null;
  personalDataRemoved: boolean;
};

/** `PublishedAttendance`: one person of the public copy's attendance. */
export type PublishedAttendanceModel = PublishedMinutesValue['attendance'][number];

/** `PublishedAction`: an action of a published decision. */
export type PublishedActionModel = NonNullable<PublishedMinutesValue['items'][number]['actions']>[number];

/** One row of `attendanceStatistics`. */
export interface AttendanceStatisticsModel {
  bodyId: string;
  partyId: string | null;
  meetings: number;
  present: number;
  remote: number;
  absent: number;
  attendanceRate: number | null;
}

/** `AppealInstructions`: a body's template or the default text. */
export interface AppealInstructionsModel {
  bodyId: string;
  fi: string;
  sv?: string | null;
  en?: string | null;
  isDefault: boolean;
  version: number;
}
