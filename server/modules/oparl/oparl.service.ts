import type { UserActor } from '../../auth/actor.js';
import type { AttachmentsService } from '../attachments/attachments.service.js';
import type { AgreementsService } from '../cooperation/agreements.service.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import { publicModifiedAt } from '../meetings/meetings.published.js';
import type { PartiesService } from '../parties/parties.service.js';
import type { PersonsService } from '../parties/persons.service.js';
import * as model from './oparl.model.js';

const MODE_FI: Record<string, string> = {
  UNANIMOUS: 'Yksimielinen päätös',
  VOTE: 'Äänestys',
  TABLED: 'Pöydälle',
  RETURNED_FOR_PREPARATION: 'Palautettiin valmisteluun',
  NOTED: 'Merkittiin tiedoksi',
};
const OUTCOME_FI: Record<string, string> = {
  PENDING: 'Käsittelemättä',
  APPROVED: 'Hyväksytty',
  APPROVED_WITH_CHANGES: 'Hyväksytty muutoksin',
  REJECTED: 'Hylätty',
};

/**
 * Agreements and their ratification rounds are read by every signed-in user;
 * the feed reads them as such a reader (read-only, never a session), for
 * their titles, dates and each party's decision, never their sections or files.
 */
const FEED_READER: UserActor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  displayName: 'OParl feed',
  partyId: null,
  roles: ['ANALYST'],
  via: 'api_token',
};

