import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR_MARKER } from '../../server/modules/attachments/attachments.scan.js';
import type { AddAgendaItemInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, startDemo, startServer, unique, type TestServer } from './helpers.js';

const MAX = 20 * 1024 * 1024;

const demo = startDemo({ users: ['jyvaskyla', 'laukaa', 'analyst'] });

/** Posts a file the way the web client does: multipart, the session cookie, X-Requested-With. */
async function upload(
  target: { targetType: string; targetId: string },
  file: { name: string; bytes: Buffer | string },
  opts: { as?: string | null; headers?: Record<string, string>; bearer?: string; via?: TestServer } = {},
) {
  const form = new FormData();
  form.set('targetType', target.targetType);
  form.set('targetId', target.targetId);
  form.set('file', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)]), file.name);
  const session = opts.as === undefined ? demo.token.admin : opts.as;
  const res = await fetch(`${(opts.via ?? demo.server).url}/attachments`, {
    method: 'POST',
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      ...(session ? { cookie: `yp_session=${session}` } : {}),
      ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}),
      ...opts.headers,
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const download = (id: string, session?: string, via = demo.server) =>
  fetch(`${via.url}/attachments/${id}`, { headers: session ? { cookie: `yp_session=${session}` } : {} });

/** A need recorded by the secretariat for Jyväskylä (Jyväskylä's representative reads it but does not lead it). */
async function makeNeed(via = demo.server, as = demo.token.admin!) {
  const jkl = (await factory.region(via)).party('179');
  return (await factory.makeNeed(via, as, { title: unique('Liitetarve'), municipalityIds: [jkl] })).id;
}

const NEED_FILES =
  'query ($id: ID!) { serviceNeed(id: $id) { attachments { id name size contentType createdBy { email } downloadUrl } attachmentPermissions { upload } } }';

describe('uploading and downloading', () => {
  it('keeps a file on a need in one audited write and gives the same bytes back', async () => {
    const needId = await makeNeed();
    const text = 'Pöytäkirjan liite: yhteinen tilannekuva\n';
    const up = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'C:\\temp\\Tilanne<kuva>.txt', bytes: text },
    );
    expect(up.status).toBe(201);
    expect(up.body.attachment).toMatchObject({
      name: 'Tilanne_kuva_.txt',
      contentType: 'text/plain',
      size: Buffer.byteLength(text),
    });

    const listed = (await demo.server.gql(NEED_FILES, { id: needId }, { token: demo.token.admin })).data!.serviceNeed;
    expect(listed.attachmentPermissions.upload).toBe(true);
    expect(listed.attachments).toEqual([
      expect.objectContaining({ id: up.body.attachment.id, createdBy: { email: 'admin@demo.local' } }),
    ]);

    const res = await download(up.body.attachment.id, demo.token.jyvaskyla);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Tilanne_kuva_.txt"; filename*=UTF-8''Tilanne_kuva_.txt`,
    );
    expect(await res.text()).toBe(text);

    const events = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID!) { changes(entityType: "attachment", entityId: $id) { edges { node { kind after actor { email } } } } }',
          { id: up.body.attachment.id },
          { token: demo.token.admin },
        ),
      (r) => (r.data?.changes.edges.length ?? 0) > 0,
    );
    expect(events.data!.changes.edges[0].node).toMatchObject({
      kind: 'CREATED',
      actor: { email: 'admin@demo.local' },
      after: { name: 'Tilanne_kuva_.txt', targetId: needId },
    });
  });

  it('refuses a file over 20 MB with 413 and keeps nothing', async () => {
    const needId = await makeNeed();
    const big = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'iso.txt', bytes: Buffer.alloc(MAX + 1, 0x61) },
    );
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: MAX,
      fields: { file: expect.any(String) },
    });
    const exact = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'raja.txt', bytes: Buffer.alloc(MAX, 0x61) },
    );
    expect(exact.status).toBe(201);
    const kept = (await demo.server.gql(NEED_FILES, { id: needId }, { token: demo.token.admin })).data!.serviceNeed.attachments;
    expect(kept.map((a: { name: string; size: number }) => [a.name, a.size])).toEqual([['raja.txt', MAX]]);
  });

  it('refuses types off the whitelist and markup dressed as text', async () => {
    const needId = await makeNeed();
    const exe = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'setup.exe', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) },
    );
    expect(exe.status).toBe(400);
    expect(exe.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { file: expect.any(String) } });
    const html = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'liite.txt', bytes: '<html><script>alert(1)</script></html>' },
    );
    expect(html.status).toBe(400);
  });
});

