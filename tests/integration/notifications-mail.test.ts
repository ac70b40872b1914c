import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, notificationsSince, startServer, type TestServer } from './helpers.js';
import { REFUSED_ADDRESS as REFUSED, startSmtpSink } from './smtp-sink.js';

/*
 * Jyväskylä's person never uses the app in another language in the integration tests (their e-mail is in
 * Finnish), Laukaa's only in Swedish (notifications.test.ts too): files share one PostgreSQL in CI.
 */

/** The local SMTP sink (smtp-sink.ts), refusing REFUSED as a mail server saying no. */
const startSink = () => startSmtpSink();

let sink: Awaited<ReturnType<typeof startSink>>;
let server: TestServer;
const token: Record<string, string> = {};

beforeAll(async () => {
  sink = await startSink();
  server = await startServer({ SMTP_URL: sink.url, PUBLIC_URL: 'https://yhteispeli.example.fi/' });
  token.admin = await server.login('admin@demo.local');
  token.jkl = await server.login('jyvaskyla@demo.local');
  token.laukaa = await server.login('laukaa@demo.local');
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

/** An action of a need of Jämsä's, due in March 2030, owned by the party `ownerCode`. */
async function makeAction(ownerCode: string) {
  const { party } = await factory.region(server);
  const need = await factory.makeNeed(server, token.admin!);
  const action = await factory.makeAction(
    server,
    token.admin!,
    { needId: need.id, ownerPartyId: party(ownerCode), dueDate: '2030-03-31' },
    'id title',
  );
  return { needId: need.id, id: action.id, title: action.title as string };
}

/**
 * The e-mail to `to` whose link leads to the need, once the sink has it (on a shared PostgreSQL other files
 * may have invited more representatives of the same party, who get their own e-mail).
 */
const mailAbout = (needId: string, to: string) =>
  eventually(
    async () => sink.mails.find((m) => m.text.includes(`/needs/${needId}`) && m.to.includes(to)),
    (m) => m !== undefined,
    15_000,
    'the e-mail',
  );

describe('notification e-mail (SMTP_URL set)', () => {
  it('is sent after commit to the recipient, in Finnish by default, with a link and no free text about the need', async () => {
    const action = await makeAction('179');
    const mail = await mailAbout(action.needId, 'jyvaskyla@demo.local');
    expect(mail!.to).toEqual(['jyvaskyla@demo.local']);
    expect(mail!.subject).toBe('Yhteispeli: Osapuolellesi on osoitettu toimenpide');
    expect(mail!.text).toContain(`https://yhteispeli.example.fi/needs/${action.needId}`);
    expect(mail!.text).toContain('31.3.2030');
    expect(mail!.text).not.toContain(action.title);
  });

  it('is written in the language the recipient last used the app in', async () => {
    const r = await server.gql('{ unreadNotificationCount }', {}, { token: token.laukaa, headers: { 'accept-language': 'sv' } });
    expect(r.errors).toBeUndefined();
    // The language is remembered in the background; wait until it is stored.
    const { database } = server.app.internals;
    await eventually(
      async () =>
        (await database.db.execute(
          sql`select locale from notification_languages where locale = 'sv' and user_id = (select id from users where email = 'laukaa@demo.local')`,
        )) as unknown as { rows: unknown[] },
      (res) => res.rows.length > 0,
      10_000,
      'the language to be stored',
    );
    const action = await makeAction('410');
    const mail = await mailAbout(action.needId, 'laukaa@demo.local');
    expect(mail!.to).toEqual(['laukaa@demo.local']);
    expect(mail!.subject).toBe('Yhteispeli: Din part har tilldelats en åtgärd');
  });

  it('that the mail server refuses is recorded as failed, and the write stands', async () => {
    const testStarted = Date.now() - 60_000;
    const action = await makeAction('15');
    const states = await eventually(
      async () =>
        (
          (await server.app.internals.database.db.execute(
            // The refused address's own: other files may give the county's party more accounts (a shared PostgreSQL).
            sql`select n.email_state from notifications n join users u on u.id = n.recipient_user_id
                where n.subject_id = ${action.id} and u.email = ${REFUSED}`,
          )) as unknown as { rows: { email_state: string }[] }
        ).rows,
      (rows) => rows.length > 0 && rows.every((row) => row.email_state === 'FAILED'),
      15_000,
      'the refused e-mail to be recorded',
    );
    expect(states.length).toBeGreaterThan(0);
    // Every page since this test began: other files notify the county's people too (a shared PostgreSQL).
    const listed = await notificationsSince<{ subjectId: string; createdAt: string }>(
      server,
      await server.login(REFUSED),
      'subjectId createdAt',
      testStarted,
    );
    expect(listed.map((n) => n.subjectId)).toContain(action.id);
  });
});
