import http from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type TestServer } from './helpers.js';

/*
 * Single sign-on (issue 12) against a real OpenID Connect provider (oidc-provider) on a free local port:
 * the whole authorization code flow with PKCE over HTTP, its login and consent forms submitted as a browser would.
 */

const CLIENT_ID = 'yhteispeli';
const CLIENT_SECRET = 'a-client-secret-for-tests-only';
/** The provider's users: login name → claims. */
const accounts = new Map<string, Record<string, unknown>>();

let providerServer: http.Server;
let issuer: string;
let server: TestServer;
let admin: string;

/** A cookie jar per origin: name → value (paths are ignored: each flow uses its own jar). */
type Jar = Map<string, Map<string, string>>;

function store(jar: Jar, url: URL, res: Response) {
  const cookies = jar.get(url.origin) ?? new Map<string, string>();
  jar.set(url.origin, cookies);
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}

const cookieHeader = (jar: Jar, url: URL) =>
  [...(jar.get(url.origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Follows redirects from `start` as a browser would, submitting the provider's login (as `login`) and consent
 * forms, until the answer comes back to the app. Returns the app's last redirect and the jar.
 */
async function signInFlow(login: string, opts: { tamper?: (callback: URL) => void } = {}) {
  const jar: Jar = new Map();
  let url = new URL(`${server.url}/auth/oidc/start`);
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.origin === server.url && url.pathname === '/auth/oidc/callback') opts.tamper?.(url);
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: cookieHeader(jar, url), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    store(jar, url, res);
    const location = res.headers.get('location');
    if (url.origin === server.url && url.pathname === '/auth/oidc/callback') return { status: res.status, location, jar };
    method = 'GET';
    body = undefined;
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url.href}: ${res.status} ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString();
  }
  throw new Error('too many steps');
}

const sessionOf = (jar: Jar) => jar.get(server.url)?.get('yp_session');

beforeAll(async () => {
  // The provider's port first (the app needs its issuer); the provider itself once the app's callback URL is known.
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  providerServer = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as { port: number }).port}`;
  server = await startServer({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${server.url}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  handler = provider.callback();
  admin = await server.login('admin@demo.local');
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => providerServer?.close(() => resolve()));
});

/** Invites an account on the app; returns its email and id. */
async function invite(): Promise<{ email: string; id: string; link: string }> {
  const email = `${unique('sso')}@example.fi`;
  const r = await server.gql(
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link user { id } } }',
    { input: { email, displayName: 'Kerttu Kertakirjautuja', roles: ['ANALYST'] } },
    { token: admin },
  );
  expect(r.errors).toBeUndefined();
  return { email, id: r.data!.inviteUser.user.id, link: r.data!.inviteUser.link };
}

describe('single sign-on through OpenID Connect', () => {
  it('tells the login page that organisation sign-in is available', async () => {
    expect((await server.gql('{ signInOptions { organisationSso } }')).data!.signInOptions.organisationSso).toBe(true);
  });

  it('signs in an invited person whose verified e-mail matches, activating the account and using up the invitation', async () => {
    const { email, id, link } = await invite();
    accounts.set('kerttu', { email: email.toUpperCase(), email_verified: true, name: 'Kerttu' });
    const flow = await signInFlow('kerttu');
    expect(flow.status).toBe(303);
    expect(flow.location).toBe('/');
    const session = sessionOf(flow.jar);
    expect(session).toMatch(/^yps_/);
    const me = await server.gql('{ me { id status } }', {}, { headers: { cookie: `yp_session=${session}` } });
    expect(me.data!.me).toEqual({ id, status: 'ACTIVE' });
    const token = link.slice(link.lastIndexOf('/') + 1);
    expect(
      (await server.gql('query ($t: String!) { accountLink(token: $t) { state } }', { t: token })).data!.accountLink,
    ).toBeNull();
    // A second sign-in of the now active account works the same way.
    expect(sessionOf((await signInFlow('kerttu')).jar)).toMatch(/^yps_/);
  });

  it('creates no account for an e-mail nobody invited', async () => {
    accounts.set('stranger', { email: `${unique('stranger')}@example.fi`, email_verified: true });
    const flow = await signInFlow('stranger');
    expect(flow.location).toBe('/login?sso=no-account');
    expect(sessionOf(flow.jar)).toBeUndefined();
    const users = await server.gql('{ users { email } }', {}, { token: admin });
    expect(users.data!.users.map((u: { email: string }) => u.email)).not.toContain(accounts.get('stranger')!.email);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const { email } = await invite();
    accounts.set('unverified', { email, email_verified: false });
    const flow = await signInFlow('unverified');
    expect(flow.location).toBe('/login?sso=no-account');
    expect(sessionOf(flow.jar)).toBeUndefined();
  });

  it('refuses a deactivated account', async () => {
    const { email, id } = await invite();
    await server.gql('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id }, { token: admin });
    accounts.set('gone', { email, email_verified: true });
    const flow = await signInFlow('gone');
    expect(flow.location).toBe('/login?sso=no-account');
  });

  it('refuses an answer whose state does not match the one the sign-in started with', async () => {
    const { email } = await invite();
    accounts.set('forged', { email, email_verified: true });
    const flow = await signInFlow('forged', { tamper: (callback) => callback.searchParams.set('state', 'forged-state') });
    expect(flow.location).toBe('/login?sso=failed');
    expect(sessionOf(flow.jar)).toBeUndefined();
  });
});
