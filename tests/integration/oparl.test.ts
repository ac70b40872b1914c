import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHelsinkiClock, helsinkiDay } from '../../server/lib/dates.js';
import { eventually, startServer, type TestServer } from './helpers.js';
import { makePublishedMeeting } from './meeting-factory.js';

/** The JSON Schemas written from the OParl 1.1 specification (schema/oparl), loaded from disk: no network. */
const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../schema/oparl');
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')))
  ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
const validator = (name: string): ValidateFunction => ajv.getSchema(`https://yhteispeli.example/schema/oparl/1.1/${name}.json`)!;

/** Fails with the schema's complaints and the object when it does not validate. */
function expectValid(name: string, value: unknown): void {
  const validate = validator(name);
  expect(validate, `schema ${name}`).toBeTypeOf('function');
  const ok = validate(value);
  expect(ok ? [] : { errors: validate.errors, value }).toEqual([]);
}

const typeName = (o: { type: string }) => o.type.replace('https://schema.oparl.org/1.1/', '');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

/** Every object of a list, following `links.next`; each page validated as a list and each object as its type. */
async function crawl(url: string): Promise<any[]> {
  const out: any[] = [];
  for (let next: string | undefined = url, pages = 0; next; pages++) {
    expect(pages).toBeLessThan(200);
    const page = await get(next);
    expect(page.status).toBe(200);
    expectValid('List', page.body);
    for (const o of page.body.data) expectValid(typeName(o), o);
    out.push(...page.body.data);
    next = page.body.links.next;
  }
  return out;
}

