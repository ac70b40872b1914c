import type { Actor, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, conflict, forbidden } from '../../errors.js';
import { helsinkiDay, today } from '../../lib/dates.js';
import { isCurrentMembership } from '../cooperation/cooperation.models.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import { isUuid } from '../../validation.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { Loaders } from '../loaders.js';
import { MINUTES_DOC } from './meetings.documents.js';
import { recordMeeting } from './meetings.events.js';
import type { PublishedMinutesModel } from './meetings.models.js';
import type { AppealInstructionsService } from './meetings.appeal.service.js';
import { meetingsPolicy } from './meetings.policy.js';
import { buildPublished, personalDataGone, publicCopy, withoutPersonalData } from './meetings.published.js';
import * as repo from './meetings.repo.js';
import type { AgendaItemRow, MeetingRow, PublishedMinutesValue } from './meetings.table.js';
import { refuseChangedAfterCheck } from './meetings.record.rules.js';
import { peopleInRosterOrder } from './meetings.roster.js';
import { lockAtVersion } from '../../lib/lock.js';

/**
 * The public minutes: the copy frozen at publication, the public reads of it
 * and the removal of personal data once the appeal period has ended.
 */
export function createMeetingPublication(
  { db, write }: { db: Db; write: Writer },
  documents: DocumentsService,
  lawful: Pick<AppealInstructionsService, 'appealTexts'>,
) {
  return {
    /**
     * The public copy from the record as it stands (names through the request's loaders), and the minutes document's
     * version its text is of (undefined without a document): the transition compares it in its write. Refused
     * (`reason: MINUTES_CHANGED_AFTER_CHECK`) when that text is past what a checker checked.
     */
    async buildPublishedCopy(
      user: UserActor,
      meeting: MeetingRow,
      items: AgendaItemRow[],
      loaders: Loaders,
    ): Promise<{ published: PublishedMinutesValue; minutesVersion: number | undefined }> {
      const body = await loaders.cooperation.bodyById.load(meeting.bodyId);
      const members = (await loaders.cooperation.membershipsByBodyId.load(meeting.bodyId)).filter((m) =>
        isCurrentMembership(m, helsinkiDay(meeting.startsAt)),
      );
      // In roster order (meetings.roster.ts), as the room lists them.
      const present = await peopleInRosterOrder(
        loaders,
        meeting.bodyId,
        helsinkiDay(meeting.startsAt),
        await repo.listAttendance(db, [meeting.id]),
        (a) => a.personId,
      );
      const checkers = await loaders.meetings.checkersByMeetingId.load(meeting.id);
      const personIds = [
        ...new Set([
          ...members.map((m) => m.personId),
          ...present.flatMap((a) => [a.personId, a.deputyForPersonId ?? '']),
          ...items.flatMap((i) => [i.presenterId ?? '', i.preparerId ?? '']),
          ...checkers.map((c) => c.personId),
        ]),
      ].filter(Boolean);
      const people = new Map(
        (await loaders.persons.personById.loadMany(personIds)).flatMap((p) =>
          p && !(p instanceof Error) ? [[p.id, p] as const] : [],
        ),
      );
      const personName = (pid: string | null) => (pid ? (people.get(pid)?.name ?? null) : null);
      // A party's name in every language (the copy is read in each); `party` keeps the Finnish one for older readers.
      const partyNames = async (pid: string | null) => {
        const names = pid ? (await loaders.parties.partyById.load(pid))?.names : undefined;
        return names ? { fi: names.fi, sv: names.sv ?? null, en: names.en ?? null } : null;
      };
      const roleName = (role: string) => personName(members.find((m) => m.role === role)?.personId ?? null);
      const minutesDoc = await documents.forOwner(user, MINUTES_DOC, meeting.id);
      const minutes = minutesDoc ? await documents.textWithVersion(minutesDoc) : undefined;
      refuseChangedAfterCheck(checkers, minutes?.version, 'to');
      // The actions each public decision created, from its related needs (as AgendaItem.actions reads them).
      const actionsByItem = new Map<string, NonNullable<PublishedMinutesValue['items'][number]['actions']>>();
      for (const item of items.filter((i) => i.publicity === 'PUBLIC')) {
        const lists = await loaders.needs.actionsByNeedId.loadMany(item.relatedNeedIds);
        const actions = lists.flatMap((l) => (Array.isArray(l) ? l : [])).filter((a) => a.agendaItemId === item.id);
        actionsByItem.set(
          item.id,
          await Promise.all(
            actions.map(async (a) => {
              const owner = await partyNames(a.ownerPartyId);
              return {
                id: a.id,
                needId: a.needId,
                title: a.title,
                ownerParty: owner?.fi ?? null,
                ownerPartyNames: owner,
                dueDate: a.dueDate ?? null,
              };
            }),
          ),
        );
      }
      const appeal = await lawful.appealTexts(db, meeting.bodyId);
      const published = buildPublished({
        meeting,
        bodyName: body?.names ?? { fi: '' },
        chair: roleName('CHAIR'),
        secretary: roleName('SECRETARY'),
        items,
        attendance: await Promise.all(
          present.map(async (a) => {
            const party = await partyNames(a.partyId);
            return {
              name: personName(a.personId),
              party: party?.fi ?? null,
              partyNames: party,
              status: a.status,
              deputyFor: personName(a.deputyForPersonId),
            };
          }),
        ),
        personName,
        minutesText: minutes?.text ?? '',
        checkers: checkers.flatMap((c) =>
          c.checkedAt ? [{ name: personName(c.personId), checkedAt: c.checkedAt.toISOString() }] : [],
        ),
        appealInstructions: { fi: appeal.fi, sv: appeal.sv ?? null, en: appeal.en ?? null },
        actionsByItem,
      });
      return { published, minutesVersion: minutes?.version };
    },

    /** Removes names from the published minutes once the appeal period has ended. */
    async removePersonalData(actor: Actor, meetingId: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      if (!meetingsPolicy.removePersonalData(user))
        throw forbidden('Only the secretariat removes personal data from published minutes');
      return write(user, async ({ tx, record }) => {
        const meeting = await lockAtVersion(tx, repo.meetingRows.find, meetingId, expectedVersion, 'Meeting');
        if (meeting.status !== 'PUBLISHED' || !meeting.published) throw badInput({ meetingId: 'The minutes are not published' });
        if (meeting.personalDataRemovalDue && meeting.personalDataRemovalDue > today()) {
          throw badInput({
            meetingId: `The appeal period ends on ${meeting.personalDataRemovalDue}; personal data stays until then`,
          });
        }
        const after = await repo.meetingRows.updateIfVersion(tx, meeting.id, expectedVersion, {
          published: withoutPersonalData(meeting.published),
          personalDataRemovedAt: new Date(),
        });
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.personalDataRemoved, meeting, after);
        return after;
      });
    },

    /** Published minutes: anyone, signed in or not. */
    async publishedMinutes(meetingId: string): Promise<PublishedMinutesModel | null> {
      const m = await repo.meetingRows.find(db, meetingId);
      return (m && toPublished(m)) ?? null;
    },

    async publishedList(bodyId?: string | null): Promise<PublishedMinutesModel[]> {
      if (bodyId && !isUuid(bodyId)) return [];
      return (await repo.listPublished(db, bodyId)).flatMap((m) => toPublished(m) ?? []);
    },
  };
}

/**
 * The public shape of a published meeting, or undefined when it is not published: from the removal date on without
 * personal data (`publicCopy`), and `personalDataRemoved` then, whether or not the secretariat has removed it yet.
 */
function toPublished(m: MeetingRow): PublishedMinutesModel | undefined {
  const copy = publicCopy(m);
  if (m.status !== 'PUBLISHED' || !copy || !m.publishedAt) return undefined;
  return {
    ...copy,
    meetingId: m.id,
    publishedAt: m.publishedAt,
    personalDataRemovalDue: m.personalDataRemovalDue,
    personalDataRemoved: personalDataGone(m),
  };
}

/** The public minutes' part of the meetings service. */
export type MeetingPublication = ReturnType<typeof createMeetingPublication>;
