import { describe, expect, it } from 'vitest';
import { paragraphUpdate } from '../minutes-doc.js';
import * as factory from './factories.js';
import { countStatements, startDemo, startOwnServer } from './helpers.js';

/**
 * Why the minutes and a decision's wording are read-only (`editLockReason`, `minutesLockReason`) comes from the
 * rule that refuses the write: in every status and for every place in the body, a reason is given exactly where a
 * push is refused (FORBIDDEN), and the reason is the one the room shows.
 */
const demo = startDemo({
  users: {
    chair: factory.DEMO.county,
    member: factory.DEMO.laukaa,
    observer: factory.DEMO.jyvaskyla,
    analyst: factory.DEMO.analyst,
  },
});

const READ = `query ($m: ID!) { meeting(id: $m) {
  version
  viewerCan { editMinutes minutesLockReason readMinutes }
  minutes { id canEdit editLockReason }
  agenda { id version decisionDocument { id canEdit editLockReason } }
} }`;
const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
const TRANSITION =
  'mutation ($m: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $m, expectedVersion: $v, to: $to) { id } }';

type Doc = { id: string; canEdit: boolean; editLockReason: string | null };
type Read = {
  meeting: {
    version: number;
    viewerCan: { editMinutes: boolean; minutesLockReason: string | null; readMinutes: boolean };
    minutes: Doc;
    agenda: { id: string; version: number; decisionDocument: Doc | null }[];
  };
};

async function read(m: string, who: string): Promise<Read['meeting']> {
  const r = await demo.server.gql<Read>(READ, { m }, { token: who });
  factory.ok(r, 'reading the meeting');
  return r.data.meeting;
}

async function write(query: string, variables: Record<string, unknown>, who = demo.token.admin): Promise<void> {
  factory.ok(await demo.server.gql(query, variables, { token: who }), query);
}

/** Pushes a paragraph to the document as `who`: null when stored, else the error code. */
async function push(documentId: string, who: string): Promise<string | null> {
  const u = Buffer.from(paragraphUpdate('Kirjaus.')).toString('base64');
  const r = await demo.server.gql(PUSH, { d: documentId, u }, { token: who });
  return r.errors ? String(r.errors[0]?.extensions?.code) : null;
}

/** What the room says for each reason (the same lock as the client's catalogue keys). */
const EXPECTED: Record<string, Record<string, { minutes: string | null; wording: string | null }>> = {
  PLANNED: {
    admin: { minutes: null, wording: null },
    chair: { minutes: null, wording: null },
    // Who does not see the draft agenda neither reads nor writes the draft minutes.
    member: { minutes: 'NOT_ALLOWED', wording: null },
    observer: { minutes: 'OBSERVER', wording: 'OBSERVER' },
    analyst: { minutes: 'NOT_MEMBER', wording: 'NOT_MEMBER' },
  },
  IN_PROGRESS: {
    admin: { minutes: null, wording: null },
    chair: { minutes: null, wording: null },
    member: { minutes: null, wording: null },
    observer: { minutes: 'OBSERVER', wording: 'OBSERVER' },
    analyst: { minutes: 'NOT_MEMBER', wording: 'NOT_MEMBER' },
  },
  MINUTES_DRAFT: {
    admin: { minutes: null, wording: 'CLOSED' },
    chair: { minutes: null, wording: 'CLOSED' },
    member: { minutes: null, wording: 'CLOSED' },
    observer: { minutes: 'OBSERVER', wording: 'CLOSED' },
    analyst: { minutes: 'NOT_MEMBER', wording: 'CLOSED' },
  },
  MINUTES_CHECKED: Object.fromEntries(
    ['admin', 'chair', 'member', 'observer', 'analyst'].map((w) => [w, { minutes: 'CHECKED', wording: 'CLOSED' }]),
  ),
  PUBLISHED: Object.fromEntries(
    ['admin', 'chair', 'member', 'observer', 'analyst'].map((w) => [w, { minutes: 'PUBLISHED', wording: 'CLOSED' }]),
  ),
};

