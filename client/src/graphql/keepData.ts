import { map, pipe } from 'wonka';
import type { Exchange, OperationResult } from 'urql';
import { toApiError } from './errors';

/**
 * Errors that say nothing about the data, only that no fresh answer came: no answer at all (NETWORK), or the
 * server busy or restarting; or the session ended (UNAUTHENTICATED), which the route guard answers by sending the
 * user to sign in, keeping the page's typed text first (sessionDrafts), so the page must still be there. A view
 * keeps what it shows through them; any other error (NOT_FOUND, FORBIDDEN…) is an answer about the data and
 * reaches the view.
 */
const transientCodes: ReadonlySet<string> = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHENTICATED']);

/** How many queries' last data is remembered (the views of a page or two; graphcache holds the rest). */
const keep = 100;

/** True when `result` is a transient failure (transientCodes) that brought no data. */
export function isTransientFailure(result: Pick<OperationResult, 'data' | 'error'>): boolean {
  if (result.data != null || !result.error) return false;
  const code = toApiError(result.error)?.code;
  return code !== undefined && transientCodes.has(code);
}

/**
 * What a query's view gets for `result` when it last got `previous`: data with a stale error. A query that
 * already showed data keeps it when a refetch fails transiently (urql would replace it with `data: undefined`,
 * and the page with its error state): the last data again, marked `stale`, without the error. A query that never
 * had data gets the error, so a page that cannot load says so.
 */
export function keptResult(result: OperationResult, previous: OperationResult | undefined): OperationResult {
  if (!previous || previous.data == null || !isTransientFailure(result)) return result;
  return { ...previous, operation: result.operation, error: undefined, stale: true, hasNext: false };
}

/**
 * Applies keptResult to every query: the one shared rule by which no page (or the signed-in user, which the
 * route guard reads) drops what it shows when the server cannot be reached for a moment. The failure itself is
 * reported by createSession, so the connection indicator says the app is reconnecting and the views refetch
 * once the server answers again.
 */
export const keepDataExchange: Exchange = ({ forward }) => {
  // By operation key. Not forgotten on teardown: a refetch (useQuery's reexecute) tears the query down and sends it
  // again under the same key, and its failure must still find the data. The newest `keep` keys are kept.
  const last = new Map<number, OperationResult>();
  const remember = (key: number, result: OperationResult) => {
    last.delete(key);
    last.set(key, result);
    if (last.size > keep) last.delete(last.keys().next().value!);
  };
  return (operations$) =>
    pipe(
      forward(operations$),
      map((result) => {
        if (result.operation.kind !== 'query') return result;
        const shown = keptResult(result, last.get(result.operation.key));
        if (shown.data != null) remember(result.operation.key, shown);
        return shown;
      }),
    );
};
