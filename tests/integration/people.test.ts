import { sql } from 'drizzle-orm';
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, eventually, listen, startServer, unique, type TestServer } from './helpers.js';
import { ACCOUNT_PASSWORD, makeAccount } from './factories.js';
import { startSmtpSink } from './smtp-sink.js';

const PUBLIC_URL = 'https://yhteispeli.example.fi';
const PASSWORD = ACCOUNT_PASSWORD;
const NEW_PASSWORD = 'Neljä kettua kuusikossa 4';

const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link expiresAt emailed user { id email status roles version party { code } person { id name } pendingLink { kind expiresAt } } } }`;
const VIEW = 'query ($t: String!) { accountLink(token: $t) { kind state email displayName expiresAt } }';
const ACCEPT = 'mutation ($t: String!, $p: String!) { acceptAccountLink(token: $t, password: $p) { token user { id status } } }';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { id roles status } }';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: TestServer;
let admin: string;
const ids: Record<string, string> = {};

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
const closedCode = (client: WsClient) =>
  new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const result = await server.app.internals.database.db.execute(query);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** Invites a new person and accepts the invitation; returns the account's id, email and session token. */
const invitedAndAccepted = (roles: string[] = ['PARTY_REPRESENTATIVE'], extra: Record<string, unknown> = {}) =>
  makeAccount(server, admin, { roles, partyId: ids.jkl, ...extra });

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startServer({ SMTP_URL: sink.url, PUBLIC_URL });
  admin = await server.login('admin@demo.local');
  const parties = await server.gql('{ parties { id code } }', {}, { token: admin });
  ids.jkl = parties.data!.parties.find((p: { code: string }) => p.code === '179').id;
  const bodies = await server.gql('{ cooperationBodies { id tier } }', {}, { token: admin });
  ids.body = bodies.data!.cooperationBodies[0].id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

describe('inviting a person', () => {
  it('refuses two memberships in the same body, naming the second, and creates nothing', async () => {
    const email = `${unique('kahdesti')}@example.fi`;
    const r = await server.gql(
      INVITE,
      {
        input: {
          email,
          displayName: 'Kalle Kahdesti',
          partyId: ids.jkl,
          roles: ['PARTY_REPRESENTATIVE'],
          memberships: [
            { bodyId: ids.body, role: 'MEMBER' },
            { bodyId: ids.body, role: 'CHAIR' },
          ],
        },
      },
      { token: admin },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.memberships.1.bodyId': expect.any(String) },
    });
    expect(await rows(sql`select id from users where email = ${email}`)).toEqual([]);
  });

  it('refuses everyone but the secretariat', async () => {
    const input = { email: `${unique('x')}@example.fi`, displayName: 'X', roles: [] };
    expect((await server.gql(INVITE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const who of ['jyvaskyla@demo.local', 'analyst@demo.local']) {
      const r = await server.gql(INVITE, { input }, { token: await server.login(who) });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await server.gql('{ users { id } }', {}, { token: await server.login('analyst@demo.local') })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('makes an invited account with roles, a person and a membership, and a one-time link that is mailed, logged in the audit without contact details and stored only as a hash', async () => {
    const email = `${unique('edustaja')}@example.fi`;
    const r = await server.gql(
      INVITE,
      {
        input: {
          email: email.toUpperCase(),
          displayName: 'Eija Edustaja',
          partyId: ids.jkl,
          roles: ['PARTY_REPRESENTATIVE'],
          memberships: [{ bodyId: ids.body, role: 'MEMBER' }],
          language: 'sv',
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const payload = r.data!.inviteUser;
    expect(payload.link).toMatch(new RegExp(`^${PUBLIC_URL}/invitation/ypl_[\\w-]{43}$`));
    expect(payload.emailed).toBe(true);
    expect(payload.user).toMatchObject({
      email,
      status: 'INVITED',
      roles: ['PARTY_REPRESENTATIVE'],
      party: { code: '179' },
      person: { name: 'Eija Edustaja' },
      pendingLink: { kind: 'INVITATION' },
    });
    const days = (Date.parse(payload.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await eventually(
      async () => sink.mails.find((m) => m.to.includes(email)),
      Boolean,
      10_000,
      'the invitation e-mail',
    );
    expect(mail!.subject).toBe('Inbjudan till Yhteispeli');
    expect(mail!.text).toContain(payload.link);

    const token = tokenOf(payload.link);
    const stored = await rows(sql`select * from account_links where user_id = ${payload.user.id}`);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const events = await rows(sql`select name, after from change_events where entity_id = ${payload.user.id}`);
    expect(events.map((e) => e.name)).toContain('user.invited');
    expect(JSON.stringify(events)).not.toContain(email);
    const members = await rows(
      sql`select m.role from memberships m join persons p on p.id = m.person_id where p.user_id = ${payload.user.id}`,
    );
    expect(members).toEqual([{ role: 'MEMBER' }]);

    const pending = await server.gql('{ users(filter: { status: INVITED }) { id pendingLink { kind } } }', {}, { token: admin });
    expect(pending.data!.users.map((u: { id: string }) => u.id)).toContain(payload.user.id);
    // No password yet: nothing signs in.
    expect((await server.gql(LOGIN, { e: email, p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an email that already has an account, naming the field', async () => {
    const r = await server.gql(
      INVITE,
      { input: { email: 'Laukaa@demo.local', displayName: 'Kaksoiskappale', roles: [] } },
      { token: admin },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.email': expect.any(String) } });
  });
});

describe('a party representative has a party', () => {
  const SET =
    'mutation ($id: ID!, $v: Int!, $r: [Role!]!) { setUserRoles(id: $id, expectedVersion: $v, roles: $r) { roles version } }';

  it('refuses inviting a representative without a party, naming input.partyId, and creates nothing', async () => {
    const email = `${unique('ilman-osapuolta')}@example.fi`;
    for (const partyId of [undefined, null]) {
      const r = await server.gql(
        INVITE,
        { input: { email, displayName: 'Osapuoleton Edustaja', roles: ['PARTY_REPRESENTATIVE'], partyId } },
        { token: admin },
      );
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'input.partyId': 'A party representative must have a party' },
      });
    }
    expect(await rows(sql`select id from users where email = ${email}`)).toEqual([]);
    // Other roles need no party; the representative with one is invited.
    const analyst = await server.gql(
      INVITE,
      { input: { email, displayName: 'Osapuoleton Analyytikko', roles: ['ANALYST'] } },
      { token: admin },
    );
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.inviteUser.user).toMatchObject({ roles: ['ANALYST'], party: null });
  });

  it('refuses giving the representative role to an account without a party, naming roles, and changes nothing', async () => {
    const partyless = await makeAccount(server, admin, { roles: ['ANALYST'], partyId: null });
    const before = (await server.gql('{ users { id version roles } }', {}, { token: admin })).data!.users.find(
      (u: { id: string }) => u.id === partyless.id,
    );
    const r = await server.gql(
      SET,
      { id: partyless.id, v: before.version, r: ['ANALYST', 'PARTY_REPRESENTATIVE'] },
      { token: admin },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { roles: 'A party representative must have a party' },
    });
    const after = (await server.gql('{ users { id version roles } }', {}, { token: admin })).data!.users.find(
      (u: { id: string }) => u.id === partyless.id,
    );
    expect(after).toEqual(before);
  });

  it('the demo region has no representative without a party', async () => {
    expect(
      await rows(sql`select email from users where 'PARTY_REPRESENTATIVE' = any(roles) and party_id is null and is_demo`),
    ).toEqual([]);
  });
});

describe('accepting a link', () => {
  it('sets the password under the policy, signs in with a cookie, and refuses the used link with a clear reason', async () => {
    const email = `${unique('uusi')}@example.fi`;
    const invited = await server.gql(
      INVITE,
      { input: { email, displayName: 'Uusi Käyttäjä', roles: ['ANALYST'] } },
      { token: admin },
    );
    const token = tokenOf(invited.data!.inviteUser.link);
    expect((await server.gql(VIEW, { t: token })).data!.accountLink).toMatchObject({
      kind: 'INVITATION',
      state: 'VALID',
      email,
      displayName: 'Uusi Käyttäjä',
    });

    const short = await server.gql(ACCEPT, { t: token, p: 'lyhyt' });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: 'At least 12 characters' },
    });
    const common = await server.gql(ACCEPT, { t: token, p: 'QWERTY123456' });
    expect(common.errors?.[0]?.extensions?.fields?.password).toMatch(/most common/);

    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ACCEPT, variables: { t: token, p: PASSWORD } }),
    });
    const body = (await res.json()) as { data: { acceptAccountLink: { token: string; user: { status: string } } } };
    expect(body.data.acceptAccountLink.user.status).toBe('ACTIVE');
    expect(res.headers.get('set-cookie')).toMatch(/^yp_session=yps_.*HttpOnly/);
    expect((await server.gql(ME, {}, { token: body.data.acceptAccountLink.token })).data!.me).toMatchObject({
      roles: ['ANALYST'],
      status: 'ACTIVE',
    });
    await server.login(email, PASSWORD);

    const again = await server.gql(ACCEPT, { t: token, p: NEW_PASSWORD });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'USED',
      fields: { token: expect.any(String) },
    });
    expect((await server.gql(VIEW, { t: token })).data!.accountLink.state).toBe('USED');
    expect((await server.gql(VIEW, { t: 'ypl_nosuchlink' })).data!.accountLink).toBeNull();
    expect((await server.gql(ACCEPT, { t: 'ypl_nosuchlink', p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses weak variants under the same policy on an invitation link and on a reset link, leaving the link usable', async () => {
    const email = `${unique('heikko')}@example.fi`;
    const invited = await server.gql(
      INVITE,
      { input: { email, displayName: 'Heikki Heikko', roles: ['ANALYST'] } },
      { token: admin },
    );
    const token = tokenOf(invited.data!.inviteUser.link);
    const refusal = async (t: string, p: string) => (await server.gql(ACCEPT, { t, p })).errors?.[0]?.extensions;
    expect(await refusal(token, 'password1234')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: 'This password is a common one with digits or symbols added; choose another' },
    });
    expect(await refusal(token, 'Heikki Heikko 2026')).toMatchObject({
      fields: { password: "This password is made of your e-mail address, your name or the service's name; choose another" },
    });
    expect((await refusal(token, email))?.fields?.password).toMatch(/your e-mail address/);
    expect((await refusal(token, 'Yhteispeli2026!'))?.fields?.password).toMatch(/the service's name/);
    const accepted = await server.gql(ACCEPT, { t: token, p: PASSWORD });
    expect(accepted.errors).toBeUndefined();

    const reset = await server.gql(
      'mutation ($id: ID!) { sendPasswordResetLink(userId: $id) { link } }',
      { id: accepted.data!.acceptAccountLink.user.id },
      { token: admin },
    );
    const resetToken = tokenOf(reset.data!.sendPasswordResetLink.link);
    for (const weak of ['123456789012', 'aaaaaaaaaaaa', 'abcdefghijkl', 'qwertyuiopå1'])
      expect((await refusal(resetToken, weak))?.fields, weak).toEqual({
        password: 'This password is a simple pattern of repeated, sequential or keyboard characters; choose another',
      });
    expect((await server.gql(VIEW, { t: resetToken })).data!.accountLink.state).toBe('VALID');
    expect((await server.gql(ACCEPT, { t: resetToken, p: NEW_PASSWORD })).errors).toBeUndefined();
  });

  it("keeps the language the link was sent in for its page: the invitation's, else Finnish", async () => {
    const LANGUAGE = 'query ($t: String!) { accountLink(token: $t) { language } }';
    for (const language of ['sv', 'en', null]) {
      const invited = await server.gql(
        INVITE,
        { input: { email: `${unique('kieli')}@example.fi`, displayName: 'Kielitaitoinen', roles: ['ANALYST'], language } },
        { token: admin },
      );
      expect(invited.errors).toBeUndefined();
      const view = await server.gql(LANGUAGE, { t: tokenOf(invited.data!.inviteUser.link) });
      expect(view.data!.accountLink.language).toBe(language ?? 'fi');
    }
  });

  it('refuses an expired link with a clear reason', async () => {
    const invited = await server.gql(
      INVITE,
      { input: { email: `${unique('vanha')}@example.fi`, displayName: 'Vanha Kutsu', roles: [] } },
      { token: admin },
    );
    const userId = invited.data!.inviteUser.user.id as string;
    await server.app.internals.database.db.execute(
      sql`update account_links set expires_at = now() - interval '1 minute' where user_id = ${userId}`,
    );
    const token = tokenOf(invited.data!.inviteUser.link);
    expect((await server.gql(VIEW, { t: token })).data!.accountLink.state).toBe('EXPIRED');
    const r = await server.gql(ACCEPT, { t: token, p: PASSWORD });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPIRED' });
  });
});

describe('the secretariat administers accounts', () => {
  it('deactivates an account: its sockets close with 4403 and its sessions and tokens die at once; reactivation lets the password sign in again', async () => {
    const person = await invitedAndAccepted();
    const apiToken = (
      await server.gql('mutation { createApiToken(name: "r", scopes: [READ]) { token } }', {}, { token: person.token })
    ).data!.createApiToken.token as string;
    const socket = server.ws(person.token);
    listen(socket, 'subscription { partyChanged { kind } }');
    await connected(socket);
    const closed = closedCode(socket);

    const r = await server.gql('mutation ($id: ID!) { deactivateUser(id: $id) { status } }', { id: person.id }, { token: admin });
    expect(r.data?.deactivateUser.status).toBe('DEACTIVATED');
    expect(await closed).toBe(4403);
    expect((await server.gql(ME, {}, { token: person.token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, { token: apiToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(LOGIN, { e: person.email, p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const names = (
      await rows(
        sql`select name from change_events where name in ('user.deactivated', 'session.ended', 'api_token.revoked') and (entity_id = ${person.id} or after->>'userId' = ${person.id} or entity_id in (select id::text from api_tokens where user_id = ${person.id}))`,
      )
    ).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['user.deactivated', 'session.ended', 'api_token.revoked']));

    const back = await server.gql(
      'mutation ($id: ID!) { reactivateUser(id: $id) { status } }',
      { id: person.id },
      { token: admin },
    );
    expect(back.data?.reactivateUser.status).toBe('ACTIVE');
    await server.login(person.email, PASSWORD);
  });

  it("refuses deactivating one's own account and lets nobody else but the secretariat deactivate", async () => {
    const me = (await server.gql('{ me { id } }', {}, { token: admin })).data!.me.id;
    const own = await server.gql('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: me }, { token: admin });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const person = await invitedAndAccepted();
    const byRep = await server.gql('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: me }, { token: person.token });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resets a password by a new one-time link that replaces the earlier one and ends the sessions when used', async () => {
    const person = await invitedAndAccepted();
    const RESET = 'mutation ($id: ID!) { sendPasswordResetLink(userId: $id) { link user { pendingLink { kind } } } }';
    const first = await server.gql(RESET, { id: person.id }, { token: admin });
    expect(first.data!.sendPasswordResetLink.user.pendingLink.kind).toBe('PASSWORD_RESET');
    const second = await server.gql(RESET, { id: person.id }, { token: admin });
    expect(
      (await server.gql(ACCEPT, { t: tokenOf(first.data!.sendPasswordResetLink.link), p: NEW_PASSWORD })).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    // The old password still works until the link is used.
    await server.login(person.email, PASSWORD);

    const accepted = await server.gql(ACCEPT, { t: tokenOf(second.data!.sendPasswordResetLink.link), p: NEW_PASSWORD });
    expect(accepted.errors).toBeUndefined();
    expect((await server.gql(ME, {}, { token: person.token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(LOGIN, { e: person.email, p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await server.login(person.email, NEW_PASSWORD);
    expect((await server.gql(RESET, { id: person.id }, { token: fresh })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('changes roles with the version it was based on; open sockets of the account reconnect (4013) with the new roles', async () => {
    const person = await invitedAndAccepted();
    const SET =
      'mutation ($id: ID!, $v: Int!, $r: [Role!]!) { setUserRoles(id: $id, expectedVersion: $v, roles: $r) { roles version } }';
    const version = (
      await server.gql('query ($p: ID!) { users(filter: { partyId: $p }) { id version } }', { p: ids.jkl }, { token: admin })
    ).data!.users.find((u: { id: string }) => u.id === person.id).version;
    const socket = server.ws(person.token);
    listen(socket, 'subscription { partyChanged { kind } }');
    await connected(socket);
    const closed = closedCode(socket);

    const stale = await server.gql(SET, { id: person.id, v: version - 1, r: ['ANALYST'] }, { token: admin });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });
    const r = await server.gql(
      SET,
      { id: person.id, v: version, r: ['ANALYST', 'PARTY_REPRESENTATIVE', 'ANALYST'] },
      { token: admin },
    );
    expect(r.data?.setUserRoles).toMatchObject({ roles: ['ANALYST', 'PARTY_REPRESENTATIVE'], version: version + 1 });
    expect(await closed).toBe(4013);
    expect((await server.gql(ME, {}, { token: person.token })).data!.me.roles).toEqual(['ANALYST', 'PARTY_REPRESENTATIVE']);
    const audit = await rows(
      sql`select before, after from change_events where name = 'user.roles_changed' and entity_id = ${person.id}`,
    );
    expect(audit).toEqual([
      { before: { roles: ['PARTY_REPRESENTATIVE'] }, after: { roles: ['ANALYST', 'PARTY_REPRESENTATIVE'] } },
    ]);
  });

  it('lets a secretariat member leave the secretariat while another active one remains', async () => {
    const second = await invitedAndAccepted(['SECRETARIAT']);
    const me = await server.gql('{ me { id } users { id version } }', {}, { token: second.token });
    const version = me.data!.users.find((u: { id: string }) => u.id === second.id).version;
    const r = await server.gql(
      'mutation ($id: ID!, $v: Int!) { setUserRoles(id: $id, expectedVersion: $v, roles: [ANALYST]) { roles } }',
      { id: second.id, v: version },
      { token: second.token },
    );
    expect(r.data?.setUserRoles.roles).toEqual(['ANALYST']);
  });

  it('lists accounts filtered by party and role', async () => {
    const list = await server.gql(
      'query ($p: ID!) { users(filter: { partyId: $p, role: PARTY_REPRESENTATIVE }) { email party { code } roles } }',
      { p: ids.jkl },
      { token: admin },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.users.length).toBeGreaterThan(0);
    for (const u of list.data!.users) {
      expect(u.party.code).toBe('179');
      expect(u.roles).toContain('PARTY_REPRESENTATIVE');
    }
    expect(list.data!.users.map((u: { email: string }) => u.email)).toContain('jyvaskyla@demo.local');
  });
});
