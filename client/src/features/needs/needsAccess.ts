import { useQuery } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';
import { graphql } from '../../graphql/generated';

/** Whether the caller may record needs at all, as the server computes it from the rule `createServiceNeed` applies. */
export const ViewerCanRecordNeedsQuery = graphql(`
  query ViewerCanRecordNeeds {
    viewerCan {
      recordServiceNeed
    }
  }
`);

/**
 * Whether the signed-in person may record needs (`viewerCan.recordServiceNeed`): the register offers its
 * "record a new need" link on it, and /needs/new its form. The server decides, from the same policy its
 * mutation applies, so the screen never repeats the rule. `mayRecord` is undefined until the answer comes.
 */
export function useMayRecordNeeds(): { mayRecord: boolean | undefined; error: ApiError | undefined; retry: () => void } {
  const [{ data, error }, reexecute] = useQuery({ query: ViewerCanRecordNeedsQuery });
  return {
    mayRecord: data?.viewerCan.recordServiceNeed,
    error: data ? undefined : toApiError(error),
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
