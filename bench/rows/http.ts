import { graphql, postGraphql, requestsPerSecond } from '../clients/http.js';
import { percentile } from '../table.js';

/**
 * Request rows over HTTP: the 24 parties, 50 needs with their municipalities
 * and actions, and (ours only, as bench/run.ts measured them before) the
 * register's first page with filters and needStatistics by two dimensions.
 */

export interface LoadSizes {
  seconds: number;
  concurrency: number;
}

/** Ours: with an analyst's API token, as an analytics tool asks. */
export const OURS = {
  parties: '{ parties { id code kind name } }',
  needs50: `{ serviceNeeds(first: 50) { edges { node { id title status
    municipalities { code name } responsibilities { role party { code name } }
    actions { id title status dueDate } } } } }`,
  register: `query Register($filter: ServiceNeedFilter, $first: Int) {
  serviceNeeds(filter: $filter, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status priority estimatedResidents targetGroups
      themes { code } municipalities { code name } ownerBody { name }
      responsibilities { role party { code name } } actions { id title status dueDate ownerParty { code } } } }
  }
}`,
  statistics: `query Stats { needStatistics(groupBy: [STATUS, THEME]) { keys { dimension value } count estimatedResidents } }`,
};

/**
 * PostGraphile 5 (amber preset) over the same tables. A need's municipalities
 * are an array of ids without a foreign key, which PostGraphile cannot follow:
 * its parties come through the responsibilities (the lead is the municipality).
 */
export const POSTGRAPHILE = {
  parties: '{ allParties { nodes { id code kind names } } }',
  needs50: `{ allServiceNeeds(first: 50) { nodes { id title status municipalityIds
    needResponsibilitiesByNeedId { nodes { role partyByPartyId { code names } } }
    needActionsByNeedId { nodes { id title status dueDate } } } } }`,
};

export async function graphqlRate(
  url: string,
  query: string,
  token: string | undefined,
  sizes: LoadSizes,
  check: (data: any) => boolean,
) {
  return requestsPerSecond(
    () => postGraphql(`${url}/graphql`, query, {}, token),
    (body) => check(body.data),
    sizes,
  );
}

export const partiesOk = (list: (data: any) => unknown[]) => (data: any) => list(data).length >= 24;
export const needsOk = (list: (data: any) => unknown[]) => (data: any) => list(data).length === 50;

/** The raw pg peer answers GET / with `{ data: { parties } }`. */
export function rawRate(url: string, sizes: LoadSizes) {
  return requestsPerSecond(
    () => fetch(url),
    (body) => body.data.parties.length >= 24,
    sizes,
  );
}

/** Median and p95 of `runs` requests after two warm-ups: the register page and the statistics. */
export async function registerAndStatistics(url: string, token: string, runs: number) {
  const filter = { status: ['IN_PROGRESS', 'AGREED', 'MONITORING'], themeCodes: ['HYTE', 'EMPLOYMENT', 'STUDENT_WELFARE'] };
  const register: number[] = [];
  const statistics: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    let t = performance.now();
    await graphql(`${url}/graphql`, OURS.register, { filter, first: 50 }, token);
    const a = performance.now() - t;
    t = performance.now();
    await graphql(`${url}/graphql`, OURS.statistics, {}, token);
    const b = performance.now() - t;
    if (i >= 2) {
      register.push(a);
      statistics.push(b);
    }
  }
  const of = (s: number[]) => ({ median: percentile(s, 0.5), p95: percentile(s, 0.95) });
  return { register: of(register), statistics: of(statistics) };
}
