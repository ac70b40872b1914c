import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, conflict } from '../../errors.js';
import { helsinkiYear } from '../../lib/dates.js';
import { lockAtVersion } from '../../lib/lock.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import { refuseIn, type MeetingsAccess } from './meetings.access.js';
import { recordItem } from './meetings.events.js';
import { EDITABLE_IN } from './meetings.policy.js';
import * as repo from './meetings.repo.js';
import type { AgendaItemRow, MeetingRow } from './meetings.table.js';
import { saveMeeting } from './meetings.writes.js';

/**
 * Whether the meeting's § numbers are public: from the publication of its agenda on (AGENDA_PUBLISHED, which is
 * never undone). They then never change: no renumbering by reorder, removal or a move to another year.
 */
function sectionsPublished(meeting: MeetingRow): boolean {
  return meeting.status !== 'PLANNED';
}

/**
 * Puts the items in `order` (positions 1..n). While the agenda is a draft (PLANNED) the § numbers follow: the
 * lowest of the numbers `current` held, ascending. Once it is published each item keeps its public number, and
 * the order is only the order of handling.
 */
async function place(tx: Db, meeting: MeetingRow, current: AgendaItemRow[], order: string[]): Promise<void> {
  const byId = new Map(current.map((i) => [i.id, i]));
  const sections = current
    .map((i) => i.section)
    .filter((s): s is number => s != null)
    .sort((a, b) => a - b);
  await repo.placeItems(
    tx,
    order.map((id, i) => ({
      id,
      position: i + 1,
      section: sectionsPublished(meeting) ? (byId.get(id)?.section ?? null) : (sections[i] ?? null),
    })),
    current,
  );
}

/**
 * § numbers run per body and year (helsinkiYear of the start). A meeting moved to another year takes the next
 * numbers of the new year while its agenda is a draft (PLANNED): every item renumbered in agenda order, each
 * change recorded. Once the agenda is published its numbers are public and are never changed silently: the
 * move is BAD_USER_INPUT on `input.startsAt` (`reason: SECTIONS_PUBLISHED`). A move within the year keeps them.
 */
export async function moveSections(
  tx: Db,
  record: Parameters<typeof recordItem>[0],
  meeting: MeetingRow,
  startsAt: Date,
): Promise<{ itemId: string; year: number; from: number | null; to: number }[]> {
  const [from, to] = [helsinkiYear(meeting.startsAt), helsinkiYear(startsAt)];
  if (from === to) return [];
  const items = await repo.listItemsOfMeetings(tx, [meeting.id]);
  if (items.length === 0) return [];
  if (sectionsPublished(meeting))
    throw badInput(
      {
        'input.startsAt': `The published agenda's § numbers run in ${from}: the meeting cannot move to ${to}; call a new meeting in ${to} instead`,
      },
      'The meeting cannot move to another year once its agenda is published',
      { reason: 'SECTIONS_PUBLISHED', year: from },
    );
  await repo.lockSections(tx, meeting.bodyId, to);
  let next = await repo.maxSection(tx, meeting.bodyId, to);
  const moved = [];
  for (const item of items) {
    const after = await repo.itemRows.updateIfVersion(tx, item.id, item.version, { year: to, section: ++next });
    if (!after) throw conflict(meeting.version);
    await recordItem(record, EVENTS.agendaItemUpdated, item, after);
    moved.push({ itemId: item.id, year: to, from: item.section, to: next });
  }
  return moved;
}

/**
 * The agenda's order and numbering: remove an item from a draft agenda (the § numbers close up) and put the items
 * in a new order (renumbered while a draft, the order of handling once published).
 */
export function createAgendaOrder({ write }: { write: Writer }, { lockManaged, lockManagedItem }: MeetingsAccess) {
  return {
    /**
     * Removes an undecided item from a draft agenda; the meeting's § numbers close up. Once the agenda is published
     * its items and their numbers are public and stay: BAD_USER_INPUT on `id` (`reason: SECTIONS_PUBLISHED`); the
     * meeting tables the item, returns it for preparation or otherwise decides it.
     */
    async removeItem(actor: Actor, id: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManagedItem(tx, user, id);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const item = await lockAtVersion(tx, repo.itemRows.find, id, expectedVersion, 'Agenda item');
        if (item.decisionMode) throw badInput({ id: 'A decided item stays on the agenda' });
        if (sectionsPublished(meeting))
          throw badInput(
            {
              id: `The agenda is published: ${item.section != null ? `${item.section} §` : 'the item'} stays on it with its number; table it, return it for preparation or otherwise decide it`,
            },
            'A published item stays on the agenda',
            { reason: 'SECTIONS_PUBLISHED', section: item.section, year: item.year },
          );
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        await repo.deleteItem(tx, id);
        // The remaining items take the lowest of the meeting's § numbers, so the numbering closes up.
        await place(
          tx,
          meeting,
          current,
          current.filter((i) => i.id !== id).map((i) => i.id),
        );
        const changes = meeting.currentItemId === id ? { currentItemId: null } : {};
        const after = (await repo.meetingRows.updateIfVersion(tx, meeting.id, meeting.version, changes)) ?? meeting;
        await recordItem(record, EVENTS.agendaItemRemoved, item, null);
        return after;
      });
    },

    /**
     * Puts every item in the given order. While the agenda is a draft (PLANNED) the § numbers follow the order; once
     * it is published they stay with their items and the order is the order of handling (see `place`).
     */
    async reorder(actor: Actor, meetingId: string, expectedVersion: number, itemIds: readonly string[]): Promise<MeetingRow> {
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, meetingId);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        const same =
          itemIds.length === current.length &&
          new Set(itemIds).size === itemIds.length &&
          current.every((i) => itemIds.includes(i.id));
        if (!same) throw badInput({ itemIds: 'List every item of the agenda exactly once' });
        await place(tx, meeting, current, [...itemIds]);
        return saveMeeting({ tx, record }, EVENTS.agendaReordered, meeting, {});
      });
    },
  };
}
