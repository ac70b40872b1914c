import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../server/lib/dates.js';
import { pdfText } from '../pdf-text.js';
import { DEMO, ok } from './factories.js';
import { startServer, type TestServer } from './helpers.js';
import { makePublishedMeeting } from './meeting-factory.js';

/**
 * Kuntalaki 140 §: personal data leaves the minutes published on the web once the appeal period has ended. From the
 * removal date on (`personalDataRemovalDue`, a day in Finland) every public read leaves the names out, whether or not
 * the secretariat has pressed `removePersonalData` yet: the /minutes page's API (one and the list), the PDF. The
 * meeting itself, read by the body's members and the secretariat, keeps its record as it was.
 */
let server: TestServer;
let token: Record<'admin' | 'county' | 'laukaa', string>;
beforeAll(async () => {
  server = await startServer();
  token = {
    admin: await server.login(DEMO.admin),
    county: await server.login(DEMO.county),
    laukaa: await server.login(DEMO.laukaa),
  };
});
afterAll(() => server?.stop());

const PUBLIC = `query ($id: ID!) { publishedMinutes(meetingId: $id) { personalDataRemoved personalDataRemovalDue chair secretary
  attendance { name deputyFor party status } checkers { name checkedAt } items { presenter preparer decision } minutesText } }`;
const LIST = '{ publishedMinutesList { meetingId personalDataRemoved chair attendance { name } checkers { name } } }';
const RECORD = `query ($id: ID!) { meeting(id: $id) { version personalDataRemovedAt viewerCan { removePersonalData }
  attendance { person { name } } minutesCheckers { person { name } checkedAt } } }`;

const gql = async (query: string, variables: Record<string, unknown> = {}, as?: string) => {
  const r = await server.gql<Record<string, any>>(query, variables, { token: as });
  ok(r, query.slice(0, 50));
  return r.data;
};
const setDue = (id: string, day: string) =>
  server.app.internals.database.db.execute(sql`update meetings set personal_data_removal_due = ${day} where id = ${id}`);
const pdf = async (id: string) => {
  const res = await fetch(`${server.url}/meetings/${id}/minutes.pdf?lang=fi`);
  expect(res.status).toBe(200);
  return pdfText(Buffer.from(await res.arrayBuffer()));
};

describe('published minutes past their removal date', () => {
  it('name no one in any public read, removed or not; the members and the secretariat read the record as before', async () => {
    const { id } = await makePublishedMeeting(server, token.admin);
    const record = async (as: string) => (await gql(RECORD, { id }, as)).meeting;
    const names: string[] = (await record(token.admin)).attendance.map((a: { person: { name: string } }) => a.person.name);
    expect(names).toHaveLength(2);
    const seen = { county: await record(token.county), laukaa: await record(token.laukaa) };

    // The appeal period runs until tomorrow: the public reads name them (anonymously, and signed in alike).
    await setDue(id, addDays(today(), 1));
    const before = (await gql(PUBLIC, { id })).publishedMinutes;
    expect(before).toMatchObject({ personalDataRemoved: false, chair: expect.any(String) });
    for (const name of names) {
      expect(JSON.stringify(before)).toContain(name);
      expect(await pdf(id)).toContain(name);
    }

    // The removal date was yesterday (in Finland) and no one has removed anything.
    const due = addDays(today(), -1);
    await setDue(id, due);
    for (const as of [undefined, token.county]) {
      const pm = (await gql(PUBLIC, { id }, as)).publishedMinutes;
      expect(pm).toMatchObject({ personalDataRemoved: true, personalDataRemovalDue: due, chair: null, secretary: null });
      expect(pm.attendance).toHaveLength(2);
      expect(pm.attendance.every((a: { name: unknown; deputyFor: unknown }) => a.name === null && a.deputyFor === null)).toBe(
        true,
      );
      expect(pm.checkers.map((c: { name: unknown; checkedAt: unknown }) => [c.name, typeof c.checkedAt])).toEqual([
        [null, 'string'],
        [null, 'string'],
      ]);
      for (const name of names) expect(JSON.stringify(pm)).not.toContain(name);
      const listed = (await gql(LIST, {}, as)).publishedMinutesList.find((m: { meetingId: string }) => m.meetingId === id);
      expect(listed).toMatchObject({ personalDataRemoved: true, chair: null });
      for (const name of names) expect(JSON.stringify(listed)).not.toContain(name);
    }
    const text = await pdf(id);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).toContain('Henkilötiedot on poistettu');

    // The record is the body's: its members read it as they did, and the stored copy waits for the secretariat.
    expect(await record(token.county)).toEqual(seen.county);
    expect(await record(token.laukaa)).toEqual(seen.laukaa);
    const admin = await record(token.admin);
    expect(admin).toMatchObject({ personalDataRemovedAt: null, viewerCan: { removePersonalData: true } });
    const overdue = (await gql('{ overduePersonalDataRemovals { id } }', {}, token.admin)).overduePersonalDataRemovals;
    expect(overdue.map((m: { id: string }) => m.id)).toContain(id);

    // The secretariat's removal still writes the stored copy, and the public reads stay as they were.
    const publicBefore = (await gql(PUBLIC, { id })).publishedMinutes;
    await gql(
      'mutation ($m: ID!, $v: Int!) { removePersonalData(meetingId: $m, expectedVersion: $v) { id } }',
      { m: id, v: admin.version },
      token.admin,
    );
    expect((await record(token.admin)).personalDataRemovedAt).toEqual(expect.any(String));
    expect((await gql(PUBLIC, { id })).publishedMinutes).toEqual(publicBefore);
  });
});