describe('file names as browsers send them', () => {
  it('keeps the name the user chose when it holds quotes or line breaks (sent as %22, %0D, %0A), and a typed %41 as typed', async () => {
    const needId = await makeNeed();
    const target = { targetType: 'SERVICE_NEED', targetId: needId };
    const pdf = await upload(target, { name: 'weird "x".pdf', bytes: '%PDF-1.7\n%%EOF\n' });
    expect(pdf.status).toBe(201);
    expect(pdf.body.attachment.name).toBe('weird _x_.pdf');
    const res = await download(pdf.body.attachment.id, demo.token.admin);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="weird _x_.pdf"; filename*=UTF-8''weird%20_x_.pdf`);
    await res.arrayBuffer();
    const broken = await upload(target, { name: 'rivi\r\nvaihto.txt', bytes: 'x' });
    expect(broken.body.attachment.name).toBe('rivivaihto.txt');
    const typed = await upload(target, { name: 'alennus %41 100%.txt', bytes: 'x' });
    expect(typed.body.attachment.name).toBe('alennus %41 100%.txt');
  });
});

describe('who may attach', () => {
  it('says which header a cross-site refusal wants: X-Requested-With when it is missing, Origin when it is foreign', async () => {
    const target = { targetType: 'SERVICE_NEED', targetId: await makeNeed() };
    const file = { name: 'a.txt', bytes: 'x' };
    const bare = await upload(target, file, { headers: { 'x-requested-with': '' } });
    expect(bare.status).toBe(403);
    expect(bare.body.errors[0]).toMatchObject({
      message: expect.stringContaining('send the header X-Requested-With'),
      extensions: { code: 'FORBIDDEN', header: 'X-Requested-With' },
    });
    const foreign = await upload(target, file, { headers: { origin: 'https://evil.example' } });
    expect(foreign.body.errors[0]).toMatchObject({
      message: expect.stringContaining('ALLOWED_ORIGINS'),
      extensions: { code: 'FORBIDDEN', header: 'Origin' },
    });
  });

  it('documents the upload and its header where the schema describes attachments', async () => {
    const r = await demo.server.gql('{ __type(name: "Attachment") { description } }', {}, { token: demo.token.admin });
    expect(r.data!.__type.description).toContain('POST /attachments');
    expect(r.data!.__type.description).toContain('X-Requested-With');
  });

  it('needs the right to edit the record: not a reader, not an outsider, not an analyst', async () => {
    const needId = await makeNeed();
    const target = { targetType: 'SERVICE_NEED', targetId: needId };
    const file = { name: 'a.txt', bytes: 'x' };
    expect((await upload(target, file, { as: demo.token.jyvaskyla })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await upload(target, file, { as: demo.token.laukaa })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await upload(target, file, { as: demo.token.analyst })).status).toBe(403);
    expect((await upload(target, file, { as: null })).status).toBe(401);
    // With the target in the query string the right is checked before the body is read.
    const early = await fetch(`${demo.server.url}/attachments?targetType=SERVICE_NEED&targetId=${needId}`, {
      method: 'POST',
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        cookie: `yp_session=${demo.token.jyvaskyla}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
      body: '--x--\r\n',
    });
    expect(early.status).toBe(403);
    const perms = (await demo.server.gql(NEED_FILES, { id: needId }, { token: demo.token.jyvaskyla })).data!.serviceNeed
      .attachmentPermissions;
    expect(perms.upload).toBe(false);
  });

  it('refuses API tokens, cross-site posts and agreements for anyone but the secretariat', async () => {
    const needId = await makeNeed();
    const apiToken = (
      await demo.server.gql('mutation { createApiToken(name: "t", scopes: [READ]) { token } }', {}, { token: demo.token.analyst })
    ).data!.createApiToken.token;
    const target = { targetType: 'SERVICE_NEED', targetId: needId };
    const file = { name: 'a.txt', bytes: 'x' };
    expect((await upload(target, file, { as: null, bearer: apiToken })).status).toBe(403);
    expect((await upload(target, file, { headers: { 'x-requested-with': '' } })).status).toBe(403);
    expect((await upload(target, file, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await upload(target, file, { headers: { origin: demo.server.url } })).status).toBe(201);

    const agreementId = (await demo.server.gql('{ agreements { id } }', {}, { token: demo.token.admin })).data!.agreements[0].id;
    const onAgreement = { targetType: 'AGREEMENT', targetId: agreementId };
    expect((await upload(onAgreement, file, { as: demo.token.jyvaskyla })).status).toBe(403);
    const ok = await upload(onAgreement, { name: 'sopimus.txt', bytes: 'Sopimusteksti' });
    expect(ok.status).toBe(201);
    const seen = (
      await demo.server.gql(
        'query ($id: ID!) { agreement(id: $id) { attachments { id } } }',
        { id: agreementId },
        { token: demo.token.laukaa },
      )
    ).data!.agreement;
    expect(seen.attachments.map((a: { id: string }) => a.id)).toContain(ok.body.attachment.id);
    expect((await download(ok.body.attachment.id)).status).toBe(404);
  });
});

