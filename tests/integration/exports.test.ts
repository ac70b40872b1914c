import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiIso } from '../../server/lib/dates.js';
import { splitCsv } from '../../server/modules/analytics/indicators.csv.js';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';

let analystToken: string;
let analystTokenId: string;
const tag = unique('exp');
const party = new Map<string, string>();
let need: { id: string; createdAt: string };
let action: { id: string };

/** Parses a `;` CSV (as the export writes it) into header and rows keyed by header. */
function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...rest] = splitCsv(text.replace(/^\uFEFF/, ''), ';').map((r) => r.fields);
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

async function csv(path: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${demo.server.url}${path}`, {
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
  });
  return {
    status: res.status,
    res,
    ...(res.status === 200 ? parseCsv(await res.text()) : { header: [], rows: [] as Record<string, string>[] }),
  };
}

const demo = startDemo({ users: ['jyvaskyla', 'laukaa', 'analyst'] });
beforeAll(async () => {
  const created = (
    await demo.server.gql(
      'mutation { createApiToken(name: "exports", scopes: [READ]) { token apiToken { id } } }',
      {},
      { token: demo.token.analyst },
    )
  ).data!.createApiToken;
  analystToken = created.token;
  analystTokenId = created.apiToken.id;
  for (const p of (await demo.server.gql('{ parties { id code } }', {}, { token: demo.admin })).data!.parties)
    party.set(p.code, p.id);
  need = await factory.makeNeed<typeof need>(
    demo.server,
    demo.admin,
    { title: `${tag} asuminen`, themeCodes: ['HYTE'], municipalityIds: [party.get('179')!], priority: 'HIGH' },
    'id createdAt',
  );
  action = await factory.makeAction(demo.server, demo.admin, {
    needId: need.id,
    title: `${tag} toimenpide`,
    ownerPartyId: party.get('179'),
    dueDate: '2020-01-31',
  });
});

describe('the register export', () => {
  it('speaks the requested language: headers, labels, municipality code and name apart, times in Helsinki with offset', async () => {
    const { header, rows } = await csv(`/export/service-needs.csv?text=${encodeURIComponent(tag)}&lang=sv`, {
      token: demo.admin,
    });
    expect(header.slice(0, 3)).toEqual(['Id', 'Rubrik', 'Status']);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      Status: 'Identifierat',
      Prioritet: 'Hög',
      Målgrupper: 'Unga',
      Kommunkoder: '179',
      Kommuner: 'Jyväskylä',
    });
    expect(row.Teman).not.toBe('HYTE');
    expect(row.Skapad).toBe(helsinkiIso(new Date(need.createdAt)));
    expect(row.Skapad).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00$/);
  });

  it('takes Accept-Language without ?lang, Finnish without either, and keeps stable keys and codes with columns=keys', async () => {
    const path = `/export/service-needs.csv?text=${encodeURIComponent(tag)}`;
    expect((await csv(path, { token: demo.admin, headers: { 'accept-language': 'en-GB,en;q=0.9' } })).header.slice(0, 3)).toEqual(
      ['Id', 'Title', 'Status'],
    );
    const fi = await csv(path, { token: demo.admin });
    expect(fi.header.slice(0, 3)).toEqual(['Tunniste', 'Otsikko', 'Tila']);
    expect(fi.rows[0]!.Tila).toBe('Tunnistettu');
    const keys = await csv(`${path}&columns=keys&lang=sv`, { token: demo.admin });
    expect(keys.header.slice(0, 3)).toEqual(['id', 'title', 'status']);
    expect(keys.rows[0]).toMatchObject({
      status: 'IDENTIFIED',
      priority: 'HIGH',
      themes: 'HYTE',
      targetGroups: 'YOUTH',
      municipalityCodes: '179',
    });
  });

  it('writes the workbook in the language with moments as dates on the Helsinki clock that show their offset', async () => {
    const res = await fetch(`${demo.server.url}/export/service-needs.xlsx?text=${encodeURIComponent(tag)}&lang=en`, {
      headers: { authorization: `Bearer ${demo.admin}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Municipality codes');
    const created = sheet.getRow(2).getCell(header.indexOf('Created') + 1);
    const iso = helsinkiIso(new Date(need.createdAt));
    expect((created.value as Date).toISOString().slice(0, 19)).toBe(iso.slice(0, 19));
    expect(created.numFmt).toContain(iso.slice(19));
    expect(sheet.getRow(2).getCell(header.indexOf('Status') + 1).value).toBe('Identified');
  });

  it("counts a need's actions as the register does: a cancelled one in neither the total nor the done", async () => {
    const title = `${tag} peruttu toimenpide`;
    const counted = await factory.makeNeed(demo.server, demo.admin, { title, municipalityIds: [party.get('179')!] });
    const UPDATE =
      'mutation ($id: ID!, $v: Int!, $s: ActionStatus!) { updateAction(id: $id, expectedVersion: $v, input: { status: $s }) { id } }';
    for (const status of ['DONE', 'CANCELLED', 'PLANNED'] as const) {
      const made = await factory.makeAction(demo.server, demo.admin, { needId: counted.id, title: `${tag} ${status}` });
      if (status === 'PLANNED') continue;
      const set = await demo.server.gql(UPDATE, { id: made.id, v: made.version, s: status }, { token: demo.admin });
      expect(set.errors).toBeUndefined();
    }
    const api = await demo.server.gql(
      'query ($id: ID!) { serviceNeed(id: $id) { actionCounts { total done overdue } } }',
      { id: counted.id },
      { token: analystToken },
    );
    expect(api.data!.serviceNeed.actionCounts).toEqual({ total: 2, done: 1, overdue: 0 });
    const keys = await csv(`/export/service-needs.csv?columns=keys&text=${encodeURIComponent(title)}`, { token: analystToken });
    expect(keys.rows.map((r) => [r.actionsTotal, r.actionsDone, r.actionsOverdue])).toEqual([['2', '1', '0']]);
  });

  it('names both lead parties of a joint lead, in every format and language, and keeps contributors apart', async () => {
    const title = `${tag} yhteinen vastuu`;
    const joint = await factory.makeNeed(demo.server, demo.admin, {
      title,
      municipalityIds: [party.get('179')!, party.get('410')!],
    });
    const SET =
      'mutation ($n: ID!, $p: ID!, $r: ResponsibilityRole!) { setResponsibility(needId: $n, partyId: $p, role: $r) { id } }';
    for (const [code, r] of [
      ['179', 'LEAD'],
      ['410', 'LEAD'],
      ['15', 'CONTRIBUTOR'],
    ] as const) {
      const set = await demo.server.gql(SET, { n: joint.id, p: party.get(code), r }, { token: demo.admin });
      expect(set.errors).toBeUndefined();
    }
    const text = encodeURIComponent(title);
    // Before: `lead` was only Jyväskylä and Laukaa was nowhere in the row.
    const keys = await csv(`/export/service-needs.csv?columns=keys&text=${text}`, { token: analystToken });
    expect(keys.rows).toHaveLength(1);
    expect(keys.rows[0]!.lead).toBe('Jyväskylä, Laukaa');
    const county = (
      await demo.server.gql(
        'query ($id: ID!) { party(id: $id) { names { fi } } }',
        { id: party.get('15') },
        { token: demo.admin },
      )
    ).data!.party.names.fi;
    expect(keys.rows[0]!.contributors).toBe(county);
    const sv = await csv(`/export/service-needs.csv?text=${text}&lang=sv`, { token: analystToken });
    // In Swedish: Laukas.
    expect(sv.rows[0]!['Ansvarig part']).toBe('Jyväskylä, Laukas');
    const res = await fetch(`${demo.server.url}/export/service-needs.xlsx?text=${text}&lang=en`, {
      headers: { authorization: `Bearer ${analystToken}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(header.indexOf('Lead party') + 1).value).toBe('Jyväskylä, Laukaa');
  });
});

describe('the actions export', () => {
  it("gives a party's actions by official code exactly as partyActions shows them to the same caller", async () => {
    // Other files give Jyväskylä actions too (a shared PostgreSQL): read both until none came between them.
    const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();
    const { status, rows, api } = await eventually(
      async () => {
        const exported = await csv('/export/actions.csv?party=179', { token: demo.token.jyvaskyla });
        const api = await demo.server.gql(
          'query ($p: ID!) { partyActions(partyId: $p) { id } }',
          { p: party.get('179') },
          { token: demo.token.jyvaskyla },
        );
        const again = await csv('/export/actions.csv?party=179', { token: demo.token.jyvaskyla });
        return { ...exported, api, again };
      },
      ({ rows, again }) => isDeepStrictEqual(rows.map((r) => r.Tunniste).sort(), again.rows.map((r) => r.Tunniste).sort()),
      20_000,
      "Jyväskylä's actions unchanged between the export and partyActions",
    );
    expect(status).toBe(200);
    expect(rows.map((r) => r.Tunniste).sort()).toEqual(ids(api.data!.partyActions));
    expect(rows.find((r) => r.Tunniste === action.id)).toMatchObject({
      Toimenpide: `${tag} toimenpide`,
      Tila: 'Suunniteltu',
      Määräaika: '2020-01-31',
      Myöhässä: 'kyllä',
      'Osapuolen tunnus': '179',
      Osapuoli: 'Jyväskylä',
      Palvelutarve: `${tag} asuminen`,
      'Palvelutarpeen tila': 'Tunnistettu',
    });
  });

  it('refuses an unknown status or party by name, and logs a token export as a disclosure', async () => {
    const bad = await fetch(`${demo.server.url}/export/actions.csv?party=179&status=NOPE`, {
      headers: { authorization: `Bearer ${demo.admin}` },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.fields).toHaveProperty('status');
    expect((await csv('/export/actions.csv?party=999999', { token: demo.admin })).status).toBe(400);
    expect((await csv('/export/actions.xlsx?party=179')).status).toBe(401);
    const { rows } = await csv('/export/actions.csv?party=179&status=PLANNED&columns=keys', { token: analystToken });
    expect(rows.find((r) => r.id === action.id)).toMatchObject({ status: 'PLANNED', overdue: 'true' });
    // This token's disclosures: other files' tokens fill the whole log meanwhile (a shared PostgreSQL).
    const log = await demo.server.gql(
      'query ($t: ID) { disclosures(apiTokenId: $t, first: 50) { edges { node { rootFields query outcome } } } }',
      { t: analystTokenId },
      { token: demo.admin },
    );
    expect(log.data!.disclosures.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      rootFields: ['export.partyActions'],
      query: '/export/actions.csv?party=179&status=PLANNED&columns=keys',
      outcome: 'ok',
    });
  });
});

describe('the decisions and attendance exports', () => {
  const MEETING = `query ($id: ID!) { meeting(id: $id) { id agenda { id restricted decision decisionMode } attendance { status person { name } } } }`;

  it("give a meeting's decisions and attendance as the meeting shows them to the same caller", async () => {
    const list = await demo.server.gql('{ meetings { id title status } }', {}, { token: demo.admin });
    const held = list.data!.meetings.find((m: { title: string }) => m.title === 'Kuntakokous 1/2026');
    expect(held).toBeDefined();
    for (const token of [demo.admin, demo.token.laukaa]) {
      const view = (await demo.server.gql(MEETING, { id: held.id }, { token })).data!.meeting;
      const decisions = await csv(`/export/decisions.csv?meeting=${held.id}&lang=en`, { token });
      const attendance = await csv(`/export/attendance.csv?meeting=${held.id}&lang=en`, { token });
      // Every party has a seat in the municipal assembly: both see the meeting (a stranger's 404 is the next test).
      expect(view).toBeTruthy();
      const decided = view.agenda.filter(
        (i: { restricted: boolean; decision: string | null; decisionMode: string | null }) =>
          !i.restricted && (i.decision || i.decisionMode),
      );
      expect(decided.length).toBeGreaterThan(0);
      expect(decisions.rows.map((r) => r.Decision)).toEqual(decided.map((i: { decision: string | null }) => i.decision ?? ''));
      expect(decisions.rows[0]).toMatchObject({ Meeting: 'Kuntakokous 1/2026', 'Meeting id': held.id });
      expect(decisions.rows[0]!['Decision mode']).toMatch(/^(Unanimous|Vote|Tabled|Returned for preparation|Noted)$/);
      expect(decisions.rows[0]!['Starts at']).toMatch(/T\d\d:\d\d:\d\d\+0[23]:00$/);
      expect(attendance.rows.map((r) => [r.Person, r.Attendance]).sort()).toEqual(
        view.attendance
          .map((a: { status: string; person: { name: string } }) => [
            a.person.name,
            { PRESENT: 'Present', REMOTE: 'Remote', ABSENT: 'Absent' }[a.status],
          ])
          .sort(),
      );
      expect(attendance.rows.every((r) => /^\d{1,3}$/.test(r['Party code']!) && r.Party)).toBe(true);
    }
    // A meeting the caller may not see is not there for the exports either.
    const body = await factory.makeBody(demo.server, demo.admin, {}, [[factory.DEMO.jyvaskyla, 'CHAIR']]);
    const hidden = await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id });
    expect((await demo.server.gql(MEETING, { id: hidden.id }, { token: demo.token.laukaa })).data!.meeting).toBeNull();
    const refused = await Promise.all(
      ['decisions.csv', 'attendance.csv'].map((file) =>
        csv(`/export/${file}?meeting=${hidden.id}&lang=en`, { token: demo.token.laukaa }),
      ),
    );
    expect(refused.map((r) => r.status)).toEqual([404, 404]);
  });

  it('answers 404 for a meeting that is not there, 401 without credentials', async () => {
    expect((await csv(`/export/decisions.csv?meeting=${randomUUID()}`, { token: demo.admin })).status).toBe(404);
    expect((await csv('/export/attendance.xlsx?meeting=nope', { token: demo.admin })).status).toBe(400);
    expect((await csv('/export/decisions.csv')).status).toBe(401);
  });
});

describe('text with line breaks in the exports', () => {
  // Paragraph breaks as a textarea sends them (LF) and as old Mac files hold them (a lone CR); the decision has CRLF.
  const summary = 'Kappale 1\nKappale 2\rKappale 3';

  /**
   * The file's records as a strict reader reads them (`;`, a BOM, no relaxing of quotes or record lengths) that ends a
   * record at any line end outside quotes, as spreadsheets do (csv-parse would otherwise take only the first one it meets).
   */
  async function records(path: string, token: string): Promise<string[][]> {
    const res = await fetch(`${demo.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return parse(await res.text(), { delimiter: ';', bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  }

  /** The cell under `key` of a workbook's one data row. */
  async function workbookCell(path: string, token: string, key: string): Promise<unknown> {
    const res = await fetch(`${demo.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(2);
    return sheet.getRow(2).getCell(header.indexOf(key) + 1).value;
  }

  it('quote every field with a line break, so that each record stays one record, in the CSV and the workbook alike', async () => {
    const title = unique(`${tag} kappaleet`);
    const token = demo.token.jyvaskyla;
    const made = await factory.makeNeed(demo.server, token, { title, summary, municipalityIds: [party.get('179')!] });
    const description = 'Rivi 1\nRivi 2';
    const act = await factory.makeAction(demo.server, token, {
      needId: made.id,
      title: `${title} toimi`,
      description,
      ownerPartyId: party.get('179'),
    });
    // Before: a lone LF or CR went out unquoted and the row broke into records of the wrong length.
    const needs = await records(`/export/service-needs.csv?columns=keys&text=${encodeURIComponent(title)}`, token);
    expect(needs).toHaveLength(2);
    expect(needs[1]![needs[0]!.indexOf('summary')]).toBe(summary);
    const actions = await records('/export/actions.csv?party=179&columns=keys', token);
    expect(actions.find((r) => r[0] === act.id)?.[actions[0]!.indexOf('description')]).toBe(description);
    const xlsx = `/export/service-needs.xlsx?columns=keys&text=${encodeURIComponent(title)}`;
    // A workbook is XML, where every line end reads as LF (Excel's own line break in a cell): the paragraphs stay.
    expect(await workbookCell(xlsx, token, 'summary')).toBe(summary.replace(/\r\n?/g, '\n'));

    // A decision and its proposal, each of two paragraphs, in the decisions export.
    const body = await factory.makeBody(demo.server, demo.admin, {}, [[factory.DEMO.jyvaskyla, 'CHAIR']]);
    const meeting = await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id });
    const proposal = 'Esitetään:\n1. hyväksytään\n2. tiedoksi';
    const item = await factory.makeAgendaItem(
      demo.server,
      demo.admin,
      { meetingId: meeting.id, proposal },
      'id version meeting { version }',
    );
    let version: number = item.meeting.version;
    for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) {
      const moved = await demo.server.gql(
        'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { version } }',
        { id: meeting.id, v: version, to },
        { token: demo.admin },
      );
      expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
      version = moved.data!.transitionMeeting.version;
    }
    const present = await demo.server.gql(
      'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      {
        input: {
          meetingId: meeting.id,
          personId: (await factory.region(demo.server)).person(factory.DEMO.jyvaskyla),
          status: 'PRESENT',
        },
      },
      { token: demo.admin },
    );
    expect(present.errors, JSON.stringify(present.errors)).toBeUndefined();
    const decision = 'Hyväksyttiin.\r\nLisäksi merkittiin tiedoksi.';
    const decided = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $d: String) { recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: UNANIMOUS) { id } }',
      { id: item.id, v: item.version, d: decision },
      { token: demo.admin },
    );
    expect(decided.errors, JSON.stringify(decided.errors)).toBeUndefined();
    const decisions = await records(`/export/decisions.csv?meeting=${meeting.id}&columns=keys`, demo.admin);
    expect(decisions).toHaveLength(2);
    expect(decisions[1]![decisions[0]!.indexOf('proposal')]).toBe(proposal);
    expect(decisions[1]![decisions[0]!.indexOf('decision')]).toBe(decision);
  });
});
