import { describe, expect, it } from 'vitest';
import { startDemo, subscribe, unique } from './helpers.js';

const demo = startDemo({ users: ['jyvaskyla'] });

const PARTY = `id kind code name names { fi sv en } municipalForm subRegion version
  population { value referenceDate status source } populations { value referenceDate status source }`;

/** A party of its own for a test: parallel files and tests on one PostgreSQL must not edit the same row. */
async function someMunicipality(index: number) {
  const r = await demo.server.gql(`{ parties(kind: MUNICIPALITY) { ${PARTY} } }`, {}, { token: demo.admin });
  return r.data!.parties[index];
}

/** A year after every figure the party has, so a test's new figure is the latest even on a reused database. */
const yearAfterFigures = (party: any): number =>
  Math.max(2020, ...party.populations.map((f: any) => Number(f.referenceDate.slice(0, 4)))) + 1;

describe('reading parties', () => {
  it('lists the 22 municipalities, the county and the council with official codes and population figures', async () => {
    const r = await demo.server.gql(`{ parties { ${PARTY} } }`, {}, { token: demo.token.jyvaskyla });
    expect(r.errors).toBeUndefined();
    const parties = r.data!.parties;
    expect(parties).toHaveLength(24);
    const byCode = new Map(parties.map((p: any) => [p.code, p]));
    expect(byCode.get('179')).toMatchObject({
      kind: 'MUNICIPALITY',
      municipalForm: 'KAUPUNKI',
    });
    expect((byCode.get('179') as any).populations).toContainEqual({
      value: 143420,
      referenceDate: '2020-12-31',
      status: 'FINAL',
      source: 'Statistics Finland',
    });
    expect(byCode.get('077')).toMatchObject({ name: 'Hankasalmi', subRegion: 'Jyväskylä' });
    expect(byCode.get('15')).toMatchObject({ kind: 'WELLBEING_SERVICES_COUNTY' });
    expect(byCode.get('13')).toMatchObject({ kind: 'REGIONAL_COUNCIL' });
    const municipalities = parties.filter((p: any) => p.kind === 'MUNICIPALITY');
    expect(municipalities).toHaveLength(22);
    // The seeded figures (a reused database may hold later ones that tests added).
    const seeded = (p: any) => p.populations.find((f: any) => f.referenceDate === '2020-12-31' && f.status === 'FINAL').value;
    expect(municipalities.reduce((sum: number, p: any) => sum + seeded(p), 0)).toBe(272617);
  });

  it('filters by kind and answers one party by id, null for an unknown id', async () => {
    const r = await demo.server.gql(
      '{ parties(kind: WELLBEING_SERVICES_COUNTY) { id code } }',
      {},
      { token: demo.token.jyvaskyla },
    );
    expect(r.data!.parties).toEqual([{ id: expect.any(String), code: '15' }]);
    const one = await demo.server.gql(
      'query ($id: ID!) { party(id: $id) { code } }',
      { id: r.data!.parties[0].id },
      { token: demo.token.jyvaskyla },
    );
    expect(one.data!.party).toEqual({ code: '15' });
    const none = await demo.server.gql(
      '{ party(id: "00000000-0000-0000-0000-000000000000") { code } }',
      {},
      { token: demo.token.jyvaskyla },
    );
    expect(none.data!.party).toBeNull();
  });

  it('gives the name in the language the caller asks for', async () => {
    const q = '{ parties(kind: REGIONAL_COUNCIL) { name } }';
    const en = await demo.server.gql(q, {}, { token: demo.token.jyvaskyla, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const sv = await demo.server.gql(q, {}, { token: demo.token.jyvaskyla, headers: { 'accept-language': 'sv-FI' } });
    const fi = await demo.server.gql(q, {}, { token: demo.token.jyvaskyla });
    expect(en.data!.parties[0].name).toBe('Regional Council of Central Finland');
    expect(sv.data!.parties[0].name).toBe('Landskapsförbundet för Mellersta Finland');
    expect(fi.data!.parties[0].name).toBe('Keski-Suomen liitto');
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const r = await demo.server.gql('{ parties { id } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updating a party', () => {
  it('lets the secretariat change the names and bumps the version', async () => {
    const p = await someMunicipality(1);
    const names = { fi: p.names.fi, sv: `${p.names.fi} (sv)`, en: `${p.names.fi} municipality` };
    const r = await demo.server.gql(
      `mutation ($id: ID!, $v: Int!, $input: UpdatePartyInput!) { updateParty(id: $id, expectedVersion: $v, input: $input) { ${PARTY} } }`,
      { id: p.id, v: p.version, input: { names } },
      { token: demo.admin },
    );
    expect(r.errors).toBeUndefined();
    // Only the names were sent: the sub-region stays as it was.
    expect(r.data!.updateParty).toMatchObject({ names, version: p.version + 1, subRegion: p.subRegion });
    expect(p.subRegion).not.toBeNull();
    const history = await demo.server.app.internals.database.db.execute(
      `select actor_user_id, name, before, after from change_events where entity_id = '${p.id}' order by id desc limit 1` as never,
    );
    const row = (history as unknown as { rows: any[] }).rows[0];
    expect(row.name).toBe('party.updated');
    expect(row.before.names.en).toBe(p.names.en);
    expect(row.after.names.en).toBe(names.en);
  });

  it('keeps the Swedish and English names when only the Finnish one is sent', async () => {
    const list = await demo.server.gql(`{ parties(kind: REGIONAL_COUNCIL) { ${PARTY} } }`, {}, { token: demo.admin });
    const p = list.data!.parties[0];
    const r = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $fi: String!) { updateParty(id: $id, expectedVersion: $v, input: { names: { fi: $fi } }) { names { fi sv en } } }',
      { id: p.id, v: p.version, fi: p.names.fi },
      { token: demo.admin },
    );
    expect(r.data!.updateParty.names).toEqual({ fi: p.names.fi, sv: p.names.sv, en: p.names.en });
    expect(p.names.sv).not.toBeNull();
  });

  it('refuses a party representative with FORBIDDEN and changes nothing', async () => {
    const p = await someMunicipality(2);
    const r = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: "Elsewhere" }) { id } }',
      { id: p.id, v: p.version },
      { token: demo.token.jyvaskyla },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await someMunicipality(2)).version).toBe(p.version);
  });

  it('answers a stale expectedVersion with CONFLICT and the current version', async () => {
    const p = await someMunicipality(3);
    const m =
      'mutation ($id: ID!, $v: Int!, $s: String) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: $s }) { version } }';
    const first = await demo.server.gql(m, { id: p.id, v: p.version, s: unique('a') }, { token: demo.admin });
    expect(first.data!.updateParty.version).toBe(p.version + 1);
    const second = await demo.server.gql(m, { id: p.id, v: p.version, s: unique('b') }, { token: demo.admin });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: p.version + 1 });
  });

  it('names the field in BAD_USER_INPUT when the Finnish name is empty', async () => {
    const p = await someMunicipality(4);
    const r = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { updateParty(id: $id, expectedVersion: $v, input: { names: { fi: "  " } }) { id } }',
      { id: p.id, v: p.version },
      { token: demo.admin },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields).toHaveProperty(['input.names.fi']);
  });

  it('answers NOT_FOUND for a party that does not exist', async () => {
    const r = await demo.server.gql(
      'mutation { updateParty(id: "00000000-0000-0000-0000-000000000000", expectedVersion: 1, input: { subRegion: "x" }) { id } }',
      {},
      { token: demo.admin },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('population figures', () => {
  it("adds a dated figure that becomes the party's latest, and refuses a duplicate date and status", async () => {
    const p = await someMunicipality(5);
    const m = `mutation ($id: ID!, $input: PopulationFigureInput!) { addPopulationFigure(partyId: $id, input: $input) { version population { value referenceDate status } populations { referenceDate } } }`;
    const year = yearAfterFigures(p);
    const input = { value: 4100, referenceDate: `${year}-12-31`, status: 'PRELIMINARY', source: 'Statistics Finland' };
    const r = await demo.server.gql(m, { id: p.id, input }, { token: demo.admin });
    expect(r.errors).toBeUndefined();
    expect(r.data!.addPopulationFigure.population).toEqual({
      value: 4100,
      referenceDate: input.referenceDate,
      status: 'PRELIMINARY',
    });
    expect(r.data!.addPopulationFigure.version).toBe(p.version + 1);
    const again = await demo.server.gql(m, { id: p.id, input }, { token: demo.admin });
    expect(again.errors?.[0]?.extensions?.fields).toHaveProperty(['input.referenceDate']);
    const badDate = await demo.server.gql(
      m,
      { id: p.id, input: { ...input, referenceDate: '2025-02-30' } },
      { token: demo.admin },
    );
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rep = await demo.server.gql(
      m,
      { id: p.id, input: { ...input, referenceDate: '2024-12-31' } },
      { token: demo.token.jyvaskyla },
    );
    expect(rep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('partyChanged', () => {
  it("delivers a change made by one user to another user's subscription, with the actor", async () => {
    const p = await someMunicipality(6);
    const client = demo.server.ws(demo.token.jyvaskyla);
    const sub = await subscribe(
      demo.server,
      client,
      'subscription ($id: ID) { partyChanged(id: $id) { kind actor { displayName } party { id version subRegion } } }',
      { id: p.id },
    );
    const subRegion = unique('live');
    await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $s: String) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: $s }) { version } }',
      { id: p.id, v: p.version, s: subRegion },
      { token: demo.admin },
    );
    const event: any = await sub.next();
    expect(event.partyChanged).toEqual({
      kind: 'UPDATED',
      actor: { displayName: 'Sihteeristö (demo)' },
      party: { id: p.id, version: p.version + 1, subRegion },
    });
  });

  it('delivers a committed change and nothing from a rolled-back one', async () => {
    const p = await someMunicipality(7);
    const client = demo.server.ws(demo.token.jyvaskyla);
    const sub = await subscribe(
      demo.server,
      client,
      'subscription ($id: ID) { partyChanged(id: $id) { party { version subRegion } } }',
      { id: p.id },
    );
    const adminUser = (await demo.server.gql('{ me { id } }', {}, { token: demo.admin })).data!.me;
    const actor = {
      kind: 'user' as const,
      userId: adminUser.id,
      displayName: 'A',
      partyId: null,
      roles: ['SECRETARIAT' as const],
      via: 'session' as const,
    };
    await expect(
      demo.server.app.internals.write(actor, async ({ record }) => {
        await record({
          name: 'party.updated',
          entityType: 'party',
          entityId: p.id,
          kind: 'UPDATED',
          after: { subRegion: 'rolled back' },
        });
        throw new Error('roll back this write');
      }),
    ).rejects.toThrow('roll back this write');
    const subRegion = unique('committed');
    await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $s: String) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: $s }) { version } }',
      { id: p.id, v: p.version, s: subRegion },
      { token: demo.admin },
    );
    const event: any = await sub.next();
    expect(event.partyChanged.party).toEqual({ version: p.version + 1, subRegion });
    const rows = await demo.server.app.internals.database.db.execute(
      `select count(*)::int as n from change_events where entity_id = '${p.id}' and after->>'subRegion' = 'rolled back'` as never,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('answers each event with fresh nested data, not what an earlier event loaded', async () => {
    const p = await someMunicipality(8);
    const sub = await subscribe(
      demo.server,
      demo.server.ws(demo.token.jyvaskyla),
      'subscription ($id: ID) { partyChanged(id: $id) { party { version population { value referenceDate } } } }',
      { id: p.id },
    );
    const add = (value: number, referenceDate: string) =>
      demo.server.gql(
        'mutation ($id: ID!, $input: PopulationFigureInput!) { addPopulationFigure(partyId: $id, input: $input) { version } }',
        { id: p.id, input: { value, referenceDate, status: 'FINAL', source: 'Statistics Finland' } },
        { token: demo.admin },
      );
    const year = yearAfterFigures(p);
    await add(1111, `${year}-12-31`);
    expect(((await sub.next()) as any).partyChanged.party.population).toEqual({ value: 1111, referenceDate: `${year}-12-31` });
    await add(2222, `${year + 1}-12-31`);
    expect(((await sub.next()) as any).partyChanged.party.population).toEqual({
      value: 2222,
      referenceDate: `${year + 1}-12-31`,
    });
  });

  it('refuses the subscription to an anonymous socket', async () => {
    const sub = (await import('./helpers.js')).listen(demo.server.ws(), 'subscription { partyChanged { kind } }');
    await (await import('./helpers.js')).waitFor(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toContain('UNAUTHENTICATED');
  });
});
