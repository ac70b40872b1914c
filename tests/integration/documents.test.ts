import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import { documents } from '../../server/modules/documents/documents.table.js';
import { legacyTextUpdate, paragraphUpdate, textOf, typeText } from '../minutes-doc.js';
import type { UserActor } from '../../server/auth/actor.js';
import { makeAccount } from './factories.js';
import { honouringRateLimit, startDemo, subscribe, unique, waitFor } from './helpers.js';

/**
 * The documents mechanism is shared by meetings and needs; here a test owner
 * type stands in for them: the owner (the user id before the slash) edits, every signed-in user
 * but the analyst reads.
 */
let ids: Record<string, string>;

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
const STATE = 'query ($d: ID!, $sv: String) { documentState(id: $d, stateVector: $sv) }';

// A low threshold so that compaction happens after a few dozen updates instead of 300.
// A low flood limit so that a burst of requests exceeds it however fast this machine is.
const demo = startDemo({
  env: { DOCUMENT_COMPACT_AFTER: '12', DOCUMENT_UPDATES_PER_SECOND: '8' },
  users: ['jyvaskyla', 'laukaa', 'analyst'],
});
beforeAll(async () => {
  ids = {};
  for (const [name, token] of Object.entries({
    admin: demo.admin,
    jyvaskyla: demo.token.jyvaskyla,
    laukaa: demo.token.laukaa,
    analyst: demo.token.analyst,
  })) {
    ids[name] = (await demo.server.gql('{ me { id } }', {}, { token })).data!.me.id;
  }
  demo.server.app.internals.services.documents.policy.register('TEST_NOTE', {
    canRead: async (actor) => actor.kind === 'user' && !actor.roles.includes('ANALYST'),
    editLock: async (actor, ownerId) => (actor.kind === 'user' && ownerId.startsWith(`${actor.userId}/`) ? null : 'NOT_ALLOWED'),
  });
});

/** A new document owned (edited) by the given user. */
async function newDocument(ownerUserId: string): Promise<string> {
  const actor: UserActor = { kind: 'user', userId: ownerUserId, displayName: 'owner', partyId: null, roles: [], via: 'session' };
  const doc = await demo.server.app.internals.write(actor, ({ tx }) =>
    demo.server.app.internals.services.documents.createInTx(tx, 'TEST_NOTE', `${ownerUserId}/${unique('doc')}`),
  );
  return doc.id;
}

function typeInto(doc: Y.Doc, text: string, at?: number): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => (update = u);
  doc.once('update', capture);
  typeText(doc, text, at);
  return update;
}

