import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, makeAccount } from './factories.js';
import { startDemo, unique } from './helpers.js';

/*
 * Cancelling an invitation that has not been accepted (`cancelInvitation`): the pending link stops working at once,
 * as an unknown link does, and the account is deactivated, so nobody signs in with it.
 */
const demo = startDemo({ users: ['jyvaskyla', 'analyst'] });

const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link user { id } } }';
const CANCEL = 'mutation ($id: ID!) { cancelInvitation(userId: $id) { id status version pendingLink { kind } } }';
const VIEW = 'query ($t: String!) { accountLink(token: $t) { state } }';
const ACCEPT = 'mutation ($t: String!, $p: String!) { acceptAccountLink(token: $t, password: $p) { user { status } } }';
const ACCOUNT = '{ users(filter: { status: INVITED }) { id } all: users { id status pendingLink { kind } } }';

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** An invitation by the administrator: the account's id and the link's secret. */
async function invite(): Promise<{ id: string; token: string }> {
  const r = await demo.server.gql(
    INVITE,
    { input: { email: `${unique('peruttava')}@example.fi`, displayName: 'Peruttava Kutsu', roles: ['ANALYST'] } },
    { token: demo.admin },
  );
  expect(r.errors).toBeUndefined();
  return { id: r.data!.inviteUser.user.id, token: tokenOf(r.data!.inviteUser.link) };
}

/** The account as the people page lists it, and whether it is among the INVITED ones. */
async function listed(id: string) {
  const r = await demo.server.gql(ACCOUNT, {}, { token: demo.admin });
  const all = r.data!.all as { id: string; status: string; pendingLink: { kind: string } | null }[];
  return { ...all.find((u) => u.id === id), invited: (r.data!.users as { id: string }[]).some((u) => u.id === id) };
}

async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const result = await demo.server.app.internals.database.db.execute(query);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

describe('cancelling an invitation', () => {
  it('ends the pending link at once (refused as an unknown link) and deactivates the account; the audit trail keeps who invited and who cancelled', async () => {
    const { id, token } = await invite();
    // Another member of the secretariat cancels it.
    const colleague = await makeAccount(demo.server, demo.admin, { roles: ['SECRETARIAT'], partyId: null });
    const r = await demo.server.gql(CANCEL, { id }, { token: colleague.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.cancelInvitation).toMatchObject({ id, status: 'DEACTIVATED', pendingLink: null });

    expect((await demo.server.gql(VIEW, { t: token })).data!.accountLink).toBeNull();
    expect((await demo.server.gql(ACCEPT, { t: token, p: ACCOUNT_PASSWORD })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await listed(id)).toMatchObject({ status: 'DEACTIVATED', pendingLink: null, invited: false });
    expect(await rows(sql`select id from account_links where user_id = ${id} and revoked_at is null`)).toEqual([]);

    const adminId = (await demo.server.gql('{ me { id } }', {}, { token: demo.admin })).data!.me.id;
    const events = await rows(
      sql`select name, actor_user_id, before, after from change_events where entity_id = ${id} and name like 'user.%' order by id`,
    );
    expect(events.map((e) => e.name)).toEqual(['user.invited', 'user.invitation_cancelled']);
    expect(events[0]).toMatchObject({ actor_user_id: adminId });
    expect(events[1]).toEqual({
      name: 'user.invitation_cancelled',
      actor_user_id: colleague.id,
      before: { status: 'INVITED' },
      after: { status: 'DEACTIVATED' },
    });
  });

  it('can be undone by reactivating the account and sending a new invitation link; the cancelled link stays refused', async () => {
    const { id, token } = await invite();
    expect((await demo.server.gql(CANCEL, { id }, { token: demo.admin })).errors).toBeUndefined();
    const back = await demo.server.gql(
      'mutation ($id: ID!) { reactivateUser(id: $id) { status } }',
      { id },
      { token: demo.admin },
    );
    expect(back.data!.reactivateUser.status).toBe('INVITED');
    // Reactivation gives no link back: the cancelled one stays dead.
    expect((await demo.server.gql(VIEW, { t: token })).data!.accountLink).toBeNull();
    const fresh = await demo.server.gql(
      'mutation ($id: ID!) { sendPasswordResetLink(userId: $id) { link user { pendingLink { kind } } } }',
      { id },
      { token: demo.admin },
    );
    expect(fresh.data!.sendPasswordResetLink.user.pendingLink.kind).toBe('INVITATION');
    const accepted = await demo.server.gql(ACCEPT, { t: tokenOf(fresh.data!.sendPasswordResetLink.link), p: ACCOUNT_PASSWORD });
    expect(accepted.data!.acceptAccountLink.user.status).toBe('ACTIVE');
    expect((await demo.server.gql(ACCEPT, { t: token, p: ACCOUNT_PASSWORD })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses everyone but the secretariat signed in to the web client (API tokens are read-only), changing nothing', async () => {
    const { id, token } = await invite();
    expect((await demo.server.gql(CANCEL, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const who of [demo.token.jyvaskyla, demo.token.analyst]) {
      expect((await demo.server.gql(CANCEL, { id }, { token: who })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const apiToken = (
      await demo.server.gql('mutation { createApiToken(name: "peruutus", scopes: [READ]) { token } }', {}, { token: demo.admin })
    ).data!.createApiToken.token as string;
    expect((await demo.server.gql(CANCEL, { id }, { token: apiToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(await listed(id)).toMatchObject({ status: 'INVITED', pendingLink: { kind: 'INVITATION' }, invited: true });
    expect((await demo.server.gql(VIEW, { t: token })).data!.accountLink.state).toBe('VALID');
    expect(
      await rows(sql`select name from change_events where name = 'user.invitation_cancelled' and entity_id = ${id}`),
    ).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown account and BAD_USER_INPUT for one that is not invited, which stays as it was', async () => {
    const cancel = async (id: string) => (await demo.server.gql(CANCEL, { id }, { token: demo.admin })).errors?.[0]?.extensions;
    expect((await cancel('00000000-0000-4000-8000-000000000000'))?.code).toBe('NOT_FOUND');
    // A malformed id is refused before the service, as everywhere: naming the argument.
    expect(await cancel('ei-tunnus')).toMatchObject({ code: 'BAD_USER_INPUT', fields: { userId: expect.any(String) } });
    // Accepted before the secretariat pressed the button: never deactivated by it.
    const accepted = await makeAccount(demo.server, demo.admin, { roles: ['ANALYST'], partyId: null });
    expect(await cancel(accepted.id)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_INVITED',
      status: 'ACTIVE',
      fields: { userId: expect.any(String) },
    });
    expect((await demo.server.gql('{ me { status } }', {}, { token: accepted.token })).data!.me.status).toBe('ACTIVE');

    // Cancelled already: the second press is refused too.
    const { id } = await invite();
    expect((await demo.server.gql(CANCEL, { id }, { token: demo.admin })).errors).toBeUndefined();
    const version = (await rows(sql`select version from users where id = ${id}`))[0]!.version;
    expect(await cancel(id)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_INVITED',
      status: 'DEACTIVATED',
    });
    expect((await rows(sql`select version from users where id = ${id}`))[0]!.version).toBe(version);
  });
});
