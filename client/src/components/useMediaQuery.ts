import { useSyncExternalStore } from 'react';

/** The phone layout's breakpoint, the same as the `max-width: 720px` rules in the style sheets. */
export const PHONE_QUERY = '(max-width: 720px)';

/** Whether a CSS media query matches now, updated as the window changes (e.g. turning a phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
