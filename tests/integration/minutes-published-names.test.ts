import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../pdf-text.js';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

/**
 * The published minutes in the reader's language and in the room's order: party names (attendance and the
 * decisions' actions) in Swedish and English on the API the /minutes page reads and in the PDF, and the
 * attendance chair first, then by role, then by name, as the room's table and the checkers' choices list it.
 */
type Lang = 'fi' | 'sv' | 'en';
type Names = Record<Lang, string | null>;
interface Person {
  id: string;
  name: string;
  party: { id: string; code: string | null; names: Names } | null;
  user: { email: string } | null;
}
let persons: Person[];
let partyNames: Map<string, Names>;

const demo = startDemo({ users: { county: factory.DEMO.county, laukaa: factory.DEMO.laukaa }, region: true });
beforeAll(async () => {
  const r = await demo.server.gql(
    '{ persons { id name party { id code names { fi sv en } } user { email } } parties { id names { fi sv en } } }',
    {},
    { token: demo.token.admin },
  );
  factory.ok(r, 'persons');
  persons = r.data.persons;
  partyNames = new Map(r.data.parties.map((p: { id: string; names: Names }) => [p.id, p.names]));
});

const inLang = (names: Names, lang: Lang) => names[lang] || names.fi!;
const gql = async (query: string, variables: Record<string, unknown>, as?: string, lang?: Lang) => {
  const r = await demo.server.gql(query, variables, { token: as, headers: lang ? { 'accept-language': lang } : {} });
  factory.ok(r, query.slice(0, 60));
  return r.data as Record<string, any>;
};
const version = async (id: string) =>
  (await gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, demo.token.admin)).meeting.version;
const transition = async (id: string, to: string) =>
  gql(
    'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
    { id, v: await version(id), to },
    demo.token.admin,
  );

