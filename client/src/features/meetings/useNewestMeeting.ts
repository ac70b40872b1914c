import { useCallback, useEffect, useState } from 'react';
import { isStale } from './meetings.rules';

/**
 * Keeps the page on the newest version of a meeting it has seen. A
 * `meetingChanged` event is loaded on the server when it is delivered, so on a
 * busy server the event of one transition can reach the browser after the
 * result of the next one and graphcache, which writes in arrival order, puts
 * the older meeting back ("Pidetty" after "Pöytäkirjaluonnos"). The page
 * remembers the highest version it has seen (shown, returned by a mutation,
 * or named by a CONFLICT) and refetches when what it shows is older.
 * Returns `note(id, version)` for mutation results.
 */
export function useNewestMeeting(
  meeting: { id: string; version: number } | null | undefined,
  refetch: () => void,
): (id: string, version: number) => void {
  const [newest, setNewest] = useState<{ id: string; version: number }>();
  const note = useCallback(
    (id: string, version: number) => setNewest((n) => (n && n.id === id && n.version >= version ? n : { id, version })),
    [],
  );
  const id = meeting?.id;
  const version = meeting?.version;
  useEffect(() => {
    if (id !== undefined && version !== undefined) note(id, version);
  }, [id, version, note]);
  const seen = newest && newest.id === id ? newest.version : undefined;
  const stale = version !== undefined && isStale({ version }, seen);
  useEffect(() => {
    if (stale) refetch();
  }, [stale, seen, refetch]);
  return note;
}
