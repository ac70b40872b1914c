import { parseCookie, stringifySetCookie } from 'cookie';

/** The session cookie's name. */
export const SESSION_COOKIE = 'yp_session';

/** Parses a Cookie header into a map (the first of repeated names wins; a malformed %-escape stays as sent). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const [name, value] of Object.entries(parseCookie(header))) if (name && value !== undefined) out.set(name, value);
  return out;
}

/** A Set-Cookie value for the session: HTTP-only, SameSite=Lax, whole site. */
export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: token, path: '/', httpOnly: true, sameSite: 'lax', expires, secure });
}

/** A Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', new Date(0), secure);
}
