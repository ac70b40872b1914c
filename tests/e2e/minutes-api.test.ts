import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyTextUpdate, paragraphUpdate } from '../minutes-doc.js';
import {
  apiAs,
  assemblyMeeting,
  launchBrowser,
  login,
  startServer,
  type Api,
  type Browser,
  type E2eServer,
  moveMeeting,
} from './helpers.js';

/**
 * Minutes written by a script through the API are the minutes the meeting room shows: a paragraph in the
 * XmlFragment `default` appears in the room's editor (and in Document.text), and a write to the Y.Text `text`,
 * which the editor never showed, is refused.
 */
let server: E2eServer;
let admin: Api;
const browsers: Browser[] = [];
let meetingId = '';
let minutesId = '';

const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

beforeAll(async () => {
  server = await startServer();
  admin = await apiAs(server.url, 'admin@demo.local');
  const m = await assemblyMeeting(admin, 'Kuntakokous, skriptin pöytäkirja');
  meetingId = m.id;
  minutesId = m.minutesId;
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId, title: 'Kokouksen avaus', proposal: 'Kokous todetaan avatuksi.', relatedNeedIds: [] },
  });
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

describe('minutes pushed through the API', () => {
  it("shows a paragraph pushed into default in the meeting room's editor and in Document.text; refuses the Y.Text text", async () => {
    await expect(admin(PUSH, { d: minutesId, u: b64(legacyTextUpdate('Näkymätön teksti')) })).rejects.toThrow(
      /XmlFragment \\"default\\".*"code":"BAD_USER_INPUT"/,
    );
    await admin(PUSH, { d: minutesId, u: b64(paragraphUpdate('Skripti kirjasi: puheenjohtaja avasi kokouksen.')) });
    const { meeting } = await admin<{ meeting: { minutes: { text: string } } }>(
      'query ($id: ID!) { meeting(id: $id) { minutes { text } } }',
      { id: meetingId },
    );
    expect(meeting.minutes.text).toBe('Skripti kirjasi: puheenjohtaja avasi kokouksen.');

    const browser = await launchBrowser({ viewport: { width: 1500, height: 1000 } });
    browsers.push(browser);
    await login(browser.page, server.url, 'jyvaskyla@demo.local');
    await browser.page.goto(`${server.url}/meetings/${meetingId}/room`);
    const editor = browser.page.locator('.yp-room__minutes .yp-editor__content');
    await editor.getByText('Skripti kirjasi: puheenjohtaja avasi kokouksen.').waitFor();
    // The editor holds it as a paragraph it can edit, not as text it dropped or could not place.
    await expect(editor.locator('p', { hasText: 'Skripti kirjasi' }).count()).resolves.toBe(1);
    await expect(editor.getByText('Näkymätön teksti').count()).resolves.toBe(0);

    // And one pushed while the room is open arrives there live.
    await admin(PUSH, { d: minutesId, u: b64(paragraphUpdate('Toinen kappale skriptistä.')) });
    await editor.getByText('Toinen kappale skriptistä.').waitFor();
  });
});
