import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { Loaders } from '../loaders.js';
import type { MeetingsAccess } from './meetings.access.js';
import { EDITABLE_IN, meetingsPolicy } from './meetings.policy.js';
import { personalDataGone, publicCopy } from './meetings.published.js';
import * as repo from './meetings.repo.js';
import type { MeetingRow, PublishedMinutesValue } from './meetings.table.js';

/** How a caller stands towards one agenda item's attachments (issue 12). */
export interface ItemStanding {
  meetingId: string;
  /** The item is public: PUBLIC in minutes that are PUBLISHED, so anyone reads it and its files. */
  public: boolean;
  read: boolean;
  /** The same right as editing the item: running the meeting while its agenda may change. */
  edit: boolean;
}

/** One item of published minutes with the id of its record (the public copy carries no ids). */
export type PublicItem = PublishedMinutesValue['items'][number] & { id: string; meetingId: string; position: number };

/**
 * Reads for the open side of the minutes, added beside the rest for issue 12:
 * an item's standing for its attachments, and the published minutes' items with
 * their ids and the people named in them, for the OParl feed. Only what the
 * public copy holds leaves here.
 */
export function createMeetingsOpen(db: Db, access: MeetingsAccess) {
  return {
    async itemStanding(actor: Actor, itemId: string, loaders?: Loaders): Promise<ItemStanding | null> {
      const item = await repo.itemRows.find(db, itemId);
      if (!item) return null;
      const meeting = loaders
        ? await loaders.meetings.meetingById.load(item.meetingId)
        : await repo.meetingRows.find(db, item.meetingId);
      if (!meeting) return null;
      const isPublic = meeting.status === 'PUBLISHED' && item.publicity === 'PUBLIC';
      const roles = await access.rolesIn(actor, meeting.bodyId, loaders);
      const readsItem = meetingsPolicy.readItemOnAgenda(actor, roles, meeting.status, item.publicity);
      return {
        meetingId: meeting.id,
        public: isPublic,
        read: isPublic || readsItem,
        edit: readsItem && meetingsPolicy.manage(actor, roles) && EDITABLE_IN.agenda.has(meeting.status),
      };
    },

    /**
     * The items of published minutes, content from the public copy (from the
     * removal date on without names: `publicCopy`) and ids from the record. The agenda cannot
     * change once held, so the copy's items are the record's in position order.
     */
    async publishedItems(meetings: readonly MeetingRow[]): Promise<PublicItem[]> {
      const published = meetings.filter((m) => m.status === 'PUBLISHED' && m.published);
      const rows = await repo.listItemsOfMeetings(
        db,
        published.map((m) => m.id),
      );
      return published.flatMap((m) => {
        const own = rows.filter((r) => r.meetingId === m.id);
        return (publicCopy(m)?.items ?? []).flatMap((copy, i) => {
          const row =
            own[i]?.title === copy.title ? own[i] : own.find((r) => r.title === copy.title && r.section === copy.section);
          return row ? [{ ...copy, id: row.id, meetingId: m.id, position: row.position }] : [];
        });
      });
    },

    /** Published meetings (all, or some by id), newest first. */
    async publishedMeetings(ids?: readonly string[]): Promise<MeetingRow[]> {
      const all = await repo.listPublished(db);
      return ids ? all.filter((m) => ids.includes(m.id)) : all;
    },

    /** Who attended published minutes that still name people (before their removal date: `personalDataGone`): person and party ids. */
    async namedAttendees(
      meetings: readonly MeetingRow[],
    ): Promise<{ meetingId: string; personId: string; partyId: string | null }[]> {
      const named = meetings.filter((m) => m.status === 'PUBLISHED' && !personalDataGone(m));
      return (
        await repo.listAttendance(
          db,
          named.map((m) => m.id),
        )
      ).map((a) => ({ meetingId: a.meetingId, personId: a.personId, partyId: a.partyId }));
    },
  };
}

export type MeetingsOpen = ReturnType<typeof createMeetingsOpen>;
