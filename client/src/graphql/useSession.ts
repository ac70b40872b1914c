import { useContext } from 'react';
import { SessionContext, type SessionValue } from './SessionProvider';

/** The current session and the means to renew it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it');
  return value;
}
