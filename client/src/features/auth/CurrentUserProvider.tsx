import { createContext, useEffect, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeQuery as MeQueryResult } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useSession } from '../../graphql/useSession';
import { MeQuery } from './auth.documents';

/** The signed-in user as `me` returns it. */
export type CurrentUser = NonNullable<MeQueryResult['me']>;

/** What useCurrentUser() gives: user is undefined while loading, null when anonymous. */
export interface CurrentUserValue {
  user: CurrentUser | null | undefined;
  error: ApiError | undefined;
  refresh: () => void;
}

/** The current-user context; use the useCurrentUser hook. */
export const CurrentUserContext = createContext<CurrentUserValue | null>(null);

/**
 * Asks the server who is signed in (`me`; the cookie is HTTP-only, so the
 * client cannot tell by itself) and opens the live connection for a user.
 */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const { session, authCheck } = useSession();
  const [{ data, error }, reexecute] = useQuery({ query: MeQuery });
  useRefetchOnReconnect(reexecute);

  useEffect(() => {
    // An operation answered UNAUTHENTICATED: ask again; a null `me` sends the user to login.
    if (authCheck > 0) reexecute({ requestPolicy: 'network-only' });
  }, [authCheck, reexecute]);

  const user = data ? data.me : undefined;
  const userId = user?.id;
  const anonymous = user === null;
  useEffect(() => {
    if (userId) session.connect();
    else if (anonymous) session.disconnect();
  }, [userId, anonymous, session]);

  const value: CurrentUserValue = {
    user,
    error: user === undefined ? toApiError(error) : undefined,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}
