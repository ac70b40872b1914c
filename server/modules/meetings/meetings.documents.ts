import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import type { DocumentModel, DocumentsService } from '../documents/documents.service.js';
import type { MeetingsAccess } from './meetings.access.js';
import type { AgendaItemModel, MeetingModel } from './meetings.models.js';
import { meetingsPolicy } from './meetings.policy.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';

/** Owner types of the documents this module creates. */
export const MINUTES_DOC = 'MEETING_MINUTES';
export const DECISION_DOC = 'AGENDA_ITEM_DECISION';

/** Events that can change who reads and edits a meeting's documents: roles in the body, the meeting's status, an item's publicity, who a user is. */
const RIGHTS_CHANGE_WITH = ['membership', 'person', 'user', 'session', 'cooperation_body', 'meeting', 'agenda_item'] as const;

/**
 * The co-edited minutes and decision wording: registers who reads and edits
 * them with the documents module, and finds a meeting's or an item's document.
 */
export function createMeetingDocuments(documents: DocumentsService, { rolesIn }: MeetingsAccess) {
  /** Who reads and edits the minutes and decision documents (registered with the documents module). */
  documents.policy.register(MINUTES_DOC, {
    affectedBy: RIGHTS_CHANGE_WITH,
    async canRead(actor, ownerId, reader) {
      const m = await repo.meetingRows.find(reader, ownerId);
      // Read with the agenda: a PLANNED meeting's minutes are a draft as its agenda is.
      return !!m && meetingsPolicy.seeAgenda(actor, await rolesIn(actor, m.bodyId), m.status);
    },
    async editLock(actor, ownerId, reader) {
      const m = await repo.meetingRows.find(reader, ownerId);
      if (!m) return 'NOT_ALLOWED';
      // A checker has checked the draft: its text stays as they read it until it is reopened for a correction.
      const checked = m.status === 'MINUTES_DRAFT' && (await recordRepo.listCheckers(reader, [m.id])).some((c) => c.checkedAt);
      return meetingsPolicy.minutesLock(actor, await rolesIn(actor, m.bodyId), m.status, checked);
    },
  });
  documents.policy.register(DECISION_DOC, {
    affectedBy: RIGHTS_CHANGE_WITH,
    async canRead(actor, ownerId, reader) {
      const i = await repo.itemRows.find(reader, ownerId);
      const m = i ? await repo.meetingRows.find(reader, i.meetingId) : undefined;
      if (!i || !m) return false;
      const roles = await rolesIn(actor, m.bodyId);
      return meetingsPolicy.readItemOnAgenda(actor, roles, m.status, i.publicity);
    },
    async editLock(actor, ownerId, reader) {
      const i = await repo.itemRows.find(reader, ownerId);
      const m = i ? await repo.meetingRows.find(reader, i.meetingId) : undefined;
      if (!i || !m) return 'NOT_ALLOWED';
      return meetingsPolicy.decisionWordingLock(actor, await rolesIn(actor, m.bodyId), m.status, i.publicity);
    },
  });

  return {
    /** The meeting's minutes document; withheld (no content) from those who do not see its agenda (`seeAgenda`). */
    async minutes(actor: Actor, meeting: MeetingModel): Promise<DocumentModel> {
      const doc = await documents.forOwner(actor, MINUTES_DOC, meeting.id, { withhold: true });
      if (!doc) throw notFound('Minutes');
      // Reached through a past state, read-only (`editLockReason: PAST_STATE`).
      return meeting.asOf ? { ...doc, asOf: meeting.asOf.at } : doc;
    },

    /** An item's decision document, or null for a restricted item; read-only for an item of a past state. */
    async decisionDocument(actor: Actor, item: AgendaItemModel): Promise<DocumentModel | null> {
      const doc = item.restricted ? null : await documents.forOwner(actor, DECISION_DOC, item.id);
      return doc && item.asOf ? { ...doc, asOf: item.asOf } : doc;
    },
  };
}
