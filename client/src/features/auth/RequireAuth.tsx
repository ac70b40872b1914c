import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorPage } from '../../components/PageFallback';
import { PageLoading } from '../../components/PageLoading';
import type { SessionEnd } from './CurrentUserProvider';
import { keepDrafts, useRestoreDrafts } from './sessionDrafts';
import { useCurrentUser } from './useCurrentUser';

/** Where the login page returns to, carried in the router's location state, and why the user was sent there. */
export interface LoginRedirectState {
  from?: string;
  /** The session ended while the user was on `from` (the login page says so). */
  sessionEnded?: SessionEnd;
  /** The unsent text of `from` was kept, to be put back on return (sessionDrafts). */
  draftsKept?: boolean;
}

/**
 * Renders the child routes for a signed-in user; sends anyone else to /login. When the session ended under an
 * open page, its typed text is kept first (read from the page still on screen: this render replaces it) and
 * the login page is told why; back on the page, the text is put back.
 */
export function RequireAuth() {
  const { user, sessionEnded, error, refresh } = useCurrentUser();
  const location = useLocation();
  const address = location.pathname + location.search;
  useRestoreDrafts(user ? address : '');
  if (user === undefined) return error ? <ErrorPage error={error} onRetry={refresh} /> : <PageLoading />;
  if (user === null) {
    const state: LoginRedirectState = { from: address };
    if (sessionEnded) {
      state.sessionEnded = sessionEnded;
      state.draftsKept = keepDrafts(address);
    }
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