/** Every object of the feed, by list name. */
export interface OparlCatalogue {
  system: model.OparlObject;
  body: model.OparlObject;
  lists: Record<
    | 'organization'
    | 'person'
    | 'meeting'
    | 'paper'
    | 'agendaItem'
    | 'consultation'
    | 'file'
    | 'legislativeTerm'
    | 'membership'
    | 'location',
    model.OparlObject[]
  >;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => iso(d).slice(0, 10);

/**
 * The open feed in the OParl 1.1 shape: published minutes (meetings, their
 * agenda items, the public items as papers with their files), the bodies
 * and parties involved, the people named in minutes not yet stripped of
 * personal data, and the ratification round of each agreement. Built per
 * request from the public records (their number is small: tens of minutes a year).
 */
export function createOparlService(
  _deps: ServiceDeps,
  s: {
    meetings: MeetingsService;
    cooperation: CooperationService;
    agreements: AgreementsService;
    parties: PartiesService;
    persons: PersonsService;
    attachments: AttachmentsService;
  },
) {
  async function catalogue(base: string, loaders: Loaders): Promise<OparlCatalogue> {
    const u = model.urls(base);
    // Each meeting as of its public copy: `modified` moves to the removal date when the names left it on that day.
    const meetings = (await s.meetings.open.publishedMeetings()).map((m) => ({ ...m, updatedAt: publicModifiedAt(m) }));
    const items = await s.meetings.open.publishedItems(meetings);
    const publicItems = items.filter((i) => i.publicity === 'PUBLIC');
    const files = await s.attachments.listOfTargets(
      'AGENDA_ITEM',
      publicItems.map((i) => i.id),
    );
    const attendees = await s.meetings.open.namedAttendees(meetings);
    const agreements = await s.agreements.list(FEED_READER);

    const bodyRows = (await loaders.cooperation.bodyById.loadMany([...new Set(meetings.map((m) => m.bodyId))])).flatMap((b) =>
      b && !(b instanceof Error) ? [b] : [],
    );
    const ratifications = (
      await Promise.all(agreements.map((a) => loaders.cooperation.ratificationsByAgreementId.load(a.id)))
    ).flat();
    const partyRows = (await loaders.parties.partyById.loadMany([...new Set(ratifications.map((r) => r.partyId))])).flatMap(
      (p) => (p && !(p instanceof Error) ? [p] : []),
    );
    const personRows = (await loaders.persons.personById.loadMany([...new Set(attendees.map((a) => a.personId))])).flatMap((p) =>
      p && !(p instanceof Error) ? [p] : [],
    );

    const orgOfBody = (bodyId: string) => u.object('organization', `body-${bodyId}`);
    const fileObjects = files.map((f) =>
      model.attachmentFile(u, f, {
        agendaItem: [u.object('agendaItem', f.targetId)],
        paper: [u.object('paper', `item-${f.targetId}`)],
        meeting: [u.object('meeting', publicItems.find((i) => i.id === f.targetId)!.meetingId)],
      }),
    );
    const filesOf = (itemId: string) =>
      fileObjects.filter((f) => (f.agendaItem as string[])[0] === u.object('agendaItem', itemId));

    const itemConsultations = publicItems.map((i) => {
      const meeting = meetings.find((m) => m.id === i.meetingId)!;
      return {
        id: u.object('consultation', `item-${i.id}`),
        type: `${model.OPARL}Consultation`,
        paper: u.object('paper', `item-${i.id}`),
        agendaItem: u.object('agendaItem', i.id),
        meeting: u.object('meeting', i.meetingId),
        organization: [orgOfBody(meeting.bodyId)],
        authoritative: i.decision != null,
        role: 'Päätös',
        created: iso(meeting.publishedAt ?? meeting.updatedAt),
        modified: iso(meeting.updatedAt),
      };
    });
    const agendaItems = items.map((i) => {
      const meeting = meetings.find((m) => m.id === i.meetingId)!;
      const open = i.publicity === 'PUBLIC';
      return {
        id: u.object('agendaItem', i.id),
        type: `${model.OPARL}AgendaItem`,
        meeting: u.object('meeting', i.meetingId),
        number: i.section != null ? `${i.section} §` : undefined,
        order: i.position,
        name: i.title,
        public: open,
        consultation: open ? u.object('consultation', `item-${i.id}`) : undefined,
        result: open && i.decisionMode ? (MODE_FI[i.decisionMode] ?? i.decisionMode) : undefined,
        resolutionText: open ? (i.decision ?? undefined) : undefined,
        auxiliaryFile: open ? filesOf(i.id) : [],
        web: u.web(`/minutes/${i.meetingId}`),
        created: iso(meeting.publishedAt ?? meeting.updatedAt),
        modified: iso(meeting.updatedAt),
      };
    });
    const minutes = meetings.map((m) =>
      model.minutesFile(u, { id: m.id, title: m.title, publishedAt: m.publishedAt ?? m.updatedAt, updatedAt: m.updatedAt }),
    );
    const locations = meetings.flatMap((m) =>
      m.location
        ? [
            {
              id: u.object('location', `meeting-${m.id}`),
              type: `${model.OPARL}Location`,
              description: m.location,
              created: iso(m.createdAt),
              modified: iso(m.updatedAt),
            },
          ]
        : [],
    );
    const meetingObjects = meetings.map((m, n) => ({
      id: u.object('meeting', m.id),
      type: `${model.OPARL}Meeting`,
      name: m.title,
      meetingState: 'Pöytäkirja julkaistu',
      cancelled: false,
      start: iso(m.startsAt),
      location: locations.find((l) => l.id === u.object('location', `meeting-${m.id}`)),
      organization: [orgOfBody(m.bodyId)],
      participant: [...new Set(attendees.filter((a) => a.meetingId === m.id).map((a) => u.object('person', a.personId)))],
      resultsProtocol: minutes[n],
      agendaItem: agendaItems.filter((i) => i.meeting === u.object('meeting', m.id)),
      web: u.web(`/minutes/${m.id}`),
      created: iso(m.createdAt),
      modified: iso(m.updatedAt),
    }));

    const papers = [
      ...publicItems.map((i) => {
        const meeting = meetings.find((m) => m.id === i.meetingId)!;
        return {
          id: u.object('paper', `item-${i.id}`),
          type: `${model.OPARL}Paper`,
          body: u.body,
          name: i.title,
          reference: i.caseNumber ?? undefined,
          date: day(meeting.startsAt),
          paperType: 'Päätösasia',
          auxiliaryFile: filesOf(i.id),
          consultation: itemConsultations.filter((c) => c.agendaItem === u.object('agendaItem', i.id)),
          web: u.web(`/minutes/${i.meetingId}`),
          created: iso(meeting.publishedAt ?? meeting.updatedAt),
          modified: iso(meeting.updatedAt),
        };
      }),
      ...agreements.map((a) => {
        const round = ratifications.filter((r) => r.agreementId === a.id);
        return {
          id: u.object('paper', `agreement-${a.id}`),
          type: `${model.OPARL}Paper`,
          body: u.body,
          name: a.titles.fi,
          date: a.validFrom ?? undefined,
          paperType: 'Yhteistyösopimus',
          consultation: round.map((r) => ({
            id: u.object('consultation', `ratification-${r.id}`),
            type: `${model.OPARL}Consultation`,
            paper: u.object('paper', `agreement-${a.id}`),
            organization: [u.object('organization', `party-${r.partyId}`)],
            authoritative: r.outcome !== 'PENDING',
            role: [
              OUTCOME_FI[r.outcome] ?? r.outcome,
              r.decidingBody,
              r.decisionDate && day(r.decisionDate),
              r.section && `${r.section}`,
            ]
              .filter(Boolean)
              .join(', '),
            keyword: [r.outcome],
            created: iso(r.createdAt),
            modified: iso(r.updatedAt),
          })),
          created: iso(a.createdAt),
          modified: iso(a.updatedAt),
        };
      }),
    ];
    const consultations: model.OparlObject[] = papers.flatMap((p): model.OparlObject[] => p.consultation);
    const organizations = [
      ...bodyRows.map((b) => model.bodyOrganization(u, b)),
      ...partyRows.map((p) => model.partyOrganization(u, p)),
    ];
    const persons = personRows.map((p) => ({
      id: u.object('person', p.id),
      type: `${model.OPARL}Person`,
      body: u.body,
      name: p.name,
      created: iso(p.createdAt),
      modified: iso(p.updatedAt),
    }));
    const terms = [
      ...new Map(
        meetings
          .map((m) => model.councilTerm(m.startsAt))
          .concat(model.councilTerm(new Date()))
          .map((t) => [t.start, t]),
      ).values(),
    ]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((t) => model.legislativeTerm(u, t));
    const stamps = [...meetings.map((m) => m.updatedAt), ...agreements.map((a) => a.updatedAt)].map((d) => new Date(d).getTime());
    const modified = stamps.length ? new Date(Math.max(...stamps)) : undefined;
    const website = u.web('/minutes');
    return {
      system: model.system(u, { name: 'Yhteispeli: yhteistyöalueen julkiset pöytäkirjat', website, modified }),
      body: model.body(u, { name: 'Yhteistyöalue', shortName: 'Yhteispeli', website, terms, modified }),
      lists: {
        organization: organizations,
        person: persons,
        meeting: meetingObjects,
        paper: papers,
        agendaItem: agendaItems,
        consultation: consultations,
        file: [...fileObjects, ...minutes],
        legislativeTerm: terms,
        membership: [],
        location: locations,
      },
    };
  }

  return { catalogue };
}

export type OparlService = ReturnType<typeof createOparlService>;
