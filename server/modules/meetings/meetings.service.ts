import type { ServiceDeps } from '../deps.js';
import { createMeetingsAccess } from './meetings.access.js';
import { createMeetingAgenda, type MeetingsDeps } from './meetings.agenda.js';
import { createAgendaOrder } from './meetings.agenda.order.js';
import { createAwareness } from './meetings.awareness.js';
import { createMeetingDocuments } from './meetings.documents.js';
import { createPresenceRegistry } from './meetings.presence.js';
import { createMeetingPublication } from './meetings.publication.js';
import { createMeetingQueries } from './meetings.queries.js';
import { createAppealInstructions } from './meetings.appeal.service.js';
import { createMeetingRecord } from './meetings.record.js';
import { createMeetingRoom, createPresenceCheck } from './meetings.room.js';
import { createMeetingsOpen } from './meetings.open.js';

export { DECISION_DOC, MINUTES_DOC } from './meetings.documents.js';
export { meetingEventFilter } from './meetings.events.js';

/**
 * Meetings of the bodies: agenda, pointer, attendance, decisions, minutes,
 * presence and publication. Each concern is its own file; this puts them
 * together into the one service the resolvers and other modules use.
 */
export function createMeetingsService({ db, write, bus, log }: ServiceDeps, deps: MeetingsDeps) {
  const { auth, cooperation, persons, documents, needs, notify } = deps;
  const access = createMeetingsAccess(db, cooperation);
  const presence = createPresenceRegistry(bus, log, undefined, createPresenceCheck(db, access));
  const awareness = createAwareness(bus, documents);
  const meetingDocuments = createMeetingDocuments(documents, access);
  const record = createMeetingRecord({ db, write }, { auth, cooperation, persons, documents }, access);
  const appeal = createAppealInstructions({ db, write }, cooperation);
  const publication = createMeetingPublication({ db, write }, documents, appeal);

  return {
    presence,
    awareness,
    changeViews: access.changeViews,
    ...createMeetingQueries(db, access, record),
    ...record,
    ...appeal,
    ...meetingDocuments,
    ...createMeetingAgenda(
      { db, write },
      { auth, cooperation, persons, documents, needs, notify },
      access,
      publication.buildPublishedCopy,
      record,
    ),
    ...createAgendaOrder({ write }, access),
    ...publication,
    ...createMeetingRoom({ db, write, bus }, persons, access, presence, record),
    /** Attachments' standing and the OParl feed's reads (issue 12). */
    open: createMeetingsOpen(db, access),
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
