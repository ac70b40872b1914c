import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { listen, startDemo, subscribe, waitFor } from './helpers.js';

// A small cap keeps this fast; the default (100) is checked on the configuration.
const CAP = 3;
const PARTY_CHANGED = 'subscription { partyChanged { kind } }';

const demo = startDemo({ env: { MAX_SUBSCRIPTIONS_PER_SOCKET: String(CAP) } });

async function editParty(code: string) {
  const list = await demo.server.gql('{ parties { id code version } }', {}, { token: demo.admin });
  const p = list.data!.parties.find((x: any) => x.code === code);
  const r = await demo.server.gql(
    'mutation ($id: ID!, $v: Int!) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: "cap" }) { id } }',
    {
      id: p.id,
      v: p.version,
    },
    { token: demo.admin },
  );
  expect(r.errors).toBeUndefined();
}

describe('subscriptions per socket', () => {
  it('allows 100 by default', () => {
    expect(loadConfig({}).maxSubscriptionsPerSocket).toBe(100);
    expect(loadConfig({ MAX_SUBSCRIPTIONS_PER_SOCKET: '7' }).maxSubscriptionsPerSocket).toBe(7);
  });

  it('answers the one past the cap RATE_LIMITED and keeps the socket and its other subscriptions', async () => {
    const client = demo.server.ws(demo.admin);
    const closes: number[] = [];
    client.on('closed', (e) => closes.push((e as { code: number }).code));
    const subs = [];
    for (let i = 0; i < CAP; i++) subs.push(await subscribe(demo.server, client, PARTY_CHANGED));
    expect(subs.flatMap((s) => s.errors)).toEqual([]);

    const refused = listen(client, PARTY_CHANGED);
    await waitFor(() => refused.errors.length > 0, 10_000, 'the refusal');
    expect(refused.errors.flat()).toMatchObject([
      { extensions: { code: 'RATE_LIMITED', reason: 'TOO_MANY_SUBSCRIPTIONS', limit: CAP } },
    ]);

    // Queries on the same socket are not subscriptions: they still run.
    const query = listen(client, '{ themes { code } }');
    const answer: any = await query.next();
    expect(answer.themes.length).toBeGreaterThan(0);

    // The subscriptions already running still deliver.
    const first = subs[0]!;
    // Pihtipudas: a party no other file edits or reads twice (parties.test.ts checks that a refused edit
    // leaves a municipality's version as it was; files share one PostgreSQL in CI).
    await editParty('601');
    expect(await first.next(10_000)).toMatchObject({ partyChanged: { kind: 'UPDATED' } });

    // Ending one frees its place (once the server has seen the end: retried until then).
    const size = demo.server.app.bus.size();
    subs.pop()!.close();
    await waitFor(() => demo.server.app.bus.size() < size, 10_000, 'the server to end it');
    await waitFor(
      async () => {
        const again = await subscribe(demo.server, client, PARTY_CHANGED);
        if (!again.errors.length) return true;
        again.close();
        return false;
      },
      10_000,
      'a place to free',
    );
    // Another socket has places of its own.
    const other = await subscribe(demo.server, demo.server.ws(demo.admin), PARTY_CHANGED);
    expect(other.errors).toEqual([]);
    expect(closes).toEqual([]);
  });
});
