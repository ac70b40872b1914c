import { graphql } from '../clients/http.js';

export interface SyncResult {
  events: number;
  pages: number;
  /** The largest page the server answered (a server may cap `first` silently). */
  pageSize: number;
  seconds: number;
  eventsPerSecond: number;
}

const OURS = (first: number) => `query Sync($after: String) { changes(first: ${first}, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id at entityType entityId kind } } } }`;

const POSTGRAPHILE = (
  first: number,
) => `query Sync($after: Cursor) { allChangeEvents(first: ${first}, after: $after, orderBy: PRIMARY_KEY_ASC) {
  pageInfo { hasNextPage endCursor } nodes { id at entityType entityId kind } } }`;

async function sync(
  fetchPage: (after: string | null) => Promise<{ count: number; hasNextPage: boolean; endCursor: string | null }>,
): Promise<SyncResult> {
  let after: string | null = null;
  let events = 0;
  let pages = 0;
  let pageSize = 0;
  const start = performance.now();
  for (;;) {
    const page = await fetchPage(after);
    events += page.count;
    pageSize = Math.max(pageSize, page.count);
    pages++;
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const seconds = (performance.now() - start) / 1000;
  return { events, pages, pageSize, seconds, eventsPerSecond: events / seconds };
}

/**
 * A full `changes` sync with an API token, asking for pages of 1,000 (or 100
 * when the server refuses more); the result says what it answered.
 */
export async function oursFullSync(url: string, token: string): Promise<SyncResult> {
  let pageSize = 1000;
  try {
    await graphql(`${url}/graphql`, OURS(pageSize), { after: null }, token);
  } catch {
    pageSize = 100;
  }
  return sync(async (after) => {
    const data = await graphql(`${url}/graphql`, OURS(pageSize), { after }, token);
    return { count: data.changes.edges.length, ...data.changes.pageInfo };
  });
}

/** PostGraphile's cursor connection over the same change_events table, pages of 1,000. */
export async function postgraphileFullSync(url: string): Promise<SyncResult> {
  const pageSize = 1000;
  return sync(async (after) => {
    const data = await graphql(`${url}/graphql`, POSTGRAPHILE(pageSize), { after });
    return { count: data.allChangeEvents.nodes.length, ...data.allChangeEvents.pageInfo };
  });
}
