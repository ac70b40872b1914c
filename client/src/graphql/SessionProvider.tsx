import { createContext, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createSession, type Session } from './client';
import { connectionReducer, initialConnectionState, type ConnectionState } from './connectionState';

/** What useSession() gives. */
export interface SessionValue {
  session: Session;
  /** Bumped on every new session; keys the subtree so that no state outlives a login or logout. */
  generation: number;
  /** Replaces the urql client and the socket: call after login and logout (cookies change only then). */
  renew: () => void;
  /** Bumped when an operation says the session has ended; the auth gate re-asks `me`. */
  authCheck: number;
  connection: ConnectionState;
}

/** The session context; use useSession or useConnectionState rather than this directly. */
export const SessionContext = createContext<SessionValue | null>(null);

/** Owns the urql client and the live connection, and provides urql to the tree below. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [authCheck, setAuthCheck] = useState(0);
  const [generation, setGeneration] = useState(0);
  const make = useCallback(() => createSession({ onUnauthenticated: () => setAuthCheck((n) => n + 1) }), []);
  const [session, setSession] = useState<Session>(make);
  // The ref lets renew() dispose the current session outside a state updater (StrictMode runs updaters twice).
  const current = useRef(session);
  const [connection, dispatch] = useReducer(connectionReducer, navigator.onLine, initialConnectionState);

  useEffect(() => {
    dispatch({ type: 'reset', online: navigator.onLine });
    return session.listen(dispatch);
  }, [session]);

  useEffect(() => {
    const online = () => dispatch({ type: 'online' });
    const offline = () => dispatch({ type: 'offline' });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);

  const renew = useCallback(() => {
    current.current.disconnect();
    const next = make();
    current.current = next;
    setSession(next);
    setGeneration((n) => n + 1);
  }, [make]);

  const value = useMemo<SessionValue>(
    () => ({ session, generation, renew, authCheck, connection }),
    [session, generation, renew, authCheck, connection],
  );

  return (
    <SessionContext.Provider value={value}>
      <Provider value={session.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
