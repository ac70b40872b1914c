import type express from 'express';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { parseCookies, sessionCookie } from '../auth/cookies.js';
import type { OidcConfig } from '../config.js';
import type { PeopleService } from '../modules/auth/people.service.js';

/** The short-lived cookie that carries one sign-in's state, nonce and PKCE verifier from start to callback. */
const FLOW_COOKIE = 'yp_oidc';
const FLOW_PATH = '/auth/oidc';
const FLOW_SECONDS = 600;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

function flowCookie(value: string, maxAge: number, secure: boolean): string {
  return [
    `${FLOW_COOKIE}=${value}`,
    `Path=${FLOW_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function readFlow(req: express.Request): Flow | undefined {
  const raw = parseCookies(req.header('cookie')).get(FLOW_COOKIE);
  if (!raw) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flow>;
    return typeof flow.state === 'string' && typeof flow.nonce === 'string' && typeof flow.verifier === 'string'
      ? (flow as Flow)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Plain HTTP is for a provider on this machine only (tests, a local development provider); anything else needs HTTPS. */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** True when the provider vouches for the address: `email_verified`, or Entra ID's `xms_edov` (the domain owner verified it). */
export function verifiedEmail(claims: Record<string, unknown>): string | undefined {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return email && (claims.email_verified === true || claims.xms_edov === true) ? email : undefined;
}

/**
 * Single sign-on through OpenID Connect (issue 12, ADR 0013): the authorization code flow with PKCE, state and
 * nonce, with `openid-client`. `GET /auth/oidc/start` sends the browser to the provider; `GET /auth/oidc/callback`
 * checks the answer, matches the verified e-mail to an invited or active account (never creates one), starts a
 * session and goes to `/`. Failures go to `/login?sso=<reason>` (`no-account`, `failed`).
 */
export function routeOidc(
  app: express.Express,
  opts: { config: OidcConfig; people: () => PeopleService; baseUrl: () => string; cookieSecure: boolean; log: Logger },
): void {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= (async () => {
      const issuer = new URL(opts.config.issuer);
      return oidc.discovery(
        issuer,
        opts.config.clientId,
        opts.config.clientSecret,
        undefined,
        isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })();
    // A provider that was down is asked again next time.
    discovered.catch(() => (discovered = undefined));
    return discovered;
  };
  const redirectUri = () => `${opts.baseUrl().replace(/\/$/, '')}${FLOW_PATH}/callback`;
  const fail = (res: express.Response, reason: 'no-account' | 'failed') => {
    res.append('Set-Cookie', flowCookie('', 0, opts.cookieSecure));
    res.redirect(303, `/login?sso=${reason}`);
  };

  app.get(`${FLOW_PATH}/start`, async (_req, res) => {
    try {
      const config = await configuration();
      const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(),
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      res.append(
        'Set-Cookie',
        flowCookie(Buffer.from(JSON.stringify(flow)).toString('base64url'), FLOW_SECONDS, opts.cookieSecure),
      );
      res.redirect(303, url.href);
    } catch (err) {
      opts.log.warn({ err }, 'single sign-on could not start');
      fail(res, 'failed');
    }
  });

  app.get(`${FLOW_PATH}/callback`, async (req, res) => {
    const flow = readFlow(req);
    if (!flow) return fail(res, 'failed');
    try {
      const config = await configuration();
      const current = new URL(req.originalUrl, opts.baseUrl());
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token claims');
      // Many providers put e-mail claims in the ID token only on request; the UserInfo endpoint has them.
      let email = verifiedEmail(idClaims);
      if (!email && config.serverMetadata().userinfo_endpoint) {
        email = verifiedEmail(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub));
      }
      const signedIn = email ? await opts.people().signInWithVerifiedEmail(email) : undefined;
      if (!signedIn) {
        opts.log.info({ sub: idClaims.sub }, 'single sign-on: no invited or active account with a verified e-mail');
        return fail(res, 'no-account');
      }
      res.append('Set-Cookie', flowCookie('', 0, opts.cookieSecure));
      res.append('Set-Cookie', sessionCookie(signedIn.token, signedIn.expiresAt, opts.cookieSecure));
      res.redirect(303, '/');
    } catch (err) {
      opts.log.warn({ err }, 'single sign-on failed');
      fail(res, 'failed');
    }
  });
}