describe('GET /oparl/v1/system', () => {
  it('answers without signing in, as OParl 1.1 with CORS open, and every object in the feed validates', async () => {
    const system = await get(`${server.url}/oparl/v1/system`);
    expect(system.status).toBe(200);
    expect(system.headers.get('access-control-allow-origin')).toBe('*');
    expectValid('System', system.body);
    expect(system.body.oparlVersion).toBe('https://schema.oparl.org/1.1/');

    const bodies = await crawl(system.body.body);
    expect(bodies).toHaveLength(1);
    const body = bodies[0];
    for (const list of [
      'organization',
      'person',
      'meeting',
      'paper',
      'agendaItem',
      'consultation',
      'file',
      'legislativeTermList',
      'locationList',
      'membership',
    ]) {
      const objects = await crawl(body[list]);
      for (const o of objects) {
        // Every object is also served at its own id, the same as in the list. Other files write to a
        // shared PostgreSQL: an object one of them changed after the list was read is compared with
        // the list read again after it.
        const { alone, listed } = await eventually(
          async () => {
            const alone = await get(o.id);
            const listed = isDeepStrictEqual(alone.body, o) ? o : (await crawl(body[list])).find((x) => x.id === o.id);
            return { alone, listed };
          },
          ({ alone, listed }) => isDeepStrictEqual(alone.body, listed),
          10_000,
          `${o.id} alone as in its list`,
        );
        expect(alone.status).toBe(200);
        expectValid(typeName(o), alone.body);
        expect(alone.body).toEqual(listed);
      }
    }
  });

  it('has the published minutes with their public items, papers and files, and nothing unpublished or secret', async () => {
    // Other files may publish meetings of their own in a shared PostgreSQL; the demo region's are known.
    const meetings = await crawl(`${server.url}/oparl/v1/body/region/meeting`);
    expect(meetings.map((m) => m.name)).toContain('Kuntakokous 1/2026');
    expect(meetings.map((m) => m.name)).not.toContain('Kuntakokous 2/2026');
    const meeting = meetings.find((m) => m.name === 'Kuntakokous 1/2026')!;
    expect(meeting.resultsProtocol.accessUrl).toMatch(/\/meetings\/[0-9a-f-]+\/minutes\.pdf$/);
    expect((await fetch(meeting.resultsProtocol.accessUrl)).status).toBe(200);
    const items = meeting.agendaItem as any[];
    expect(items.length).toBeGreaterThan(1);
    expect(items.filter((i) => !i.public)).not.toEqual([]);
    for (const item of items.filter((i) => !i.public))
      expect(Object.keys(item).sort()).toEqual(
        ['created', 'id', 'meeting', 'modified', 'name', 'number', 'order', 'public', 'type', 'web', 'auxiliaryFile'].sort(),
      );

    const files = (await crawl(`${server.url}/oparl/v1/body/region/file`)).filter((f) => f.agendaItem);
    expect(files.length).toBeGreaterThan(0);
    const download = await fetch(files[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(files[0].mimeType);
    expect(Number(download.headers.get('content-length'))).toBe(files[0].size);

    const papers = await crawl(`${server.url}/oparl/v1/body/region/paper`);
    const withFile = papers.find((p) => p.auxiliaryFile?.some((f: any) => f.id === files[0].id));
    expect(withFile?.consultation[0]).toMatchObject({ meeting: meeting.id, authoritative: expect.any(Boolean) });
    const agreement = papers.find((p) => p.paperType === 'Yhteistyösopimus');
    expect(agreement?.consultation.length).toBeGreaterThan(0);
    const organizations = new Set((await crawl(`${server.url}/oparl/v1/body/region/organization`)).map((o) => o.id));
    for (const c of agreement.consultation) for (const org of c.organization) expect(organizations.has(org)).toBe(true);
  });

  it('pages lists by limit and page, with links to follow, and refuses bad parameters', async () => {
    // Other files publish meetings (and so agenda items) in a shared PostgreSQL: read the whole list, its
    // pages and a page's count until no publication fell between them.
    const { all, paged, second } = await eventually(
      async () => {
        const all = await crawl(`${server.url}/oparl/v1/body/region/agendaItem`);
        const paged = await crawl(`${server.url}/oparl/v1/body/region/agendaItem?limit=2`);
        const second = await get(`${server.url}/oparl/v1/body/region/agendaItem?limit=2&page=2`);
        const again = await crawl(`${server.url}/oparl/v1/body/region/agendaItem`);
        return { all, paged, second, again };
      },
      ({ all, paged, second, again }) =>
        isDeepStrictEqual(
          again.map((i) => i.id),
          all.map((i) => i.id),
        ) &&
        paged.length === all.length &&
        second.body.pagination?.totalElements === all.length,
      20_000,
      'the agenda items unchanged while they were paged',
    );
    expect(paged.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(second.body.pagination).toEqual({
      totalElements: all.length,
      elementsPerPage: 2,
      currentPage: 2,
      totalPages: Math.ceil(all.length / 2),
    });
    expect(second.body.links.prev).toMatch(/limit=2&page=1$/);
    const future = await get(`${server.url}/oparl/v1/body/region/agendaItem?created_since=2200-01-01T00:00:00Z`);
    expect(future.body.data).toEqual([]);
    const bad = await get(`${server.url}/oparl/v1/body/region/agendaItem?limit=1000`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { limit: expect.any(String) } });
    expect((await get(`${server.url}/oparl/v1/meeting/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });

  it('names people only until personal data is removed from the minutes', async () => {
    const personIds = async () => new Set((await crawl(`${server.url}/oparl/v1/body/region/person`)).map((p) => p.id));
    // Minutes of its own that name the two persons present (the demo minutes are every file's on a shared PostgreSQL).
    const admin = await server.login('admin@demo.local');
    const { id } = await makePublishedMeeting(server, admin);
    // Its appeal period still running, the feed names them.
    const meeting = (await crawl(`${server.url}/oparl/v1/body/region/meeting`)).find((m) => m.id.split('/').pop() === id)!;
    const named = meeting.participant as string[];
    expect(named).toHaveLength(2);
    const before = await personIds();
    for (const p of named) expect(before.has(p)).toBe(true);
    // Its appeal period over (as meetings-record.test.ts does): the removal is allowed, and the feed names no one
    // from that day on, removed or not yet.
    await server.app.internals.database.db.execute(
      sql`update meetings set personal_data_removal_due = '2020-01-01' where id = ${id}`,
    );
    expect((await get(meeting.id)).body.participant).toEqual([]);
    // The names left the copy on that day with no write: `modified` says so (not the older last write), so a
    // harvester that syncs what changed since then fetches the meeting again, without the names.
    const yesterday = helsinkiDay(new Date(Date.now() - 86_400_000));
    await server.app.internals.database.db.execute(
      sql`update meetings set personal_data_removal_due = ${yesterday}, updated_at = '2020-01-01T00:00:00Z' where id = ${id}`,
    );
    const dueStart = atHelsinkiClock(yesterday, 0);
    const scrubbed = (await get(meeting.id)).body;
    expect({ participant: scrubbed.participant, modified: Date.parse(scrubbed.modified) }).toEqual({
      participant: [],
      modified: dueStart.getTime(),
    });
    const since = await get(
      `${server.url}/oparl/v1/body/region/meeting?modified_since=${new Date(dueStart.getTime() - 1000).toISOString()}`,
    );
    expect((since.body.data as { id: string }[]).map((m) => m.id)).toContain(meeting.id);

    const version = (await server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, { token: admin })).data!
      .meeting.version;
    const removed = await server.gql(
      'mutation ($id: ID!, $v: Int!) { removePersonalData(meetingId: $id, expectedVersion: $v) { id } }',
      { id, v: version },
      { token: admin },
    );
    expect(removed.errors).toBeUndefined();
    const after = await personIds();
    // A person stays listed only while other published minutes still name them (a shared PostgreSQL holds
    // other files' meetings too); the meetings are read after the persons, so later publications only add.
    const stillNamed = new Set(
      (await crawl(`${server.url}/oparl/v1/body/region/meeting`)).flatMap((m) => (m.participant ?? []) as string[]),
    );
    expect([...after].filter((p) => !stillNamed.has(p))).toEqual([]);
    const again = (await get(meeting.id)).body;
    expect(again.participant).toEqual([]);
    expectValid('Meeting', again);
  });
});
