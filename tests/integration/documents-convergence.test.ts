import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphText, paragraphUpdate, textOf } from '../minutes-doc.js';
import type { UserActor } from '../../server/auth/actor.js';
import { mulberry32, SimulatedEditor } from './editors.js';
import { startServer, unique, waitFor, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // A stand-in owner type for the meeting documents: every signed-in person but the analyst edits.
  server.app.internals.services.documents.policy.register('TEST_SHARED', {
    canRead: async (actor) => actor.kind === 'user',
    editLock: async (actor) => (actor.kind === 'user' && !actor.roles.includes('ANALYST') ? null : 'NOT_ALLOWED'),
  });
});
afterAll(() => server?.stop());

/** An editor of one paragraph of the minutes (the XmlFragment `default`), which every editor types into at random positions. */
class Editor extends SimulatedEditor {
  edit(random: () => number): void {
    this.doc.transact(() => {
      const text = paragraphText(this.doc);
      if (text.length > 5 && random() < 0.3) {
        const at = Math.floor(random() * (text.length - 3));
        text.delete(at, 1 + Math.floor(random() * 3));
      } else {
        const words = ['kunta', 'hyvinvointialue', 'päätös', 'esitys', '§', 'yhdyspinta', 'toimenpide'];
        text.insert(Math.floor(random() * (text.length + 1)), ` ${words[Math.floor(random() * words.length)]}`);
      }
    });
  }
}

describe('convergence', () => {
  it('several editors with random concurrent edits and dropped connections end with the same text as a fresh load', async () => {
    const seed = Number(process.env.CONVERGENCE_SEED ?? Date.now() % 100_000);
    const random = mulberry32(seed);
    const adminId = (await server.gql('{ me { id } }', {}, { token: await server.login('admin@demo.local') })).data!.me.id;
    const owner: UserActor = {
      kind: 'user',
      userId: adminId,
      displayName: 'A',
      partyId: null,
      roles: ['SECRETARIAT'],
      via: 'session',
    };
    const { id } = await server.app.internals.write(owner, ({ tx }) =>
      server.app.internals.services.documents.createInTx(tx, 'TEST_SHARED', unique('minutes')),
    );
    const tokens = await Promise.all(
      ['admin', 'jyvaskyla', 'hyvinvointialue', 'laukaa'].map((n) => server.login(`${n}@demo.local`)),
    );
    // One paragraph, there before anyone connects: every editor types into it, concurrently.
    const paragraph = await server.gql(
      'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
      { d: id, u: Buffer.from(paragraphUpdate('')).toString('base64') },
      { token: tokens[0] },
    );
    expect(paragraph.errors).toBeUndefined();
    const editors = tokens.map((t) => new Editor(server, t, id));
    await Promise.all(editors.map((e) => e.reconnect()));

    for (let step = 0; step < 240; step++) {
      const editor = editors[Math.floor(random() * editors.length)]!;
      const roll = random();
      if (roll < 0.06 && editor.online) editor.drop();
      else if (roll < 0.12 && !editor.online) await editor.reconnect();
      else editor.edit(random);
      // Let sockets and pushes interleave with the edits, as they would between keystrokes.
      if (step % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    await Promise.all(editors.map((e) => (e.online ? e.sync.flush() : e.reconnect())));
    await Promise.all(editors.map((e) => e.sync.flush()));
    const fresh = new Y.Doc();
    const load = async () => {
      const r = await server.gql('query ($d: ID!) { documentState(id: $d) }', { d: id }, { token: tokens[0] });
      Y.applyUpdate(fresh, new Uint8Array(Buffer.from(r.data!.documentState, 'base64')));
      return textOf(fresh);
    };
    await waitFor(
      async () => {
        const expected = await load();
        return editors.every((e) => textOf(e.doc) === expected);
      },
      15_000,
      `convergence (seed ${seed})`,
    );
    expect(editors.every((e) => e.sync.status().pending === 0)).toBe(true);
    const text = await load();
    expect(text.length).toBeGreaterThan(0);
    const read = await server.gql('query ($d: ID!) { document(id: $d) { text } }', { d: id }, { token: tokens[1] });
    expect(read.data!.document.text).toBe(text.trim());
    editors.forEach((e) => e.drop());
  });
});