/** A meeting of a body of its own with a public and a secret item, agenda still editable. */
async function meetingWithItems() {
  const body = await factory.makeBody(demo.server, demo.token.admin!, { names: { fi: unique('Liiteelin') }, tier: 'STEERING' });
  const { id: meetingId } = await factory.makeMeeting(demo.server, demo.token.admin!, { bodyId: body.id });
  type Item = { id: string; section: number | null; title: string; publicity: string };
  const add = (input: Partial<AddAgendaItemInput>) =>
    factory.makeAgendaItem<Item>(demo.server, demo.token.admin!, { meetingId, ...input }, 'id section title publicity');
  const open = await add({ title: unique('Julkinen asia') });
  const secret = await add({ title: unique('Salainen asia'), publicity: 'SECRET', legalBasis: 'JulkL 24.1 § 25 k' });
  return { meetingId, open, secret };
}

/**
 * Marks the meeting PUBLISHED with a public copy, directly in the database: this file is about
 * attachments, and the rules for reaching PUBLISHED (checkers, quorum, decisions) are their own tests'.
 */
async function markPublished(meetingId: string, items: { section: number | null; title: string; publicity: string }[]) {
  const copy = {
    bodyName: { fi: 'Liiteelin' },
    title: 'Kokous',
    startsAt: '2026-11-28T09:00:00.000Z',
    location: null,
    chair: null,
    secretary: null,
    attendance: [],
    items: items.map((i) => ({
      ...i,
      legalBasis: null,
      caseNumber: null,
      presenter: null,
      preparer: null,
      proposal: null,
      handling: null,
      decision: null,
      decisionMode: null,
      votes: null,
    })),
    minutesText: '',
  };
  await demo.server.app.internals.database.db.execute(
    sql`update meetings set status = 'PUBLISHED', published_at = now(), published = ${JSON.stringify(copy)}::jsonb where id = ${meetingId}`,
  );
}

