import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { countStatements, eventually, startDemo, unique } from './helpers.js';

const tag = unique('vienti');

// Its own server on its own database: a count of statements must not meet other files' writes and notifications.
const demo = startDemo({ own: 'yp_export_cost', users: ['laukaa'], region: true });

/** GET /export/changes.ndjson after a cursor (from the start without one), the lines parsed. */
async function exportFeed(after: string | undefined, token: string): Promise<Record<string, any>[]> {
  const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
  const res = await fetch(`${demo.server.url}/export/changes.ndjson${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);
}

/** `n` needs of Laukaa, which its representative reads record by record (unlike the secretariat and analysts). */
async function makeNeeds(n: number, from: number): Promise<string[]> {
  const made = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      factory.makeNeed(demo.server, demo.token.admin, {
        title: `${tag} ${from + i}`,
        municipalityIds: [demo.region.party('410')],
      }),
    ),
  );
  return made.map((m) => m.id);
}

/** The stream's end as the secretariat's export shows it once it holds every event of `needIds`. */
async function endAfter(start: string | undefined, needIds: readonly string[]): Promise<string> {
  const lines = await eventually(
    () => exportFeed(start, demo.token.admin),
    (ls) => needIds.every((id) => ls.some((l) => l.entityId === id)),
    10_000,
    'the new needs in the stream',
  );
  return lines.at(-1)!.cursor as string;
}

interface Costs {
  export: number;
  page: number;
  totalCount: number;
}

describe("the changes export's cost", () => {
  it("checks a representative's export, page of 1000 and totalCount in the same statements for 5 needs' events and for 20", async () => {
    const start = await endAfter(undefined, []);
    /** What each read costs the representative, and that each shows the events of every need in `needIds`. */
    const costs = async (needIds: readonly string[]): Promise<Costs> => {
      const counter = countStatements(demo.server);
      try {
        const lines = await exportFeed(start, demo.token.laukaa);
        const exported = counter.count();
        for (const id of needIds) expect(lines.some((l) => l.entityId === id)).toBe(true);
        counter.reset();
        const page = await demo.server.gql(
          'query ($after: String) { changes(first: 1000, after: $after) { edges { cursor node { entityId } } } }',
          { after: start },
          { token: demo.token.laukaa },
        );
        const paged = counter.count();
        expect(page.errors).toBeUndefined();
        // The page shows what the export shows, in the same order.
        expect(page.data!.changes.edges.map((e: any) => e.cursor)).toEqual(lines.map((l) => l.cursor));
        counter.reset();
        const counted = await demo.server.gql('{ changes(first: 1) { totalCount } }', {}, { token: demo.token.laukaa });
        expect(counted.errors).toBeUndefined();
        expect(counted.data!.changes.totalCount).toBeGreaterThanOrEqual(lines.length);
        return { export: exported, page: paged, totalCount: counter.count() };
      } finally {
        counter.restore();
      }
    };
    const five = await makeNeeds(5, 0);
    await endAfter(start, five);
    const forFive = await costs(five);
    const twenty = [...five, ...(await makeNeeds(15, 5))];
    await endAfter(start, twenty);
    const forTwenty = await costs(twenty);
    // As in the audit trail's cost test: a pool may split a loader's batch once more.
    const splits = { pglite: 0, postgres: 3 }[demo.server.app.internals.database.kind];
    console.log(`statements for 5 needs' events ${JSON.stringify(forFive)}, for 20 ${JSON.stringify(forTwenty)}`);
    expect(Math.abs(forTwenty.export - forFive.export)).toBeLessThanOrEqual(splits);
    expect(Math.abs(forTwenty.page - forFive.page)).toBeLessThanOrEqual(splits);
    expect(Math.abs(forTwenty.totalCount - forFive.totalCount)).toBeLessThanOrEqual(splits);
  });
});
