import * as Y from 'yjs';
import type { Db } from '../../db/client.js';
import { addDays, atHelsinkiClock, helsinkiDay, helsinkiYear, today } from '../../lib/dates.js';
import type { NewChangeEvent } from '../../realtime/changes.repo.js';
import { changeFacts, rowUpserted, type ChangeInput } from '../../realtime/write.js';
import { EVENTS } from '../../realtime/topics.js';
import { ASSEMBLY_SEATS, MEMBERS as DEMO_MEMBERSHIPS } from '../cooperation/cooperation.seed.data.js';
import type { CooperationBodyRow } from '../cooperation/cooperation.table.js';
import { seedDocument } from '../documents/documents.seed.js';
import type { PersonRow } from '../parties/persons.table.js';
import { defaultAppealTexts } from './meetings.appeal.js';
import { recordItem, recordMeeting } from './meetings.events.js';
import { buildPublished, PERSONAL_DATA_DAYS } from './meetings.published.js';
import { quorumOf } from './meetings.quorum.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';
import { DECISION_DOC, MINUTES_DOC } from './meetings.service.js';
import { inRosterOrder, type RosterKey } from './meetings.roster.js';
import type { AgendaItemRow, LocalizedNames, MeetingRow, PublishedMinutesValue } from './meetings.table.js';
import { COMING, PAST, type SeedItem } from './meetings.seed.data.js';

const DAY = 86_400_000;

/** A TipTap-shaped Yjs document: headings and paragraphs in the `default` fragment. */
function richText(blocks: [tag: 'heading' | 'paragraph', text: string][]): Uint8Array {
  const doc = new Y.Doc();
  const root = doc.getXmlFragment('default');
  root.insert(
    0,
    blocks.map(([tag, text]) => {
      const el = new Y.XmlElement(tag);
      if (tag === 'heading') el.setAttribute('level', 2 as unknown as string);
      el.insert(0, [new Y.XmlText(text)]);
      return el;
    }),
  );
  return Y.encodeStateAsUpdate(doc);
}

/** Helsinki 9:00 `days` from now (negative: in the past). */
function nineAm(now: number, days: number): Date {
  return atHelsinkiClock(helsinkiDay(new Date(now + days * DAY)), 9);
}

/**
 * The demo meetings of the municipal assembly: a coming one with a published
 * agenda of five items, and a past one with published minutes whose appeal
 * period has ended (so the secretariat can try removing personal data).
 */