describe('public items of published minutes', () => {
  it('are downloadable by anyone once published, and a secret item’s files never are', async () => {
    const { meetingId, open, secret } = await meetingWithItems();
    const pub = await upload({ targetType: 'AGENDA_ITEM', targetId: open.id }, { name: 'liite.pdf', bytes: '%PDF-1.4\n%demo\n' });
    const sec = await upload(
      { targetType: 'AGENDA_ITEM', targetId: secret.id },
      { name: 'salainen.txt', bytes: 'salassa pidettävä' },
    );
    expect([pub.status, sec.status]).toEqual([201, 201]);
    expect(pub.body.attachment.contentType).toBe('application/pdf');
    expect((await download(pub.body.attachment.id)).status).toBe(404);

    await markPublished(meetingId, [open, secret]);
    const res = await download(pub.body.attachment.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((await download(sec.body.attachment.id)).status).toBe(404);
    expect((await download(sec.body.attachment.id, demo.token.analyst)).status).toBe(404);
    expect((await download(sec.body.attachment.id, demo.token.admin)).status).toBe(200);
    // An id that is no attachment's at all (not even a UUID) is the same 404, not a database error.
    const malformed = await download('not-an-attachment', demo.token.admin);
    expect({ status: malformed.status, code: ((await malformed.json()) as any).errors?.[0]?.extensions?.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });

    const minutes = (
      await demo.server.gql(
        'query ($id: ID!) { publishedMinutes(meetingId: $id) { attachments { itemSection itemTitle attachment { id name downloadUrl createdBy { email } } } } }',
        { id: meetingId },
      )
    ).data!.publishedMinutes;
    expect(minutes.attachments).toEqual([
      {
        itemSection: open.section,
        itemTitle: open.title,
        attachment: {
          id: pub.body.attachment.id,
          name: 'liite.pdf',
          downloadUrl: `/attachments/${pub.body.attachment.id}`,
          createdBy: null,
        },
      },
    ]);
    // Published: the agenda is closed, and so are its files.
    const late = await upload({ targetType: 'AGENDA_ITEM', targetId: open.id }, { name: 'myohassa.txt', bytes: 'x' });
    expect(late.status).toBe(403);
  });
});

describe('deleting', () => {
  it('is the editor’s, audited, and the file is gone for everyone', async () => {
    const needId = await makeNeed();
    const up = await upload({ targetType: 'SERVICE_NEED', targetId: needId }, { name: 'poistettava.txt', bytes: 'x' });
    const DELETE = 'mutation ($id: ID!) { deleteAttachment(id: $id) { id name } }';
    const refused = await demo.server.gql(DELETE, { id: up.body.attachment.id }, { token: demo.token.jyvaskyla });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const outsider = await demo.server.gql(DELETE, { id: up.body.attachment.id }, { token: demo.token.laukaa });
    expect(outsider.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const done = await demo.server.gql(DELETE, { id: up.body.attachment.id }, { token: demo.token.admin });
    expect(done.data!.deleteAttachment).toEqual({ id: up.body.attachment.id, name: 'poistettava.txt' });
    expect((await download(up.body.attachment.id, demo.token.admin)).status).toBe(404);
    const events = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID!) { changes(entityType: "attachment", entityId: $id) { edges { node { kind before } } } }',
          { id: up.body.attachment.id },
          { token: demo.token.admin },
        ),
      (r) => (r.data?.changes.edges.length ?? 0) === 2,
    );
    expect(events.data!.changes.edges.map((e: any) => e.node.kind)).toEqual(['CREATED', 'DELETED']);
    expect(events.data!.changes.edges[1].node.before).toMatchObject({ name: 'poistettava.txt' });
  });
});

describe('on disk, with a scanner', () => {
  let disk: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yp-attachments-'));
    disk = await startServer({ ATTACHMENTS_STORE: 'disk', ATTACHMENTS_DIR: dir, ATTACHMENTS_SCANNER: 'eicar-test' });
  });
  afterAll(async () => {
    await disk?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const filesOnDisk = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.incoming'));

  it('keeps the bytes in a file under ATTACHMENTS_DIR and removes it on delete', async () => {
    const admin = await disk.login('admin@demo.local');
    const needId = await makeNeed(disk, admin);
    const up = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'levy.txt', bytes: 'levyllä' },
      { as: admin, via: disk },
    );
    expect(up.status).toBe(201);
    const file = path.join(dir, up.body.attachment.id.slice(0, 2), up.body.attachment.id);
    expect(existsSync(file)).toBe(true);
    expect(await (await download(up.body.attachment.id, admin, disk)).text()).toBe('levyllä');
    await disk.gql('mutation ($id: ID!) { deleteAttachment(id: $id) { id } }', { id: up.body.attachment.id }, { token: admin });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file the scan hook rejects, before anything is stored', async () => {
    const admin = await disk.login('admin@demo.local');
    const needId = await makeNeed(disk, admin);
    const before = filesOnDisk().length;
    const infected = `X5O!P%@AP[4\\PZX54(P^)7CC)7}$${EICAR_MARKER}!$H+H*`;
    const r = await upload(
      { targetType: 'SERVICE_NEED', targetId: needId },
      { name: 'eicar.txt', bytes: infected },
      { as: admin, via: disk },
    );
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { file: expect.stringMatching(/EICAR/) },
    });
    expect(filesOnDisk().length).toBe(before);
    expect((await disk.gql(NEED_FILES, { id: needId }, { token: admin })).data!.serviceNeed.attachments).toEqual([]);
    expect(readdirSync(path.join(dir, '.incoming'))).toEqual([]);
  });
});
