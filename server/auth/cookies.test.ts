import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, parseCookies, sessionCookie } from './cookies.js';

describe('parseCookies', () => {
  it('reads names and decoded values, the first of a repeated name winning', () => {
    const cookies = parseCookies('theme=dark; yp_session=yps_a%2Fb; yp_session=later; broken');
    expect(cookies.get('yp_session')).toBe('yps_a/b');
    expect(cookies.get('theme')).toBe('dark');
    expect(cookies.has('broken')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe('sessionCookie', () => {
  it('is HTTP-only, SameSite=Lax for the whole site, Secure only when asked, and encodes the token', () => {
    const expires = new Date('2027-01-01T00:00:00Z');
    expect(sessionCookie('yps_a/b', expires, true)).toBe(
      'yp_session=yps_a%2Fb; Path=/; Expires=Fri, 01 Jan 2027 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
    );
    expect(sessionCookie('t', expires, false)).not.toMatch(/Secure/);
    expect(clearedSessionCookie(false)).toMatch(
      /^yp_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
  });
});