describe('co-edited documents', () => {
  it('stores an update before acknowledging it with the new version, and rebuilds the text from the database', async () => {
    const id = await newDocument(ids.jyvaskyla!);
    const doc = new Y.Doc();
    const r1 = await demo.server.gql(
      PUSH,
      { d: id, u: b64(typeInto(doc, 'Kokous avattiin. ')) },
      { token: demo.token.jyvaskyla },
    );
    expect(r1.data?.pushDocumentUpdate).toBe(1);
    const r2 = await demo.server.gql(PUSH, { d: id, u: b64(typeInto(doc, 'Päätös tehtiin.')) }, { token: demo.token.jyvaskyla });
    expect(r2.data?.pushDocumentUpdate).toBe(2);

    const fresh = new Y.Doc();
    const state = await demo.server.gql(STATE, { d: id }, { token: demo.token.laukaa });
    Y.applyUpdate(fresh, bytes(state.data!.documentState));
    expect(textOf(fresh)).toBe('Kokous avattiin. Päätös tehtiin.');
    const read = await demo.server.gql(
      'query ($d: ID!) { document(id: $d) { text version canEdit } }',
      { d: id },
      { token: demo.token.laukaa },
    );
    expect(read.data?.document).toEqual({ text: 'Kokous avattiin. Päätös tehtiin.', version: 2, canEdit: false });
  });

  it('answers a state vector with only what it lacks, and a duplicate update changes nothing', async () => {
    const id = await newDocument(ids.jyvaskyla!);
    const a = new Y.Doc();
    const first = typeInto(a, 'one');
    await demo.server.gql(PUSH, { d: id, u: b64(first) }, { token: demo.token.jyvaskyla });
    const b = new Y.Doc();
    Y.applyUpdate(b, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.token.laukaa })).data!.documentState));
    await demo.server.gql(PUSH, { d: id, u: b64(typeInto(a, ' two')) }, { token: demo.token.jyvaskyla });
    await demo.server.gql(PUSH, { d: id, u: b64(first) }, { token: demo.token.jyvaskyla });
    const diff = await demo.server.gql(STATE, { d: id, sv: b64(Y.encodeStateVector(b)) }, { token: demo.token.laukaa });
    Y.applyUpdate(b, bytes(diff.data!.documentState));
    expect(textOf(b)).toBe('one two');
    const text = await demo.server.gql('query ($d: ID!) { document(id: $d) { text } }', { d: id }, { token: demo.token.laukaa });
    expect(text.data?.document.text).toBe('one two');
  });

  it('delivers each committed update to another reader with its version and actor', async () => {
    const id = await newDocument(ids.jyvaskyla!);
    const sub = await subscribe(
      demo.server,
      demo.server.ws(demo.token.laukaa),
      'subscription ($d: ID!) { documentUpdated(documentId: $d) { update version actor { displayName } } }',
      { d: id },
    );
    const doc = new Y.Doc();
    const update = typeInto(doc, 'live');
    await demo.server.gql(PUSH, { d: id, u: b64(update) }, { token: demo.token.jyvaskyla });
    const event: any = await sub.next();
    expect(event.documentUpdated.version).toBe(1);
    expect(event.documentUpdated.actor.displayName).toBe('Jyväskylän edustaja (demo)');
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, bytes(event.documentUpdated.update));
    expect(textOf(mirror)).toBe('live');
  });

  it('refuses updates from a reader who may not edit (FORBIDDEN) and hides the document from one who may not read (NOT_FOUND)', async () => {
    const id = await newDocument(ids.jyvaskyla!);
    const u = b64(typeInto(new Y.Doc(), 'x'));
    expect((await demo.server.gql(PUSH, { d: id, u }, { token: demo.token.laukaa })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await demo.server.gql(PUSH, { d: id, u }, { token: demo.token.analyst })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await demo.server.gql(STATE, { d: id }, { token: demo.token.analyst })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const sub = await demo.server.gql('query ($d: ID!) { document(id: $d) { id } }', { d: id }, { token: demo.token.analyst });
    expect(sub.data?.document).toBeNull();
    const state = await demo.server.gql(
      'query ($d: ID!) { document(id: $d) { version } }',
      { d: id },
      { token: demo.token.jyvaskyla },
    );
    expect(state.data?.document.version).toBe(0);
  });

  it('refuses an update over 1 MiB and one that is not a Yjs update with BAD_USER_INPUT', async () => {
    const id = await newDocument(ids.admin!);
    const big = b64(new Uint8Array(1024 * 1024 + 10));
    const r = await demo.server.gql(PUSH, { d: id, u: big }, { token: demo.admin });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { update: expect.stringMatching(/1 MiB/) },
    });
    const garbage = await demo.server.gql(PUSH, { d: id, u: b64(new Uint8Array([255, 255, 255, 255])) }, { token: demo.admin });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('slows a flooding client with RATE_LIMITED while another editor of the same document goes on', async () => {
    demo.server.app.internals.services.documents.policy.register('TEST_OPEN', {
      canRead: async (actor) => actor.kind === 'user',
      editLock: async (actor) => (actor.kind === 'user' && !actor.roles.includes('ANALYST') ? null : 'NOT_ALLOWED'),
    });
    const shared = await demo.server.app.internals.write(
      { kind: 'user', userId: ids.admin!, displayName: 'A', partyId: null, roles: ['SECRETARIAT'], via: 'session' },
      ({ tx }) => demo.server.app.internals.services.documents.createInTx(tx, 'TEST_OPEN', unique('flood')),
    );
    // A person of its own floods: the limit is per person, and the other tests push as Jyväskylä's
    // representative (in whatever order the tests run).
    const flooding = (await makeAccount(demo.server, demo.admin, { roles: [] })).token;
    const flooder = new Y.Doc();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        demo.server.gql(PUSH, { d: shared.id, u: b64(typeInto(flooder, String(i % 10))) }, { token: flooding }),
      ),
    );
    const limited = results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const other = await demo.server.gql(
      PUSH,
      { d: shared.id, u: b64(typeInto(new Y.Doc(), 'calm')) },
      { token: demo.token.laukaa },
    );
    expect(other.errors).toBeUndefined();
  });

  it('compacts piled-up updates into a snapshot without changing the text', async () => {
    const id = await newDocument(ids.admin!);
    const doc = new Y.Doc();
    for (let i = 0; i < 16; i++) {
      const u = b64(typeInto(doc, String(i % 10)));
      // The flood limit is low in this file: send again when the server says, until it takes the update.
      const r = await honouringRateLimit(() => demo.server.gql(PUSH, { d: id, u }, { token: demo.admin }));
      expect(r.errors).toBeUndefined();
    }
    const db = demo.server.app.internals.database.db;
    await waitFor(async () => {
      const r = (await db.execute(`select snapshot_version from documents where id = '${id}'` as never)) as unknown as {
        rows: { snapshot_version: number }[];
      };
      return r.rows[0]!.snapshot_version > 0;
    });
    const rows = (await db.execute(
      `select count(*)::int as n from document_updates where document_id = '${id}'` as never,
    )) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]!.n).toBeLessThan(16);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.admin })).data!.documentState));
    expect(textOf(fresh)).toBe(textOf(doc));
  });
});

