import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODIES } from '../../server/modules/cooperation/cooperation.seed.data.js';
import { startDemo } from './helpers.js';

// Issue 13, "Demo region true to life": every party sits in the municipal assembly, and the parties'
// newest population figures are those of the demo indicator data, dated and with their source.

const demo = startDemo();

const DEMO_SOURCE = 'THL/Sotkanet (demo)';

/** A document with `text` typed into the editor's fragment. */
function typed(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return doc;
}

describe('the demo region', () => {
  it('seats a member of every one of the 24 parties in the municipal assembly', async () => {
    const r = await demo.server.gql(
      '{ parties { id code } cooperationBodies { name memberships { active role party { id } } } }',
      {},
      { token: demo.admin },
    );
    const assembly = r.data!.cooperationBodies.find((b: any) => b.name === 'Kuntakokous');
    const seated = new Set(
      assembly.memberships.filter((m: any) => m.active && m.role !== 'OBSERVER').map((m: any) => m.party.id),
    );
    const seeded = r.data!.parties.filter((p: any) => p.code != null && /^\d{2,3}$/.test(p.code));
    expect(seeded).toHaveLength(24);
    expect(seeded.filter((p: any) => !seated.has(p.id)).map((p: any) => p.code)).toEqual([]);
  });

  it("seats the contract's demo accounts where it says: Laukaa's a member of the pupil welfare network only", async () => {
    const r = await demo.server.gql(
      '{ cooperationBodies { name memberships { active role person { user { email } } } } }',
      {},
      { token: demo.admin },
    );
    // The demo region's own bodies: other files seat the demo accounts in bodies of their own on a shared database.
    const seeded = new Set(BODIES.map((b) => b.names.fi));
    const seats = (email: string, member: boolean) =>
      r
        .data!.cooperationBodies.filter((b: any) => seeded.has(b.name))
        .filter((b: any) =>
          b.memberships.some((m: any) => m.active && m.person.user?.email === email && (m.role === 'OBSERVER') !== member),
        )
        .map((b: any) => b.name)
        .sort();
    expect(seats('laukaa@demo.local', true)).toEqual(['Alueellinen oppilashuoltoverkosto']);
    expect(seats('laukaa@demo.local', false)).toEqual(['Kuntakokous']);
    for (const email of ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local']) {
      expect(seats(email, true), email).toEqual(expect.arrayContaining(['Kuntakokous']));
    }
  });

  it("refuses Laukaa's account the municipal assembly's minutes, which a member writes", async () => {
    const [laukaa, jyvaskyla] = await Promise.all([
      demo.server.login('laukaa@demo.local'),
      demo.server.login('jyvaskyla@demo.local'),
    ]);
    const r = await demo.server.gql('{ meetings { status body { name } minutes { id } } }', {}, { token: laukaa });
    const open = r.data!.meetings.filter((m: any) => m.body.name === 'Kuntakokous' && m.status !== 'PUBLISHED');
    expect(open.length).toBeGreaterThan(0);
    const update = Buffer.from(Y.encodeStateAsUpdate(typed('Laukaa kirjoittaa'))).toString('base64');
    const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
    for (const meeting of open) {
      const refused = await demo.server.gql(PUSH, { d: meeting.minutes.id, u: update }, { token: laukaa });
      // A PLANNED meeting's draft minutes are withheld from those who do not run it: to them the id is unknown
      // (on a shared PostgreSQL other files' meetings are here too).
      expect(refused.errors?.[0]?.extensions?.code, meeting.status).toBe(
        meeting.status === 'PLANNED' ? 'NOT_FOUND' : 'FORBIDDEN',
      );
    }
    const published = open.find((m: any) => m.status === 'AGENDA_PUBLISHED');
    expect(published).toBeDefined();
    const written = await demo.server.gql(PUSH, { d: published.minutes.id, u: update }, { token: jyvaskyla });
    expect(written.errors).toBeUndefined();
  });

  it.each(['jyvaskyla@demo.local', 'hyvinvointialue@demo.local', 'laukaa@demo.local'])(
    'shows %s the municipal assembly’s meetings',
    async (email) => {
      const token = await demo.server.login(email);
      const r = await demo.server.gql('{ meetings { title body { name } } }', {}, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data!.meetings.filter((m: any) => m.body.name === 'Kuntakokous').map((m: any) => m.title)).toContain(
        'Kuntakokous 2/2026',
      );
    },
  );

  it('tells its history in the audit stream oldest first, in the order of time as well as of writing', async () => {
    const r = await demo.server.gql('{ changes(first: 1000) { edges { node { id at } } } }', {}, { token: demo.admin });
    expect(r.errors).toBeUndefined();
    // The seeded history is back-dated (an hour old at the least); other files' live writes on a shared database come
    // after it and may commit out of time order among themselves, as concurrent writes do.
    const times = r.data!.changes.edges.map((e: any) => Date.parse(e.node.at)).filter((t: number) => t < Date.now() - 3_600_000);
    expect(times.length).toBeGreaterThan(100);
    const inversions = times.filter((t: number, i: number) => i > 0 && t < times[i - 1]);
    expect(inversions).toEqual([]);
  });

  it('writes its history as done by the demo secretariat for its own party, as a live write would record it', async () => {
    const r = await demo.server.gql(
      '{ changes(first: 1000) { edges { node { at name actor { party { code } } party { code } } } } }',
      {},
      { token: demo.admin },
    );
    expect(r.errors).toBeUndefined();
    const seeded = r
      .data!.changes.edges.map((e: any) => e.node)
      .filter((n: any) => Date.parse(n.at) < Date.now() - 3_600_000 && n.actor);
    expect(seeded.length).toBeGreaterThan(100);
    const otherParty = seeded.filter((n: any) => n.party?.code !== n.actor.party?.code);
    expect(otherParty.map((n: any) => `${n.name}: ${n.party?.code} for ${n.actor.party?.code}`)).toEqual([]);
  });

  it("dates each party's newest seeded population on 31 December of the indicator data's newest year, with the same value and its source", async () => {
    const r = await demo.server.gql(
      `{ parties { id code kind populations { value referenceDate status source } }
         indicators { id code values { party { id } year value } } }`,
      {},
      { token: demo.admin },
    );
    const population = r.data!.indicators.find((i: any) => i.code === '127');
    const parties = r.data!.parties.filter((p: any) => p.code != null && /^\d{2,3}$/.test(p.code));
    const figures = parties.map((p: any) => ({ party: p, figure: p.populations.find((f: any) => f.source === DEMO_SOURCE) }));
    expect(figures.filter((f: any) => !f.figure).map((f: any) => f.party.code)).toEqual([]);
    const years = new Set<string>(figures.map((f: any) => f.figure.referenceDate));
    expect([...years]).toEqual([`${Math.max(...population.values.map((v: any) => v.year))}-12-31`]);
    const year = Number([...years][0]!.slice(0, 4));
    for (const { party, figure } of figures) {
      const value = population.values.find((v: any) => v.party.id === party.id && v.year === year)?.value;
      expect([party.code, figure.value, figure.status]).toEqual([party.code, value, 'FINAL']);
    }
    // The county's residents are the municipalities' residents.
    const sum = figures.filter((f: any) => f.party.kind === 'MUNICIPALITY').reduce((s: number, f: any) => s + f.figure.value, 0);
    expect(figures.find((f: any) => f.party.code === '15').figure.value).toBe(sum);
  });
});
