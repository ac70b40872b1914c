import { useContext } from 'react';
import { CurrentUserContext, type CurrentUserValue } from './CurrentUserProvider';

/** The signed-in user (undefined while loading, null when anonymous). */
export function useCurrentUser(): CurrentUserValue {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser needs a <CurrentUserProvider> above it');
  return value;
}