describe('published minutes', () => {
  it("name the parties in the reader's language and list the attendance in the room's order, on the page's API and in the PDF", async () => {
    const byEmail = (email: string) => persons.find((p) => p.user?.email === email)!;
    const county = byEmail(factory.DEMO.county);
    const laukaa = byEmail(factory.DEMO.laukaa);
    const jkl = byEmail(factory.DEMO.jyvaskyla);
    // Two persons without an account, of parties whose Swedish or English name differs from the Finnish one.
    const others = persons.filter((p) => !p.user && p.party && (p.party.names.sv ?? p.party.names.fi) !== p.party.names.fi);
    const [vice, member2] = others;
    expect([vice, member2].every(Boolean)).toBe(true);
    // Seated in an order that is not the room's: secretary, members, chair, vice chair.
    const bodyNames = { fi: unique('Nimielin'), sv: 'Namnorgan', en: 'Names body' };
    const body = await factory.makeBody(demo.server, demo.token.admin, {
      names: bodyNames,
      tier: 'STEERING',
    });
    const seats: [Person, string][] = [
      [jkl, 'SECRETARY'],
      [laukaa, 'MEMBER'],
      [member2!, 'MEMBER'],
      [county, 'CHAIR'],
      [vice!, 'VICE_CHAIR'],
    ];
    for (const [p, role] of seats)
      await factory.makeMembership(demo.server, demo.token.admin, { bodyId: body.id, personId: p.id, role: role as 'MEMBER' });
    const members = [laukaa, member2!].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
    const expected = [county, vice!, ...members, jkl];

    const { id } = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id });
    const county15 = demo.region.party('15');
    const { id: needId } = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Palvelupolku'),
      themeCodes: ['HYTE'],
      municipalityIds: [],
      ownerBodyId: body.id,
    });
    await factory.makeAgendaItem(demo.server, demo.token.admin, {
      meetingId: id,
      title: 'Asia',
      proposal: 'Hyväksytään.',
      relatedNeedIds: [needId],
    });
    for (const s of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) await transition(id, s);
    for (const p of [...expected].reverse())
      await gql(
        'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { meetingId: id, personId: p.id, status: 'PRESENT' } },
        demo.token.admin,
      );

    // The room: its attendance table (participants) and the attendance the checkers are chosen from, in one order.
    const room = (
      await gql(
        'query ($id: ID!) { meeting(id: $id) { participants { role person { name } } attendance { person { name } } agenda { id version } } }',
        { id },
        demo.token.admin,
      )
    ).meeting;
    const names = expected.map((p) => p.name);
    expect(room.participants.map((m: any) => m.person.name)).toEqual(names);
    expect(room.participants.map((m: any) => m.role)).toEqual(['CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEMBER', 'SECRETARY']);
    expect(room.attendance.map((a: any) => a.person.name)).toEqual(names);

    const [item] = room.agenda;
    await gql(
      'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
      { id: item.id, v: item.version },
      demo.token.county,
    );
    await gql(
      'mutation ($input: CreateDecisionActionInput!) { createDecisionAction(input: $input) { id } }',
      { input: { itemId: item.id, needId, title: 'Laaditaan palvelupolku', ownerPartyId: county15, dueDate: '2027-03-31' } },
      demo.token.county,
    );
    for (const s of ['HELD', 'MINUTES_DRAFT']) await transition(id, s);
    await gql(
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { m: id, v: await version(id), p: [county.id, laukaa.id] },
      demo.token.admin,
    );
    for (const as of [demo.token.county, demo.token.laukaa])
      await gql(
        'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }',
        { m: id, v: await version(id) },
        as,
      );
    await transition(id, 'PUBLISHED');

    // The fields the /minutes/<id> page reads, without signing in, in each language.
    const Q = `query ($id: ID!) { publishedMinutes(meetingId: $id) { pdfUrl bodyName
      attendance { name party partyNames { fi sv en } status }
      items { actions { title ownerParty ownerPartyNames { fi sv en } } } } }`;
    const partyOf = (p: Person) => partyNames.get(p.party!.id)!;
    const countyNames = partyNames.get(county15)!;
    expect(countyNames.sv).not.toBe(countyNames.fi);
    const texts: Partial<Record<Lang, string>> = {};
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const pm = (await gql(Q, { id }, undefined, lang)).publishedMinutes;
      expect(pm.bodyName).toBe(bodyNames[lang]);
      expect(pm.attendance).toEqual(
        expected.map((p) => ({
          name: p.name,
          party: inLang(partyOf(p), lang),
          partyNames: partyOf(p),
          status: 'PRESENT',
        })),
      );
      expect(pm.items[0].actions).toEqual([
        { title: 'Laaditaan palvelupolku', ownerParty: inLang(countyNames, lang), ownerPartyNames: countyNames },
      ]);

      // The PDF in the same language: the parties' names in it, the attendance in the same order.
      const text = pdfText(Buffer.from(await (await fetch(`${demo.server.url}${pm.pdfUrl}?lang=${lang}`)).arrayBuffer()));
      const lines = expected.map((p) => `${p.name}, ${inLang(partyOf(p), lang)}`);
      for (const line of lines) expect(text).toContain(line);
      const at = lines.map((line) => text.indexOf(line));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(text).toContain(`Laaditaan palvelupolku – ${inLang(countyNames, lang)}`);
      texts[lang] = text;
    }
    // No Finnish party name is left in the Swedish and English PDFs.
    expect(texts.fi).toContain(countyNames.fi);
    expect(texts.sv).not.toContain(countyNames.fi);
    expect(texts.en).not.toContain(countyNames.fi);
  });

  it("the demo region's published minutes list the attendance in the room's order, chair first, with the parties in Swedish", async () => {
    const Q =
      '{ publishedMinutesList { meetingId title personalDataRemovalDue chair attendance { name party partyNames { fi sv en } } } }';
    const demoMinutes = async () =>
      (await gql(Q, {}, undefined, 'sv')).publishedMinutesList.find((m: any) => m.title === 'Kuntakokous 1/2026');
    // The demo's minutes are past their appeal period, so the public copy names no one; read them as they were
    // within it (the removal date moved ahead for this read, then back).
    const due = (id: string, day: string) =>
      demo.server.app.internals.database.db.execute(sql`update meetings set personal_data_removal_due = ${day} where id = ${id}`);
    const { meetingId, personalDataRemovalDue } = await demoMinutes();
    await due(meetingId, '2999-12-31');
    const sv = await demoMinutes().finally(() => due(meetingId, personalDataRemovalDue));
    const room = (
      await gql(
        'query ($id: ID!) { meeting(id: $id) { attendance { person { name } } } }',
        { id: sv.meetingId },
        demo.token.admin,
      )
    ).meeting;
    expect(sv.attendance.map((a: any) => a.name)).toEqual(room.attendance.map((a: any) => a.person.name));
    expect(sv.attendance[0].name).toBe(sv.chair);
    expect(sv.attendance.map((a: any) => a.party)).toEqual(sv.attendance.map((a: any) => inLang(a.partyNames, 'sv')));
    expect(sv.attendance.some((a: any) => a.party !== a.partyNames.fi)).toBe(true);
  });
});