describe("a document's one content, the meeting room editor's XmlFragment default", () => {
  /** The ProseMirror schema of the meeting room's editor (client/src/features/meetings/CollaborativeEditor.tsx). */
  const editorSchema = getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } })]);
  /** What the room's editor shows of a document's state: y-tiptap's reading of `default`, as the Collaboration extension does. */
  const editorShows = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), editorSchema).textContent;
  const read = (id: string) =>
    demo.server.gql('query ($d: ID!) { document(id: $d) { text version } }', { d: id }, { token: demo.admin });

  it('refuses a write to the Y.Text "text" with BAD_USER_INPUT on update, saying what to write, and stores nothing', async () => {
    const id = await newDocument(ids.admin!);
    const r = await honouringRateLimit(() =>
      demo.server.gql(PUSH, { d: id, u: b64(legacyTextUpdate('Pöytäkirja')) }, { token: demo.admin }),
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { update: expect.stringMatching(/Y\.Text "text".*XmlFragment "default".*paragraph/) },
    });
    expect((await read(id)).data?.document).toEqual({ text: '', version: 0 });
    const state = new Y.Doc();
    Y.applyUpdate(state, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.admin })).data!.documentState));
    expect(state.share.size).toBe(0);
  });

  it("shows a paragraph pushed into default in Document.text and in the room's editor", async () => {
    const id = await newDocument(ids.admin!);
    const r = await honouringRateLimit(() =>
      demo.server.gql(PUSH, { d: id, u: b64(paragraphUpdate('Puheenjohtaja avasi kokouksen.')) }, { token: demo.admin }),
    );
    expect(r.errors).toBeUndefined();
    expect((await read(id)).data?.document).toEqual({ text: 'Puheenjohtaja avasi kokouksen.', version: 1 });
    const state = new Y.Doc();
    Y.applyUpdate(state, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.token.laukaa })).data!.documentState));
    expect(editorShows(state)).toBe('Puheenjohtaja avasi kokouksen.');
  });

  it('keeps reading an old "text" a database holds, and refuses an edit placed inside it', async () => {
    const id = await newDocument(ids.admin!);
    // Stored before "text" was refused (the API no longer takes it).
    await demo.server.app.internals.database.db
      .update(documents)
      .set({ snapshot: legacyTextUpdate('Vanha pöytäkirja'), snapshotVersion: 1, version: 1 })
      .where(eq(documents.id, id));
    expect((await read(id)).data?.document).toEqual({ text: 'Vanha pöytäkirja', version: 1 });

    const editor = new Y.Doc();
    Y.applyUpdate(editor, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.admin })).data!.documentState));
    let inside: Uint8Array = new Uint8Array();
    editor.once('update', (u: Uint8Array) => (inside = u));
    editor.getText('text').insert(5, ' ja uusi');
    const refused = await honouringRateLimit(() => demo.server.gql(PUSH, { d: id, u: b64(inside) }, { token: demo.admin }));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { update: expect.stringMatching(/Y\.Text "text".*XmlFragment "default"/) },
    });
    expect((await read(id)).data?.document).toEqual({ text: 'Vanha pöytäkirja', version: 1 });

    // A fresh editor (the refused edit's clock is missing from the server, so this one's later edits would wait on it).
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, bytes((await demo.server.gql(STATE, { d: id }, { token: demo.admin })).data!.documentState));
    const added = await honouringRateLimit(() =>
      demo.server.gql(PUSH, { d: id, u: b64(typeInto(fresh, 'Uusi kappale')) }, { token: demo.admin }),
    );
    expect(added.errors).toBeUndefined();
    expect((await read(id)).data?.document).toEqual({ text: 'Uusi kappale\n\nVanha pöytäkirja', version: 2 });
  });
});
