import { createContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeQuery as MeQueryResult } from '../../graphql/generated/graphql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useSession } from '../../graphql/useSession';
import { MeQuery } from './auth.documents';
import { onLogoutElsewhere } from './sessionChannel';

/** The signed-in user as `me` returns it. */
export type CurrentUser = NonNullable<MeQueryResult['me']>;

/** Why a signed-in user became anonymous without signing out in this tab. */
export type SessionEnd = 'ended' | 'loggedOutInOtherTab';

/** What useCurrentUser() gives: user is undefined while loading, null when anonymous. */
export interface CurrentUserValue {
  user: CurrentUser | null | undefined;
  /**
   * Set when this session had a user and now has none: the session ended elsewhere (a logout in another tab, a
   * password change or "end session" elsewhere, an expiry). A logout in this tab starts a new session instead.
   */
  sessionEnded: SessionEnd | undefined;
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

  // A session with a user that loses it ended elsewhere; a logout in another tab of this browser says so first.
  const [hadUser, setHadUser] = useState(false);
  const [otherTabLogout, setOtherTabLogout] = useState(false);
  useEffect(() => {
    if (userId) setHadUser(true);
  }, [userId]);
  useEffect(() => onLogoutElsewhere(() => setOtherTabLogout(true)), []);
  const sessionEnded: SessionEnd | undefined =
    hadUser && anonymous ? (otherTabLogout ? 'loggedOutInOtherTab' : 'ended') : undefined;

  const value: CurrentUserValue = {
    user,
    sessionEnded,
    error: user === undefined ? toApiError(error) : undefined,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}
