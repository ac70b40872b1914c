import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { nextWhere, startDemo, subscribe, unique } from './helpers.js';

// A need's files follow one rule, the need's own: its readers list and download them (and hear of them live, and
// see them in its history), those who edit it add and delete them. The screen learns both from
// `attachmentPermissions`, the same standing `/attachments/<id>` checks.

const JKL = '179';
const COUNTY = '15';
const LAUKAA = '410';

const demo = startDemo({ users: ['jyvaskyla', 'county', 'laukaa'], region: true });

/** Posts a file the way the web client does: multipart, the session cookie, X-Requested-With. */
async function upload(needId: string, name: string, text: string, session: string) {
  const form = new FormData();
  form.set('targetType', 'SERVICE_NEED');
  form.set('targetId', needId);
  form.set('file', new Blob([text]), name);
  const res = await fetch(`${demo.server.url}/attachments`, {
    method: 'POST',
    headers: { 'x-requested-with': 'XMLHttpRequest', cookie: `yp_session=${session}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { attachment: { id: string; name: string } }).attachment;
}

const download = (id: string, session: string) =>
  fetch(`${demo.server.url}/attachments/${id}`, { headers: { cookie: `yp_session=${session}` } });

const FILES = `query ($id: ID!) { serviceNeed(id: $id) {
  attachments { id name } attachmentPermissions { read upload } } }`;
const SET = `mutation ($n: ID!, $p: ID!, $r: ResponsibilityRole!) { setResponsibility(needId: $n, partyId: $p, role: $r) { id } }`;
const HISTORY = `query ($id: ID!) { serviceNeed(id: $id) { history { name kind after before } } }`;
const PAGE_EVENTS = `subscription ($id: ID) { serviceNeedChanged(id: $id) {
  name need { id attachments { id name } attachmentPermissions { read upload } } historyEntry { name after before } } }`;

type PageEvent = {
  serviceNeedChanged: {
    name: string;
    need: { id: string; attachments: { id: string; name: string }[]; attachmentPermissions: { read: boolean; upload: boolean } };
    historyEntry: { name: string; after: Record<string, unknown> | null; before: Record<string, unknown> | null };
  };
};

/** A need Jyväskylä's representative recorded; the secretariat then names the county its lead. */
async function recordedThenLed() {
  const need = await factory.makeNeed(demo.server, demo.token.jyvaskyla, {
    title: unique('Liitetarve'),
    municipalityIds: [demo.region.party(JKL)],
  });
  const first = await upload(need.id, 'Liite eka.txt', 'Ensimmäinen liite\n', demo.token.jyvaskyla);
  const led = await demo.server.gql(SET, { n: need.id, p: demo.region.party(COUNTY), r: 'LEAD' }, { token: demo.token.admin });
  expect(led.errors).toBeUndefined();
  return { needId: need.id, first };
}

describe('one rule for listing and downloading a need’s files', () => {
  it('a reader who no longer edits is told they read (and do not add) exactly what they download', async () => {
    const { needId, first } = await recordedThenLed();

    const asReader = await demo.server.gql(FILES, { id: needId }, { token: demo.token.jyvaskyla });
    expect(asReader.errors).toBeUndefined();
    expect(asReader.data!.serviceNeed).toEqual({
      attachments: [{ id: first.id, name: 'Liite eka.txt' }],
      attachmentPermissions: { read: true, upload: false },
    });
    expect((await download(first.id, demo.token.jyvaskyla)).status).toBe(200);

    const asLead = await demo.server.gql(FILES, { id: needId }, { token: demo.token.county });
    expect(asLead.data!.serviceNeed.attachmentPermissions).toEqual({ read: true, upload: true });

    // An outsider reads neither the need nor its files.
    expect((await demo.server.gql(FILES, { id: needId }, { token: demo.token.laukaa })).data!.serviceNeed).toBeNull();
    expect((await download(first.id, demo.token.laukaa)).status).toBe(404);
  });
});

describe('live on the need page', () => {
  it('a file added or deleted reaches the need’s readers with the list and its line of history', async () => {
    const { needId } = await recordedThenLed();
    const reader = await subscribe<PageEvent>(demo.server, demo.server.ws(demo.token.jyvaskyla), PAGE_EVENTS, { id: needId });

    const second = await upload(needId, 'Liite toinen.txt', 'Toinen liite\n', demo.token.county);
    const added = (await nextWhere(reader, (e) => e.serviceNeedChanged.name === 'attachment.added')).match.serviceNeedChanged;
    expect(added.need.attachments.map((a) => a.name)).toEqual(['Liite eka.txt', 'Liite toinen.txt']);
    expect(added.need.attachmentPermissions).toEqual({ read: true, upload: false });
    expect(added.historyEntry).toMatchObject({ name: 'attachment.added', after: { name: 'Liite toinen.txt' } });

    const removed = await demo.server.gql(
      'mutation ($id: ID!) { deleteAttachment(id: $id) { id } }',
      { id: second.id },
      {
        token: demo.token.county,
      },
    );
    expect(removed.errors).toBeUndefined();
    const deleted = (await nextWhere(reader, (e) => e.serviceNeedChanged.name === 'attachment.deleted')).match.serviceNeedChanged;
    expect(deleted.need.attachments.map((a) => a.name)).toEqual(['Liite eka.txt']);
    expect(deleted.historyEntry).toMatchObject({ name: 'attachment.deleted', before: { name: 'Liite toinen.txt' } });
    reader.close();

    // The history keeps both, with the file's name, oldest first.
    const history = (await demo.server.gql(HISTORY, { id: needId }, { token: demo.token.jyvaskyla })).data!.serviceNeed
      .history as {
      name: string;
      after: { name?: string } | null;
      before: { name?: string } | null;
    }[];
    expect(history.filter((h) => h.name.startsWith('attachment.')).map((h) => [h.name, (h.after ?? h.before)?.name])).toEqual([
      ['attachment.added', 'Liite eka.txt'],
      ['attachment.added', 'Liite toinen.txt'],
      ['attachment.deleted', 'Liite toinen.txt'],
    ]);
  });

  it('a party named lead while its page is open hears that it may now add files', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Liitetarve'),
      municipalityIds: [demo.region.party(JKL)],
      partyIds: [demo.region.party(COUNTY)],
    });
    const county = await subscribe<PageEvent>(demo.server, demo.server.ws(demo.token.county), PAGE_EVENTS, { id: need.id });
    await demo.server.gql(SET, { n: need.id, p: demo.region.party(COUNTY), r: 'LEAD' }, { token: demo.token.admin });
    const led = (await nextWhere(county, (e) => e.serviceNeedChanged.name === 'responsibility.set')).match.serviceNeedChanged;
    expect(led.need.attachmentPermissions).toEqual({ read: true, upload: true });
    county.close();
  });

  it('a subscriber to every need hears only of the files of needs it reads', async () => {
    const hidden = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Liitetarve'),
      municipalityIds: [demo.region.party(JKL)],
    });
    const own = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Liitetarve'),
      municipalityIds: [demo.region.party(LAUKAA)],
    });
    const laukaa = await subscribe<PageEvent>(demo.server, demo.server.ws(demo.token.laukaa), PAGE_EVENTS, {});
    await upload(hidden.id, 'Salainen.txt', 'Ei Laukaalle\n', demo.token.admin);
    await upload(own.id, 'Laukaan.txt', 'Laukaalle\n', demo.token.admin);
    const { match, before } = await nextWhere(
      laukaa,
      (e) => e.serviceNeedChanged.name === 'attachment.added' && e.serviceNeedChanged.need.id === own.id,
    );
    expect(match.serviceNeedChanged.need.attachments.map((a) => a.name)).toEqual(['Laukaan.txt']);
    expect(before.map((e) => e.serviceNeedChanged.need.id)).not.toContain(hidden.id);
    laukaa.close();
  });
});
