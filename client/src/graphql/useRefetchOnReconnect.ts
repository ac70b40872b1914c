import { useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';
import { useSession } from './useSession';

/**
 * Re-runs a query from the network whenever the live connection comes back:
 * changes made while the socket was down (a server restart, a sleeping
 * laptop) were never pushed, so the view would otherwise stay stale.
 */
export function useRefetchOnReconnect(reexecute: (opts?: Partial<OperationContext>) => void): void {
  const { connection } = useSession();
  const seen = useRef(connection.reconnects);
  useEffect(() => {
    if (connection.reconnects === seen.current) return;
    seen.current = connection.reconnects;
    reexecute({ requestPolicy: 'network-only' });
  }, [connection.reconnects, reexecute]);
}
