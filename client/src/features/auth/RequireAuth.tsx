import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorPage } from '../../components/PageFallback';
import { PageLoading } from '../../components/PageLoading';
import { useCurrentUser } from './useCurrentUser';

/** Where the login page returns to, carried in the router's location state. */
export interface LoginRedirectState {
  from?: string;
}

/** Renders the child routes for a signed-in user; sends anyone else to /login. */
export function RequireAuth() {
  const { user, error, refresh } = useCurrentUser();
  const location = useLocation();
  if (user === undefined) return error ? <ErrorPage error={error} onRetry={refresh} /> : <PageLoading />;
  if (user === null) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
