import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSocket, request } from './editor-client.js';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

/**
 * What an update may change (contract: pushDocumentUpdate): only the editor's shared types, and no
 * control character into the text. A refused update is BAD_USER_INPUT on `update` and stores nothing.
 */
const demo = startDemo();

const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
const STATE = 'query ($d: ID!) { documentState(id: $d) }';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** The minutes of a new meeting, with one paragraph the editor wrote; the editor's Y.Doc with it. */
async function minutesWithParagraph(): Promise<{ id: string; doc: Y.Doc }> {
  const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Päivitykset') } });
  const meeting = await factory.makeMeeting<{ id: string; minutes: { id: string } }>(
    demo.server,
    demo.admin,
    { bodyId: body.id },
    'id minutes { id }',
  );
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Kokous avattiin.')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const r = await demo.server.gql(PUSH, { d: meeting.minutes.id, u: b64(Y.encodeStateAsUpdate(doc)) }, { token: demo.admin });
  expect(r.data?.pushDocumentUpdate).toBe(1);
  return { id: meeting.minutes.id, doc };
}

/** The update one change makes on a copy of the editor's state (what a client would send next). */
function nextUpdate(doc: Y.Doc, change: (copy: Y.Doc) => void): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return b64(Y.encodeStateAsUpdate(copy, before));
}

const paragraphText = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** The document as stored: its text, version and the top-level types of its state. */
async function stored(id: string) {
  const read = await demo.server.gql('query ($d: ID!) { document(id: $d) { text version } }', { d: id }, { token: demo.admin });
  const state = await demo.server.gql(STATE, { d: id }, { token: demo.admin });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(state.data!.documentState, 'base64')));
  return { ...read.data!.document, types: [...doc.share.keys()].sort() };
}

const refusal = { code: 'BAD_USER_INPUT', fields: { update: expect.any(String) } };

describe('updates to a co-edited document', () => {
  it('refuses a NUL in the text and a foreign shared type, over HTTP and on the socket, storing nothing', async () => {
    const { id, doc } = await minutesWithParagraph();
    const nul = nextUpdate(doc, (copy) => paragraphText(copy).insert(7, 'x\u0000y'));
    const control = nextUpdate(doc, (copy) => paragraphText(copy).insert(0, '\u001b[2J'));
    const foreign = nextUpdate(doc, (copy) => copy.getText('minutes').insert(0, 'laukaa'));
    const flood = nextUpdate(doc, (copy) => copy.getMap('flood').set('x', 'y'));

    for (const [u, why] of [
      [nul, /U\+0000/],
      [control, /U\+001B/],
      [foreign, /"minutes"/],
      [flood, /"flood"/],
    ] as const) {
      const overHttp = await demo.server.gql(PUSH, { d: id, u }, { token: demo.admin });
      expect(overHttp.errors?.[0]?.extensions).toMatchObject({ ...refusal, fields: { update: expect.stringMatching(why) } });
      expect(overHttp.data?.pushDocumentUpdate).toBeUndefined();
    }
    const ws = openSocket(demo.server.url, demo.admin);
    for (const u of [nul, foreign]) {
      const onSocket = await request(ws, PUSH, { d: id, u }).catch((err: { errors?: { extensions?: unknown }[] }) => err);
      expect((onSocket as { errors?: { extensions?: unknown }[] }).errors?.[0]?.extensions).toMatchObject(refusal);
    }
    expect(await stored(id)).toEqual({ text: 'Kokous avattiin.', version: 1, types: ['default'] });

    // The editor's own next edit is still taken, on either path.
    const edit = nextUpdate(doc, (copy) => paragraphText(copy).insert(16, ' Klo 9.\tLäsnä\nkaikki'));
    expect(await request(ws, PUSH, { d: id, u: edit })).toEqual({ pushDocumentUpdate: 2 });
    expect(await stored(id)).toEqual({ text: 'Kokous avattiin. Klo 9.\tLäsnä\nkaikki', version: 2, types: ['default'] });
    await ws.dispose();
  });
});