describe('the reason a co-edited document is read-only', () => {
  it('is given exactly where the write is refused, in every status and for every place in the body', async () => {
    const { person } = await factory.region(demo.server);
    const body = await factory.makeBody(demo.server, demo.token.admin, { tier: 'STEERING' }, [
      [factory.DEMO.county, 'CHAIR'],
      [factory.DEMO.laukaa, 'MEMBER'],
      [factory.DEMO.jyvaskyla, 'OBSERVER'],
    ]);
    const m = (await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id })).id;
    const itemId = (await factory.makeAgendaItem(demo.server, demo.token.admin, { meetingId: m, proposal: 'Hyväksytään.' })).id;
    const { minutes } = await read(m, demo.token.admin);
    const wordingId = (await read(m, demo.token.admin)).agenda[0]!.decisionDocument!.id;
    const seen: string[] = [];

    const checkAll = async (status: string) => {
      for (const [who, expected] of Object.entries(EXPECTED[status]!)) {
        const r = await read(m, demo.token[who as keyof typeof demo.token]);
        const where = `${status} as ${who}`;
        // A PLANNED agenda is a draft only those who run the meeting see: the others get the minutes withheld (the
        // field with no content, readMinutes false) and find no wording.
        const hidden = status === 'PLANNED' && who !== 'admin' && who !== 'chair';
        expect({
          where,
          minutes: r.minutes.editLockReason,
          permission: r.viewerCan.minutesLockReason,
          read: r.viewerCan.readMinutes,
        }).toEqual({ where, minutes: expected.minutes, permission: expected.minutes, read: !hidden });
        expect({ where, canEdit: r.minutes.canEdit, editMinutes: r.viewerCan.editMinutes }).toEqual({
          where,
          canEdit: expected.minutes === null,
          editMinutes: expected.minutes === null,
        });
        const refused = await push(minutes!.id, demo.token[who as keyof typeof demo.token]);
        expect({ where, doc: 'minutes', refused }).toEqual({
          where,
          doc: 'minutes',
          refused: hidden ? 'NOT_FOUND' : expected.minutes === null ? null : 'FORBIDDEN',
        });
        const wording = r.agenda[0]?.decisionDocument;
        expect({ where, wording: wording ? { reason: wording.editLockReason, canEdit: wording.canEdit } : 'hidden' }).toEqual({
          where,
          wording: hidden ? 'hidden' : { reason: expected.wording, canEdit: expected.wording === null },
        });
        const refusedWording = await push(wordingId, demo.token[who as keyof typeof demo.token]);
        const wordingRefusal = hidden ? 'NOT_FOUND' : expected.wording === null ? null : 'FORBIDDEN';
        expect({ where, doc: 'wording', refused: refusedWording }).toEqual({ where, doc: 'wording', refused: wordingRefusal });
        seen.push(where);
      }
    };

    await checkAll('PLANNED');
    for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS'])
      await write(TRANSITION, { m, v: (await read(m, demo.token.admin)).version, to });
    await checkAll('IN_PROGRESS');
    for (const email of [factory.DEMO.county, factory.DEMO.laukaa])
      await write('mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', {
        input: { meetingId: m, personId: person(email), status: 'PRESENT' },
      });
    const item = (await read(m, demo.token.admin)).agenda.find((i) => i.id === itemId)!;
    await write(
      'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
      { id: itemId, v: item.version },
    );
    for (const to of ['HELD', 'MINUTES_DRAFT']) await write(TRANSITION, { m, v: (await read(m, demo.token.admin)).version, to });
    await checkAll('MINUTES_DRAFT');
    await write(
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { m, v: (await read(m, demo.token.admin)).version, p: [factory.DEMO.county, factory.DEMO.laukaa].map(person) },
    );
    for (const who of [demo.token.chair, demo.token.member])
      await write(
        'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }',
        { m, v: (await read(m, who)).version },
        who,
      );
    await checkAll('MINUTES_CHECKED');
    await write(TRANSITION, { m, v: (await read(m, demo.token.admin)).version, to: 'PUBLISHED' });
    await checkAll('PUBLISHED');
    expect(seen).toHaveLength(25);
  });

  it('gives an API token the reason API_TOKEN and refuses its push', async () => {
    const created = await demo.server.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "lukija", scopes: [READ]) { token } }',
      {},
      { token: demo.token.admin },
    );
    factory.ok(created, 'createApiToken');
    const apiToken = created.data.createApiToken.token;
    const body = await factory.makeBody(demo.server, demo.token.admin, { tier: 'STEERING' }, [[factory.DEMO.county, 'CHAIR']]);
    const m = (await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id })).id;
    // A PLANNED meeting's draft is for those who run it, signed in with a session: the token gets it withheld.
    const draft = await read(m, apiToken);
    expect([draft.minutes.canEdit, draft.viewerCan.readMinutes, draft.viewerCan.minutesLockReason]).toEqual([
      false,
      false,
      'API_TOKEN',
    ]);
    await factory.makeAgendaItem(demo.server, demo.token.admin, { meetingId: m });
    await write(TRANSITION, { m, v: (await read(m, demo.token.admin)).version, to: 'AGENDA_PUBLISHED' });
    const r = await read(m, apiToken);
    expect([r.minutes.canEdit, r.minutes.editLockReason, r.viewerCan.minutesLockReason]).toEqual([
      false,
      'API_TOKEN',
      'API_TOKEN',
    ]);
    expect(await push(r.minutes!.id, apiToken)).toBe('FORBIDDEN');
  });

  it('is decided once per document read: asking canEdit beside editLockReason costs no statement more', async () => {
    // A server of its own: on a shared PostgreSQL, other files' writes would wake this one's listeners mid-count.
    const own = await startOwnServer('yp_locks');
    try {
      const as = await factory.loginAll(own, { admin: factory.DEMO.admin, chair: factory.DEMO.county });
      const body = await factory.makeBody(own, as.admin, { tier: 'STEERING' }, [[factory.DEMO.county, 'CHAIR']]);
      const m = (await factory.makeMeeting(own, as.admin, { bodyId: body.id })).id;
      await factory.makeAgendaItem(own, as.admin, { meetingId: m });
      const statementsFor = async (fields: string) => {
        const query = `query ($m: ID!) { meeting(id: $m) { minutes { ${fields} } agenda { decisionDocument { ${fields} } } } }`;
        factory.ok(await own.gql(query, { m }, { token: as.chair }), fields); // warm: the session is read once
        const counted = countStatements(own);
        try {
          factory.ok(await own.gql(query, { m }, { token: as.chair }), fields);
          return counted.count();
        } finally {
          counted.restore();
        }
      };
      const one = await statementsFor('id editLockReason');
      expect(one).toBeGreaterThan(0);
      expect(await statementsFor('id canEdit editLockReason')).toBe(one);
    } finally {
      await own.stop();
    }
  });
});
