import type { AgendaItemRow, MeetingRow, PublishedMinutesValue } from './meetings.table.js';

/** An agenda item as one caller sees it: with `restricted`, everything but the title is blanked. */
export type AgendaItemModel = AgendaItemRow & { restricted: boolean };

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
