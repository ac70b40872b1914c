import { useCallback } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryState } from 'urql';
import { useRefetchOnReconnect } from '../graphql/useRefetchOnReconnect';

/**
 * A page's query, fetched again from the network when the live connection comes back (useRefetchOnReconnect);
 * `refetch` does the same on demand: a retry button, a form that found its copy stale.
 */
export function usePageQuery<Data, Variables extends AnyVariables = AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
): [UseQueryState<Data, Variables>, () => void] {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  useRefetchOnReconnect(reexecute);
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return [result, refetch];
}