export async function seedDemoMeetings(
  tx: Db,
  ctx: {
    bodies: Map<string, CooperationBodyRow>;
    persons: Map<string, PersonRow>;
    needIds: Map<string, string>;
    actor: { userId: string | null; partyId: string | null };
    /** A party's name in each language. */
    partyNames: (partyId: string | null) => LocalizedNames | null;
    /** Where the meetings' history goes: seed.ts writes it in the order of time, with the other modules'. */
    history: NewChangeEvent[];
  },
): Promise<void> {
  const assembly = ctx.bodies.get('assembly');
  if (!assembly) return;
  const now = Date.now();
  const person = (key?: string) => (key ? (ctx.persons.get(key) ?? null) : null);

  // The meetings' history, recorded as the services record it (meetings.events.ts) and dated when each step
  // happened, so that the audit stream, `changes` and `meeting(asOf)` see the seeded rows as they see any other.
  let stepAt = new Date(now);
  const record = async (change: ChangeInput) => {
    ctx.history.push({
      actorUserId: ctx.actor.userId,
      actorPartyId: ctx.actor.partyId,
      ...changeFacts(change),
      scope: change.scope ?? null,
      at: stepAt,
    });
  };
  /** A change to the meeting at `at`, recorded as `event` (the row at its version: each step one version). */
  async function step(
    at: Date,
    event: Parameters<typeof recordMeeting>[1],
    m: MeetingRow,
    changes: repo.MeetingChanges,
    detail?: Record<string, unknown>,
  ): Promise<MeetingRow> {
    stepAt = at;
    const after = await repo.meetingRows.updateIfVersion(tx, m.id, m.version, changes);
    if (!after) throw new Error(`seed: meeting ${m.title} moved meanwhile`);
    await recordMeeting(record, event, m, after, detail);
    return after;
  }

  /** A meeting created (PLANNED) at `createdAt` with its agenda, then its agenda published at `row.agendaPublishedAt`. */
  async function meeting(
    row: { title: string; startsAt: Date; agendaPublishedAt: Date; createdAt: Date },
    items: SeedItem[],
    minutes: Uint8Array | undefined,
  ) {
    stepAt = row.createdAt;
    let m = await repo.meetingRows.insert(tx, {
      bodyId: assembly!.id,
      title: row.title,
      startsAt: row.startsAt,
      location: 'Jyväskylä, Keski-Suomen liitto ja Teams',
      demo: true,
      createdByUserId: ctx.actor.userId,
      createdAt: row.createdAt,
      updatedAt: row.createdAt,
    });
    await recordMeeting(record, EVENTS.meetingCreated, null, m);
    await seedDocument(
      tx,
      MINUTES_DOC,
      m.id,
      minutes && { update: minutes, actorUserId: ctx.actor.userId, actorPartyId: ctx.actor.partyId },
    );
    const year = helsinkiYear(m.startsAt);
    const rows: AgendaItemRow[] = [];
    for (const [i, it] of items.entries()) {
      const item = await repo.itemRows.insert(tx, {
        meetingId: m.id,
        bodyId: assembly!.id,
        year,
        position: i + 1,
        section: (await repo.maxSection(tx, assembly!.id, year)) + 1,
        title: it.title,
        caseNumber: it.caseNumber ?? null,
        presenterId: person(it.presenter)?.id ?? null,
        preparerId: person(it.preparer)?.id ?? null,
        proposal: it.proposal,
        publicity: it.publicity ?? 'PUBLIC',
        legalBasis: it.legalBasis ?? null,
        relatedNeedIds: (it.needs ?? []).flatMap((t) => ctx.needIds.get(t) ?? []),
        createdAt: row.createdAt,
        updatedAt: row.createdAt,
      });
      await recordItem(record, EVENTS.agendaItemAdded, null, item);
      await seedDocument(tx, DECISION_DOC, item.id);
      rows.push(item);
    }
    m = await step(row.agendaPublishedAt, EVENTS.meetingTransitioned, m, {
      status: 'AGENDA_PUBLISHED',
      agendaPublishedAt: row.agendaPublishedAt,
    });
    return { m, rows };
  }

  // The past meeting first, so its § numbers come first in the year.
  const heldAt = nineAm(now, -45);
  const publishedAt = new Date(heldAt.getTime() + 9 * DAY);
  const minutesText: [tag: 'heading' | 'paragraph', text: string][] = [
    ['heading', 'Kokouksen kulku'],
    [
      'paragraph',
      'Puheenjohtaja avasi kokouksen klo 9.02 ja totesi osallistujat. Kokoukseen osallistui jäseniä myös Teamsin välityksellä.',
    ],
    [
      'paragraph',
      'Yhdyspintasuunnitelmasta käytiin laaja keskustelu. Kunnat painottivat yhteisen tilannekuvan tarvetta ja pienten kuntien palvelujen saavutettavuutta.',
    ],
    ['paragraph', 'Puheenjohtaja päätti kokouksen klo 11.40.'],
  ];
  const past = await meeting(
    {
      title: 'Kuntakokous 1/2026',
      startsAt: heldAt,
      agendaPublishedAt: new Date(heldAt.getTime() - 7 * DAY),
      createdAt: new Date(heldAt.getTime() - 21 * DAY),
    },
    PAST,
    richText(minutesText),
  );
  past.m = await step(heldAt, EVENTS.meetingTransitioned, past.m, { status: 'IN_PROGRESS' });
  const attendees: [key: string, status: string][] = [
    ['hva', 'PRESENT'],
    ['jkl', 'PRESENT'],
    ['jkl2', 'REMOTE'],
    ['hva2', 'PRESENT'],
    ['srj', 'REMOTE'],
    ['kru', 'ABSENT'],
    ['liitto', 'PRESENT'],
    ['liitto2', 'PRESENT'],
    // The other municipalities' seats: the meeting had its quorum (22 of 25 members).
    ...ASSEMBLY_SEATS.filter((key) => key !== 'knl' && key !== 'pvs').map((key): [string, string] => [
      key,
      key === 'aki' || key === 'tka' ? 'REMOTE' : 'PRESENT',
    ]),
    ['knl', 'ABSENT'],
    ['pvs', 'ABSENT'],
  ];
  const attendance: (PublishedMinutesValue['attendance'][number] & { key: RosterKey })[] = [];
  for (const [key, status] of attendees) {
    const p = person(key);
    if (!p) continue;
    const row = await repo.upsertAttendance(tx, {
      meetingId: past.m.id,
      personId: p.id,
      partyId: p.partyId,
      status,
      recordedByUserId: ctx.actor.userId,
      updatedAt: heldAt,
    });
    await record(
      rowUpserted(
        EVENTS.attendanceRecorded,
        `${past.m.id}:${p.id}`,
        row.version,
        { before: null, after: row },
        { meetingId: past.m.id, bodyId: past.m.bodyId },
      ),
    );
    const party = ctx.partyNames(p.partyId);
    const roles = DEMO_MEMBERSHIPS.filter(([body, k]) => body === 'assembly' && k === key).map(([, , role]) => role);
    attendance.push({
      name: p.name,
      party: party?.fi ?? null,
      partyNames: party,
      status,
      deputyFor: null,
      key: { roles, name: p.name, id: p.id },
    });
  }
  // Quorum on every decision, from the demo memberships and this attendance.
  const seats = DEMO_MEMBERSHIPS.filter(([body]) => body === 'assembly').flatMap(([, key, role]) => {
    const p = person(key);
    return p ? [{ personId: p.id, role, endsOn: null }] : [];
  });
  const quorum = quorumOf(
    seats,
    attendees.flatMap(([key, status]) => (person(key) ? [{ personId: person(key)!.id, status, deputyForPersonId: null }] : [])),
    today(),
  );
  // The two checkers elected at the start of the meeting checked the minutes on the 5th and 6th day.
  const electedAt = new Date(heldAt.getTime() + 5 * 60_000);
  const checkerKeys = ['jkl', 'hva2'] as const;
  const checkers = checkerKeys.flatMap((key, n) => {
    const p = person(key);
    return p ? [{ person: p, checkedAt: new Date(heldAt.getTime() + (5 + n) * DAY) }] : [];
  });
  await recordRepo.insertCheckers(
    tx,
    checkers.map((c) => ({
      meetingId: past.m.id,
      personId: c.person.id,
      electedAt: electedAt,
      electedByUserId: ctx.actor.userId,
      checkedAt: c.checkedAt,
      checkedByUserId: c.person.userId,
    })),
  );
  past.m = await step(
    electedAt,
    EVENTS.minutesCheckersElected,
    past.m,
    {},
    {
      checkers: checkers.map((c) => c.person.id),
    },
  );
  // Each item decided in turn, 20 minutes apart, with the quorum of the meeting.
  for (const [i, row] of past.rows.entries()) {
    const it = PAST[i]!;
    const decidedAt = new Date(heldAt.getTime() + (i + 1) * 20 * 60_000);
    stepAt = decidedAt;
    const after = await repo.itemRows.updateIfVersion(tx, row.id, row.version, {
      decision: it.decision?.text ?? null,
      decisionMode: it.decision?.mode ?? null,
      handling: it.decision?.handling ?? null,
      decidedAt: it.decision ? decidedAt : null,
      decidedByUserId: it.decision ? ctx.actor.userId : null,
      quorumPresent: quorum.present,
      quorumMembers: quorum.members,
    });
    if (!after) throw new Error(`seed: agenda item ${row.title} moved meanwhile`);
    await recordItem(record, EVENTS.decisionRecorded, row, after);
    past.rows[i] = after;
  }
  // The chair closed the meeting at 11.40; the minutes were drafted the next day.
  past.m = await step(new Date(heldAt.getTime() + (2 * 60 + 40) * 60_000), EVENTS.meetingTransitioned, past.m, {
    status: 'HELD',
    currentItemId: null,
  });
  past.m = await step(new Date(heldAt.getTime() + DAY), EVENTS.meetingTransitioned, past.m, { status: 'MINUTES_DRAFT' });
  for (const [n, c] of checkers.entries()) {
    const done = n === checkers.length - 1;
    const before = past.m;
    past.m = await step(
      c.checkedAt,
      EVENTS.minutesChecked,
      past.m,
      done ? { status: 'MINUTES_CHECKED', minutesCheckedAt: c.checkedAt } : {},
      { personId: c.person.id, checkedAt: c.checkedAt.toISOString() },
    );
    if (done) await recordMeeting(record, EVENTS.meetingTransitioned, before, past.m);
  }
  // Every demo body has its appeal instructions, with the registry to send a request to.
  for (const body of ctx.bodies.values()) {
    const texts = defaultAppealTexts(body.names, 'Keski-Suomen liitto, kirjaamo (demo), kirjaamo@demo.local');
    await recordRepo.upsertTemplate(tx, {
      bodyId: body.id,
      textFi: texts.fi,
      textSv: texts.sv ?? null,
      textEn: texts.en ?? null,
      updatedByUserId: ctx.actor.userId,
    });
  }
  const appeal = defaultAppealTexts(assembly.names, 'Keski-Suomen liitto, kirjaamo (demo), kirjaamo@demo.local');
  const published = buildPublished({
    meeting: past.m,
    bodyName: assembly.names,
    chair: person('hva')?.name ?? null,
    secretary: person('liitto2')?.name ?? null,
    items: past.rows,
    // In roster order, as publishing lists them (meetings.roster.ts).
    attendance: inRosterOrder(attendance, (a) => a.key).map(({ key: _key, ...a }) => a),
    personName: (id) => [...ctx.persons.values()].find((p) => p.id === id)?.name ?? null,
    minutesText: minutesText.map(([, t]) => t).join('\n\n'),
    checkers: checkers.map((c) => ({ name: c.person.name, checkedAt: c.checkedAt.toISOString() })),
    appealInstructions: appeal,
  });
  past.m = await step(publishedAt, EVENTS.meetingTransitioned, past.m, {
    status: 'PUBLISHED',
    publishedAt,
    personalDataRemovalDue: addDays(helsinkiDay(publishedAt), PERSONAL_DATA_DAYS),
    published,
  });

  await meeting(
    {
      title: 'Kuntakokous 2/2026',
      startsAt: nineAm(now, 3),
      agendaPublishedAt: new Date(now - 4 * DAY),
      createdAt: new Date(now - 18 * DAY),
    },
    COMING,
    undefined,
  );
}
