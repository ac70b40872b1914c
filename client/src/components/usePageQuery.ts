import { useCallback } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryState } from 'urql';
import { useRefetchOnReconnect } from '../graphql/useRefetchOnReconnect';
import { useMalformedRouteId } from './routeIds';

/**
 * A page's query, fetched again from the network when the live connection comes back (useRefetchOnReconnect);
 * `refetch` does the same on demand: a retry button, a form that found its copy stale.
 *
 * On a route whose record id is malformed (/needs/not-a-uuid) the query is not sent: no record has that id, and
 * the page's PageFallback says "not found" (useMalformedRouteId).
 */
export function usePageQuery<Data, Variables extends AnyVariables = AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
): [UseQueryState<Data, Variables>, () => void] {
  const malformed = useMalformedRouteId();
  const [result, reexecute] = useQuery<Data, Variables>({ ...args, pause: Boolean(args.pause) || malformed });
  // urql runs an explicit reexecute even when paused: a malformed id is not asked for on a reconnect or a retry either.
  const execute = useCallback<typeof reexecute>((opts) => (malformed ? undefined : reexecute(opts)), [reexecute, malformed]);
  useRefetchOnReconnect(execute);
  const refetch = useCallback(() => execute({ requestPolicy: 'network-only' }), [execute]);
  return [result, refetch];
}
