import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, listen, startServer, waitFor, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const ME = '{ me { id email displayName roles party { code name } } }';

describe('login, me and logout', () => {
  it('signs in a demo account, sets an HTTP-only SameSite cookie and answers me', async () => {
    const r = await server.gql(
      'mutation { login(email: "jyvaskyla@demo.local", password: "demo-password") { token user { email roles party { code } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.login.user).toEqual({
      email: 'jyvaskyla@demo.local',
      roles: ['PARTY_REPRESENTATIVE'],
      party: { code: '179' },
    });
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/yp_session=yps_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const byBearer = await server.gql(ME, {}, { token: r.data?.login.token });
    expect(byBearer.data?.me).toMatchObject({ email: 'jyvaskyla@demo.local', party: { code: '179', name: 'Jyväskylä' } });
    const cookieValue = cookie.split(';')[0]!;
    const byCookie = await server.gql(ME, {}, { headers: { cookie: cookieValue } });
    expect(byCookie.data?.me?.email).toBe('jyvaskyla@demo.local');
  });

  it('answers me with null for an anonymous caller', async () => {
    const r = await server.gql(ME);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me).toBeNull();
  });

  it('refuses a wrong password with UNAUTHENTICATED and the same message as an unknown account', async () => {
    const wrong = await server.gql('mutation { login(email: "laukaa@demo.local", password: "nope") { token } }');
    const unknown = await server.gql('mutation { login(email: "nobody@demo.local", password: "nope") { token } }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('rate-limits failed logins per account with RATE_LIMITED and retryAfterSeconds', async () => {
    const attempt = () => server.gql('mutation { login(email: "analyst@demo.local", password: "wrong") { token } }');
    for (let i = 0; i < 5; i++) expect((await attempt()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const limited = await attempt();
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Even the right password waits: the account is locked for the window.
    const right = await server.gql('mutation { login(email: "analyst@demo.local", password: "demo-password") { token } }');
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts parallel guesses before checking them, so a burst cannot slip past the limit', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.gql('mutation { login(email: "hyvinvointialue@demo.local", password: "guess") { token } }'),
      ),
    );
    const codes = attempts.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
  });

  it('ends the session on logout so its token no longer works', async () => {
    const token = await server.login('jyvaskyla@demo.local');
    const out = await server.gql('mutation { logout }', {}, { token });
    expect(out.data?.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/yp_session=;/);
    const after = await server.gql(ME, {}, { token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an invalid bearer token with 401 UNAUTHENTICATED', async () => {
    const r = await server.gql(ME, {}, { token: 'yps_not-a-real-token' });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes an empty Authorization header as none (anonymous), as a socket does, and refuses one that is not Bearer', async () => {
    const empty = await server.gql(ME, {}, { headers: { authorization: '' } });
    expect(empty.status).toBe(200);
    expect(empty.data?.me).toBeNull();
    const basic = await server.gql(ME, {}, { headers: { authorization: 'Basic eDp5' } });
    expect(basic.status).toBe(401);
    expect(basic.errors?.[0]?.message).toBe('Malformed authorization; use "Bearer <token>"');
  });
});

describe('API tokens', () => {
  it('creates a read-only token shown once, which reads but never writes, and can be revoked', async () => {
    const session = await server.login('admin@demo.local');
    const created = await server.gql(
      'mutation { createApiToken(name: "Power BI", scopes: [READ]) { token apiToken { id name scopes prefix revokedAt } } }',
      {},
      { token: session },
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^ypa_/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(apiToken.scopes).toEqual(['READ']);

    const read = await server.gql('{ parties { code } }', {}, { token });
    expect(read.data?.parties).toHaveLength(24);

    const parties = await server.gql('{ parties(kind: MUNICIPALITY) { id version } }', {}, { token });
    const p = parties.data!.parties[0];
    const write = await server.gql(
      'mutation ($id: ID!, $v: Int!) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: "X" }) { id } }',
      { id: p.id, v: p.version },
      { token },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const mint = await server.gql('mutation { createApiToken(name: "again", scopes: [READ]) { token } }', {}, { token });
    expect(mint.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const listed = await server.gql('{ myApiTokens { id lastUsedAt } }', {}, { token: session });
    expect(listed.data?.myApiTokens.find((t: { id: string }) => t.id === apiToken.id)?.lastUsedAt).not.toBeNull();

    const revoked = await server.gql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
      { token: session },
    );
    expect(revoked.data?.revokeApiToken.revokedAt).not.toBeNull();
    const after = await server.gql('{ parties { code } }', {}, { token });
    expect(after.status).toBe(401);
  });

  it("does not let another user revoke someone else's token", async () => {
    const owner = await server.login('jyvaskyla@demo.local');
    const other = await server.login('laukaa@demo.local');
    const created = await server.gql(
      'mutation { createApiToken(name: "R", scopes: [READ]) { apiToken { id } } }',
      {},
      { token: owner },
    );
    const id = created.data!.createApiToken.apiToken.id;
    const r = await server.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id }, { token: other });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('names the field when a token request is invalid', async () => {
    const session = await server.login('admin@demo.local');
    const r = await server.gql('mutation { createApiToken(name: "  ", scopes: []) { token } }', {}, { token: session });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(r.errors?.[0]?.extensions?.fields ?? {})).toEqual(expect.arrayContaining(['name', 'scopes']));
  });
});

describe('WebSocket authentication', () => {
  it('authenticates in connection_init and closes the socket for an invalid token', async () => {
    const token = await server.login('admin@demo.local');
    const good = server.ws(token);
    const ok = listen(good, 'subscription { partyChanged { kind } }');
    await connected(good);
    expect(ok.errors).toEqual([]);

    const bad = server.ws('yps_forged');
    const sub = listen(bad, 'subscription { partyChanged { kind } }');
    await expect(connected(bad)).rejects.toMatchObject({ event: { code: 4403 } });
    expect(sub.received()).toBe(0);
  });

  it('closes open sockets when their session logs out or their token is revoked', async () => {
    const session = await server.login('laukaa@demo.local');
    const sessionSocket = server.ws(session);
    listen(sessionSocket, 'subscription { partyChanged { kind } }');
    await connected(sessionSocket);
    const sessionClosed = new Promise<number>((resolve) =>
      sessionSocket.on('closed', (e) => resolve((e as { code: number }).code)),
    );

    const admin = await server.login('admin@demo.local');
    const created = await server.gql(
      'mutation { createApiToken(name: "socket", scopes: [READ]) { token apiToken { id } } }',
      {},
      { token: admin },
    );
    const tokenSocket = server.ws(created.data!.createApiToken.token);
    listen(tokenSocket, 'subscription { partyChanged { kind } }');
    await connected(tokenSocket);
    const tokenClosed = new Promise<number>((resolve) => tokenSocket.on('closed', (e) => resolve((e as { code: number }).code)));

    await server.gql('mutation { logout }', {}, { token: session });
    expect(await sessionClosed).toBe(4403);
    await server.gql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: created.data!.createApiToken.apiToken.id },
      { token: admin },
    );
    expect(await tokenClosed).toBe(4403);
  });

  it('refuses the upgrade for a foreign Origin', async () => {
    const token = await server.login('admin@demo.local');
    const foreign = server.ws(token, { headers: { origin: 'https://evil.example' } });
    listen(foreign, 'subscription { partyChanged { kind } }');
    await expect(connected(foreign)).rejects.toThrow();
    const same = server.ws(token, { headers: { origin: server.url } });
    listen(same, 'subscription { partyChanged { kind } }');
    await expect(connected(same)).resolves.toBeUndefined();
  });

  it('authenticates a same-origin socket by the session cookie', async () => {
    const r = await server.gql('mutation { login(email: "laukaa@demo.local", password: "demo-password") { token } }');
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const client = server.ws(undefined, { headers: { cookie, origin: server.url } });
    const sub = listen(client, 'subscription { partyChanged { kind } }');
    await connected(client);
    const anon = server.ws();
    const anonSub = listen(anon, 'subscription { partyChanged { kind } }');
    await waitFor(() => anonSub.errors.length > 0, 5_000, 'the anonymous subscription to be refused');
    expect(JSON.stringify(anonSub.errors[0])).toContain('UNAUTHENTICATED');
    expect(sub.errors).toEqual([]);
  });
});
