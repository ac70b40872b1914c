import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mulberry32, SimulatedEditor } from './editors.js';
import * as factory from './factories.js';
import { publishAgenda } from './meeting-factory.js';
import { startServer, unique, waitFor, type TestServer } from './helpers.js';
import { gql, startNpm, type ServerProcess } from './server-process.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** A meeting in progress of a body of its own where the county chairs, Jyväskylä is secretary and Laukaa a member. */
async function meetingInProgress(): Promise<{ minutesId: string; tokens: string[] }> {
  const { DEMO } = factory;
  const admin = await server.login(DEMO.admin);
  const body = await factory.makeBody(server, admin, { names: { fi: unique('Elin') }, tier: 'STEERING' }, [
    [DEMO.county, 'CHAIR'],
    [DEMO.jyvaskyla, 'SECRETARY'],
    [DEMO.laukaa, 'MEMBER'],
  ]);
  const m = await factory.makeMeeting(server, admin, { bodyId: body.id }, 'id minutes { id }');
  await publishAgenda(server, admin, m.id);
  const tokens = await Promise.all([DEMO.admin, DEMO.county, DEMO.jyvaskyla, DEMO.laukaa].map((email) => server.login(email)));
  return { minutesId: m.minutes.id, tokens };
}

/** One simulated minutes editor: a Y.Doc shaped as TipTap writes it (paragraphs in the `default` fragment). */
class Editor extends SimulatedEditor {
  /** Types into a random paragraph, deletes a little, or starts a new paragraph. */
  edit(random: () => number): void {
    const root = this.doc.getXmlFragment('default');
    const paragraphs = root.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
    if (paragraphs.length === 0 || random() < 0.1) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText()]);
      root.insert(Math.floor(random() * (root.length + 1)), [p]);
      return;
    }
    const text = paragraphs[Math.floor(random() * paragraphs.length)]!.get(0) as Y.XmlText;
    if (text.length > 5 && random() < 0.3) {
      text.delete(Math.floor(random() * (text.length - 3)), 1 + Math.floor(random() * 3));
    } else {
      const words = ['puheenjohtaja', 'avasi', 'kokouksen', '§', 'päätös', 'hyvinvointialue', 'kunta', 'yksimielisesti'];
      text.insert(Math.floor(random() * (text.length + 1)), ` ${words[Math.floor(random() * words.length)]}`);
    }
  }

  text(): string {
    return this.doc.getXmlFragment('default').toString();
  }
}

describe('co-edited minutes', () => {
  it('the chair, the secretary, a member and the secretariat editing at random with dropped connections end with the same minutes as a fresh load', async () => {
    const seed = Number(process.env.CONVERGENCE_SEED ?? Date.now() % 100_000);
    const random = mulberry32(seed);
    const { minutesId, tokens } = await meetingInProgress();
    const editors = tokens.map((t) => new Editor(server, t, minutesId));
    await Promise.all(editors.map((e) => e.reconnect()));

    for (let step = 0; step < 240; step++) {
      const editor = editors[Math.floor(random() * editors.length)]!;
      const roll = random();
      if (roll < 0.06 && editor.online) editor.drop();
      else if (roll < 0.12 && !editor.online) await editor.reconnect();
      else editor.edit(random);
      if (step % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    await Promise.all(editors.map((e) => (e.online ? e.sync.flush() : e.reconnect())));
    await Promise.all(editors.map((e) => e.sync.flush()));
    const load = async () => {
      const fresh = new Y.Doc();
      const r = await server.gql('query ($d: ID!) { documentState(id: $d) }', { d: minutesId }, { token: tokens[0] });
      Y.applyUpdate(fresh, new Uint8Array(Buffer.from(r.data!.documentState, 'base64')));
      return fresh.getXmlFragment('default').toString();
    };
    await waitFor(
      async () => {
        const expected = await load();
        return editors.every((e) => e.text() === expected);
      },
      15_000,
      `convergence (seed ${seed})`,
    );
    expect(editors.every((e) => e.sync.status().pending === 0)).toBe(true);
    expect((await load()).length).toBeGreaterThan(0);
    editors.forEach((e) => e.drop());
  });
});

describe('an acknowledged edit of the minutes', () => {
  let npm: ServerProcess | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yp-minutes-'));
  afterEach(() => npm?.kill());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** `npm start` as a child process on the same data folder; resolves with its URL. */
  async function start(): Promise<string> {
    npm = await startNpm({ DATABASE_URL: '', DATA_DIR: dataDir });
    return npm.url;
  }

  it('survives the server killed with SIGKILL right after the acknowledgement', async () => {
    let url = await start();
    const login = await gql(url, 'mutation { login(email: "admin@demo.local", password: "demo-password") { token } }');
    const token = login.data.login.token as string;
    const bodies = await gql(url, '{ cooperationBodies { id names { fi } } }', {}, token);
    const assembly = bodies.data.cooperationBodies.find((b: { names: { fi: string } }) => b.names.fi === 'Kuntakokous').id;
    const m = await gql(
      url,
      'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { minutes { id } } }',
      { i: { bodyId: assembly, title: 'Kaatumistesti', startsAt: '2026-11-28T09:00:00Z' } },
      token,
    );
    const minutesId = m.data.createMeeting.minutes.id as string;
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Puheenjohtaja avasi kokouksen klo 9.02.')]);
    doc.getXmlFragment('default').insert(0, [p]);
    const pushed = await gql(
      url,
      'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
      { d: minutesId, u: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') },
      token,
    );
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data.pushDocumentUpdate).toBe(1);

    npm!.kill();
    await npm!.exited;

    url = await start();
    const again = await gql(url, 'mutation { login(email: "admin@demo.local", password: "demo-password") { token } }');
    const read = await gql(
      url,
      'query ($d: ID!) { document(id: $d) { text version } }',
      { d: minutesId },
      again.data.login.token,
    );
    expect(read.data.document).toEqual({ text: 'Puheenjohtaja avasi kokouksen klo 9.02.', version: 1 });
  }, 120_000);
});
